import CompetencyModel
import Yams

extension ConfigurationReader.Reader {
  /// Reads the `scales:` section: `default:` (every `level:` and `goal:`
  /// column) and per-column scales keyed by the file's header or the native
  /// header, each a mapping of words or numbers to levels from 0 to 5.
  /// Problems are reported at the offending key or value.
  ///
  /// - Complexity: O(size of the section).
  mutating func readScales(_ node: Node, into mapping: inout CohortMapping) {
    guard let entries = entries(of: node, named: "scales", matchingKey: CohortMapping.key) else { return }
    for (key, keyNode, value) in entries {
      guard !CohortMapping.key(key).isEmpty else {
        error(at: keyNode.mark, "a column name in scales is empty")
        continue
      }
      let name = "scales.\(key)"
      guard let words = self.entries(of: value, named: name, matchingKey: LevelScale.key) else { continue }
      guard !words.isEmpty else {
        error(at: value.mark, "'\(name)' lists no words; expected entries such as 'Basic: 1'")
        continue
      }
      var scale = LevelScale()
      let expectation = "a level from 0 to 5"
      for (word, wordNode, level) in words {
        guard !LevelScale.key(word).isEmpty else {
          error(at: wordNode.mark, "a word in \(name) is empty")
          continue
        }
        guard let number = number(level, for: "\(name).\(word)", expectation: expectation) else { continue }
        guard CompetencyScale.range.contains(number) else {
          error(at: level.mark, "'\(name).\(word)' is \(Self.text(level)); expected \(expectation)")
          continue
        }
        scale.add(word, level: number)
      }
      if ConfigurationReader.normalized(key) == "default" {
        mapping.defaultScale = scale
      } else {
        mapping.scales[CohortMapping.key(key)] = scale
      }
    }
  }
}
