import Foundation

/// The fixed lists the generator draws from: competencies, departments and
/// their skill profiles, time zones and languages, names.
///
/// Everything here is an array (never a dictionary or a set that is iterated)
/// so that the generated cohort does not depend on hashing order.
/// `Docs/generator.md` documents every list and number.
enum Catalogue {
  // MARK: Competencies

  /// Workplace competencies, in the order the generator uses them: the first
  /// `n` names make a cohort of `n` competencies. Broad, cross-functional
  /// competencies come first so that small cohorts still feel realistic.
  static let competencyNames = [
    "Leadership", "Stakeholder management", "Public speaking", "Data analysis",
    "System design", "Negotiation", "Coaching", "Product discovery",
    "Financial acumen", "Strategic thinking", "Project management",
    "Written communication", "Conflict resolution", "Decision making",
    "Change management", "Customer empathy", "Storytelling", "Software engineering",
    "Hiring and interviewing", "Giving feedback", "Time management",
    "Cross-functional collaboration", "Budgeting and forecasting", "Risk management",
    "Process improvement", "Relationship building", "Sales prospecting", "User research",
    "Visual design", "Brand marketing", "Contract law", "Employment law",
    "Compliance", "Vendor management", "Incident management", "Cloud infrastructure",
    "Machine learning", "Security awareness", "Emotional intelligence",
    "Influencing without authority", "Facilitation", "Accessibility",
    "Pricing strategy", "Performance management", "Agile delivery",
    "Quality assurance", "Supply chain planning", "Prioritisation",
  ]

  /// Competencies everybody grows with seniority whatever their department:
  /// no department is weak in them.
  static let coreCompetencies: Set<String> = [
    "Leadership", "Stakeholder management", "Public speaking", "Coaching",
    "Strategic thinking", "Project management", "Written communication", "Conflict resolution",
    "Decision making", "Change management", "Giving feedback", "Time management",
    "Cross-functional collaboration", "Relationship building", "Emotional intelligence",
    "Influencing without authority", "Facilitation", "Storytelling", "Hiring and interviewing",
    "Performance management", "Prioritisation",
  ]

  /// The name of competency `index` (0-based): a listed name, else
  /// `"Competency <index + 1>"`.
  static func competencyName(_ index: Int) -> String {
    index < competencyNames.count ? competencyNames[index] : "Competency \(index + 1)"
  }

  // MARK: Departments

  /// A department: its name, its relative size and the competencies it is
  /// strong in.
  struct Department {
    var name: String
    var weight: Double
    var strengths: [String]
  }

  /// Departments in the order the generator uses them: the first `n` make a
  /// cohort of `n` departments.
  static let departments: [Department] = [
    Department(
      name: "Engineering", weight: 30,
      strengths: [
        "System design", "Data analysis", "Software engineering", "Cloud infrastructure",
        "Incident management", "Security awareness", "Agile delivery", "Quality assurance",
        "Machine learning",
      ]),
    Department(
      name: "Product", weight: 8,
      strengths: [
        "Product discovery", "Stakeholder management", "Data analysis", "User research",
        "Strategic thinking", "Prioritisation", "Agile delivery", "Customer empathy",
      ]),
    Department(
      name: "Design", weight: 5,
      strengths: [
        "User research", "Visual design", "Product discovery", "Customer empathy", "Accessibility",
        "Storytelling", "Facilitation",
      ]),
    Department(
      name: "Sales", weight: 18,
      strengths: [
        "Negotiation", "Public speaking", "Relationship building", "Sales prospecting",
        "Stakeholder management", "Storytelling", "Pricing strategy", "Customer empathy",
      ]),
    Department(
      name: "Marketing", weight: 8,
      strengths: [
        "Brand marketing", "Storytelling", "Written communication", "Data analysis",
        "Public speaking", "Customer empathy", "Pricing strategy",
      ]),
    Department(
      name: "Finance", weight: 6,
      strengths: [
        "Financial acumen", "Budgeting and forecasting", "Data analysis", "Risk management",
        "Compliance", "Decision making",
      ]),
    Department(
      name: "People", weight: 5,
      strengths: [
        "Coaching", "Giving feedback", "Conflict resolution", "Hiring and interviewing",
        "Employment law", "Emotional intelligence", "Performance management",
        "Change management", "Facilitation",
      ]),
    Department(
      name: "Operations", weight: 10,
      strengths: [
        "Process improvement", "Project management", "Vendor management", "Supply chain planning",
        "Risk management", "Time management", "Decision making",
      ]),
    Department(
      name: "Customer Success", weight: 12,
      strengths: [
        "Customer empathy", "Relationship building", "Conflict resolution", "Negotiation",
        "Stakeholder management", "Incident management",
      ]),
    Department(
      name: "Legal", weight: 3,
      strengths: [
        "Contract law", "Employment law", "Compliance", "Negotiation", "Risk management",
        "Written communication",
      ]),
    Department(
      name: "Data Science", weight: 6,
      strengths: [
        "Data analysis", "Machine learning", "Storytelling", "System design",
        "Software engineering",
      ]
    ),
    Department(
      name: "Security", weight: 4,
      strengths: [
        "Security awareness", "Incident management", "Risk management", "Compliance",
        "Cloud infrastructure", "System design",
      ]),
    Department(
      name: "IT", weight: 5,
      strengths: [
        "Cloud infrastructure", "Incident management", "Vendor management", "Security awareness",
        "Process improvement",
      ]),
    Department(
      name: "Procurement", weight: 2,
      strengths: [
        "Vendor management", "Negotiation", "Contract law", "Budgeting and forecasting",
        "Supply chain planning",
      ]),
    Department(
      name: "Communications", weight: 3,
      strengths: [
        "Written communication", "Public speaking", "Storytelling", "Brand marketing",
        "Change management",
      ]),
    Department(
      name: "Strategy", weight: 2,
      strengths: [
        "Strategic thinking", "Financial acumen", "Data analysis", "Decision making",
        "Influencing without authority", "Change management",
      ]),
    Department(
      name: "Research", weight: 4,
      strengths: [
        "Data analysis", "User research", "Machine learning", "Written communication",
        "Facilitation",
      ]
    ),
    Department(
      name: "Supply Chain", weight: 4,
      strengths: [
        "Supply chain planning", "Vendor management", "Process improvement", "Risk management",
        "Negotiation",
      ]),
    Department(
      name: "Quality", weight: 3,
      strengths: [
        "Quality assurance", "Process improvement", "Compliance", "Risk management",
        "Data analysis",
      ]
    ),
    Department(
      name: "Facilities", weight: 2,
      strengths: [
        "Vendor management", "Project management", "Budgeting and forecasting",
        "Process improvement",
      ]
    ),
  ]

