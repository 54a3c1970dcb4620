import Rationale

/// How to read a plan's fit figures, in plain words, for the reports that
/// explain them: the scale's main part (covered growth) and its bonuses,
/// with the highest fit this configuration allows. Only numbers and fixed
/// words: no cohort data, so the text needs no escaping beyond the format's.
enum PlanFitScale {
  /// How to read a fit figure, with the highest this configuration allows
  /// (the HTML report's note under its figures, the Markdown plan's
  /// paragraph under its summary).
  /// The main part is covered growth (Docs/scoring.md): a share of the
  /// levels between the mentee's current levels and goals, not a count of
  /// goals, so a mentor part of the way to every goal earns part of it.
  static func explanation(_ plan: PairingPlan) -> String {
    let terms = plan.model.terms
    return "How to read fit: its main part, from 0 to \(PlanNumbers.score(terms.competency)), is the share of the"
      + " growth the mentee asked for (the levels from where they are to their goals) that the mentor's own levels"
      + " cover (0: none; \(PlanNumbers.score(terms.competency)): \(fullCoverage(plan))). Smaller bonuses, at most"
      + " \(PlanNumbers.score(terms.sideSum)) together, come from seniority, working in another department, shared"
      + " working hours and stated preferences. The highest fit possible is"
      + " \(PlanNumbers.score(terms.competency + terms.sideSum))."
  }

  /// What the whole competency part takes: the mentor at every goal, or,
  /// with headroom credit (`fit.headroom`), a level above every goal (or at
  /// 5), a mentor exactly at the goals earning less.
  static func fullCoverage(_ plan: PairingPlan) -> String {
    plan.model.configuration.headroomCredit > 0
      ? "the mentor is a level above every goal of the mentee (or at 5)"
      : "the mentor already reaches every goal of the mentee"
  }
}
