/// The exact optimum of a small circle-formation instance, by enumerating
/// every partition into circles of allowed sizes that keeps the rules.
///
/// The participant with the lowest index not yet placed opens the next
/// circle and chooses its mates among the later ones (combinations in
/// increasing order), so each partition is met once; a circle that breaks a
/// rule is cut at once, and a branch stops when the participants left cannot
/// be split into allowed sizes.
public enum ExactCircles {
  /// The best grouping and its objective, or `nil` when no grouping keeps the rules.
  ///
  /// - Precondition: at most 18 participants.
  /// - Complexity: exponential: the number of set partitions into allowed sizes.
  public static func optimum(_ problem: CircleProblem) -> (circles: [[Int]], objective: Double)? {
    let n = problem.count
    precondition(n <= 18, "The exact search is for at most 18 participants")
    let settings = problem.settings
    var placed = [Bool](repeating: false, count: n)
    var current: [[Int]] = []
    var best: (circles: [[Int]], objective: Double)? = nil

    func splittable(_ left: Int) -> Bool {
      left == 0 || settings.feasibleCircleCounts(participants: left) != nil
    }

    func search(left: Int, value: Double) {
      guard let first = placed.firstIndex(of: false) else {
        if best == nil || value > best!.objective + 1e-12 { best = (current, value) }
        return
      }
      placed[first] = true
      var circle = [first]
      func extend(from start: Int) {
        let size = circle.count
        if size >= settings.minimumSize && splittable(left - size) {
          current.append(circle)
          search(left: left - size, value: value + problem.value(of: circle))
          current.removeLast()
        }
        guard size < settings.maximumSize else { return }
        var j = start
        while j < n {
          if !placed[j] && circle.allSatisfy({ problem.compatible($0, j) }) {
            circle.append(j)
            if problem.violations(of: circle) == 0 {
              placed[j] = true
              extend(from: j + 1)
              placed[j] = false
            }
            circle.removeLast()
          }
          j += 1
        }
      }
      extend(from: first + 1)
      placed[first] = false
    }
    search(left: n, value: 0)
    return best
  }
}