  /// The relative size of a department beyond the list.
  static let extraDepartmentWeight = 4.0

  /// The department `index` (0-based): a listed one, else
  /// `"Department <index + 1>"` with no listed strengths.
  static func department(_ index: Int) -> Department {
    index < departments.count
      ? departments[index]
      : Department(name: "Department \(index + 1)", weight: extraDepartmentWeight, strengths: [])
  }

  /// How a department stands in a competency.
  enum Affinity: Sendable {
    case strong, neutral, weak

    /// The shift this affinity adds to a person's level.
    var levelShift: Double {
      switch self {
      case .strong: 1.0
      case .neutral: 0.0
      case .weak: -1.0
      }
    }

    /// The relative weight of a competency with this affinity when a mentee
    /// picks goals.
    var goalWeight: Double {
      switch self {
      case .strong: 3
      case .neutral: 2
      case .weak: 1
      }
    }
  }

  /// The affinity of department `department` for competency `competency`
  /// (both 0-based indices).
  ///
  /// A listed strength is strong; a core competency is neutral; any other
  /// listed competency is weak. A pair involving a generated name (beyond
  /// either list) is strong when `(31 c + 17 d) mod 6 == 0`, else weak.
  static func affinity(department: Int, competency: Int) -> Affinity {
    if department < departments.count, competency < competencyNames.count {
      let name = competencyNames[competency]
      if departments[department].strengths.contains(name) { return .strong }
      return coreCompetencies.contains(name) ? .neutral : .weak
    }
    if competency < competencyNames.count, coreCompetencies.contains(competencyNames[competency]) {
      return .neutral
    }
    return (31 * competency + 17 * department) % 6 == 0 ? .strong : .weak
  }

  // MARK: Time zones and languages

  /// A working location: an IANA zone, its share of people, the zone's UTC
  /// offset on 2026-01-01 (used only if the platform lacks the zone), and
  /// the local language (`nil` where it is English).
  struct Zone {
    var identifier: String
    var weight: Double
    var januaryOffsetMinutes: Int
    var localLanguage: String?
  }

  /// The zones people work in, with their relative weights.
  static let zones: [Zone] = [
    Zone(identifier: "Europe/London", weight: 14, januaryOffsetMinutes: 0, localLanguage: nil),
    Zone(
      identifier: "America/New_York", weight: 14, januaryOffsetMinutes: -300, localLanguage: nil),
    Zone(identifier: "Europe/Berlin", weight: 10, januaryOffsetMinutes: 60, localLanguage: "de"),
    Zone(
      identifier: "America/Los_Angeles", weight: 9, januaryOffsetMinutes: -480, localLanguage: nil),
    Zone(identifier: "Asia/Kolkata", weight: 8, januaryOffsetMinutes: 330, localLanguage: "hi"),
    Zone(identifier: "Europe/Paris", weight: 6, januaryOffsetMinutes: 60, localLanguage: "fr"),
    Zone(identifier: "America/Chicago", weight: 5, januaryOffsetMinutes: -360, localLanguage: nil),
    Zone(
      identifier: "America/Sao_Paulo", weight: 4, januaryOffsetMinutes: -180, localLanguage: "pt"),
    Zone(identifier: "Asia/Singapore", weight: 4, januaryOffsetMinutes: 480, localLanguage: "zh"),
    Zone(identifier: "Europe/Amsterdam", weight: 4, januaryOffsetMinutes: 60, localLanguage: "nl"),
    Zone(identifier: "Australia/Sydney", weight: 3, januaryOffsetMinutes: 660, localLanguage: nil),
    Zone(identifier: "Europe/Madrid", weight: 3, januaryOffsetMinutes: 60, localLanguage: "es"),
    Zone(identifier: "Europe/Warsaw", weight: 3, januaryOffsetMinutes: 60, localLanguage: "pl"),
    Zone(identifier: "America/Toronto", weight: 3, januaryOffsetMinutes: -300, localLanguage: "fr"),
    Zone(identifier: "Europe/Dublin", weight: 3, januaryOffsetMinutes: 0, localLanguage: nil),
    Zone(
      identifier: "America/Mexico_City", weight: 2, januaryOffsetMinutes: -360, localLanguage: "es"),
    Zone(identifier: "America/Denver", weight: 2, januaryOffsetMinutes: -420, localLanguage: nil),
    Zone(identifier: "Asia/Tokyo", weight: 2, januaryOffsetMinutes: 540, localLanguage: "ja"),
    Zone(identifier: "Asia/Dubai", weight: 2, januaryOffsetMinutes: 240, localLanguage: "ar"),
    Zone(identifier: "Asia/Manila", weight: 2, januaryOffsetMinutes: 480, localLanguage: "tl"),
    Zone(identifier: "Africa/Lagos", weight: 1, januaryOffsetMinutes: 60, localLanguage: nil),
    Zone(
      identifier: "Africa/Johannesburg", weight: 1, januaryOffsetMinutes: 120, localLanguage: nil),
    Zone(identifier: "Asia/Kathmandu", weight: 1, januaryOffsetMinutes: 345, localLanguage: "ne"),
    Zone(identifier: "Pacific/Auckland", weight: 1, januaryOffsetMinutes: 780, localLanguage: nil),
  ]

  /// The instant at which zone offsets are taken: 2026-01-01T00:00:00Z.
  static let offsetInstant = Date(timeIntervalSince1970: 1_767_225_600)

  /// Each zone's UTC offset in minutes at ``offsetInstant``, computed once per
  /// process with Foundation's `TimeZone` (the table's value where the
  /// platform does not know the zone).
  static let zoneOffsets: [Int] = zones.map { zone in
    guard let timeZone = TimeZone(identifier: zone.identifier) else {
      return zone.januaryOffsetMinutes
    }
    return timeZone.secondsFromGMT(for: offsetInstant) / 60
  }

  /// Second languages for people in an English-speaking zone, in order.
  static let secondLanguages = ["es", "fr", "de", "hi", "zh", "pt", "ar", "it", "ja", "pl"]

  // MARK: Names

  /// Fictional given names (ASCII, so e-mail addresses derive from them).
  static let firstNames = [
    "Ada", "Aisha", "Akira", "Alejandro", "Amara", "Anders", "Ania", "Arjun",
    "Beatriz", "Bilal", "Camille", "Carlos", "Chen", "Chidi", "Dara", "Diego",
    "Elena", "Emeka", "Erik", "Fatima", "Freya", "Gabriel", "Grace", "Hana",
    "Hugo", "Ines", "Isaac", "Jamal", "Jana", "Javier", "Keanu", "Kenji",
    "Lars", "Leila", "Liam", "Lucia", "Maya", "Mateo", "Mei", "Nadia",
    "Niamh", "Nikhil", "Noah", "Olga", "Omar", "Priya", "Rafael", "Rania",
    "Ravi", "Rosa", "Sakura", "Samuel", "Sanjay", "Sofia", "Tariq", "Thandiwe",
    "Tomas", "Uma", "Valentina", "Wei", "Yara", "Yusuf", "Zainab", "Zoe",
  ]

  /// Fictional family names (ASCII; a few with an apostrophe, hyphen or
  /// space, which e-mail addresses drop).
  static let lastNames = [
    "Abara", "Adeyemi", "Almeida", "Andersson", "Banerjee", "Bauer", "Brennan", "Castillo",
    "Chowdhury", "Costa", "Dubois", "Eriksen", "Fernandes", "Fischer", "Garcia", "Goldberg",
    "Haddad", "Hansen", "Ibrahim", "Ito", "Jansen", "Kapoor", "Kim", "Kowalski",
    "Larsen", "Lefebvre", "Li", "Lopez", "Mahlangu", "Martin", "Mensah", "Moreau",
    "Nakamura", "Nguyen", "Novak", "O'Brien", "Okafor", "Olsen", "Park", "Patel",
    "Pereira", "Petrov", "Quinn", "Rahman", "Reyes", "Rossi", "Sato", "Schmidt",
    "Silva", "Singh", "Smith-Jones", "Suzuki", "Tanaka", "Torres", "Van der Berg", "Wang",
    "Weber", "Wilson", "Wojcik", "Xu", "Yamamoto", "Yilmaz", "Zhang", "Zulu",
  ]
}
