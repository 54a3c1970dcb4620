import Assignment
import CompetencyModel
import Foundation
import Rationale

/// The JSON form of a pairing plan, schema `mentor-match/plan` version 1
/// (see `Docs/plan-format.md`). Keys are sorted, so identical plans encode to
/// identical bytes.
public struct PlanDocument: Codable, Sendable, Equatable {
  /// A person reference.
  public struct PersonRef: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    /// The e-mail address, absent when the cohort file has none.
    public var email: String?
  }
  /// One competency's part in a pair's score.
  public struct CompetencyPart: Codable, Sendable, Equatable {
    public var name: String
    public var menteeLevel: Double
    public var goal: Double
    public var mentorLevel: Double
    public var contribution: Double
  }
  /// One pair.
  public struct Pair: Codable, Sendable, Equatable {
    public var mentee: PersonRef
    public var mentor: PersonRef
    public var score: Double
    public var rank: Int
    public var eligibleMentors: Int
    public var components: [String: Double]
    public var competencies: [CompetencyPart]
    public var rationale: [String]
    public var growthPlan: GrowthPlan
  }
  /// One unmatched mentee.
  public struct Unmatched: Codable, Sendable, Equatable {
    public var mentee: PersonRef
    public var reason: String
    public var explanation: String
  }

  /// What the optimality proof covered: every allowed pair's reduced cost
  /// was checked against the final duals.
  public struct Certificate: Codable, Sendable, Equatable {
    public var pairsChecked: Int
    public var candidatePairs: Int
    public var rounds: Int
    public var violationsPerRound: [Int]
  }

  /// The schema name.
  public var schema = "mentor-match/plan"
  /// The schema version.
  public var version = 1
  /// The sum of the pairs' scores.
  public var objective: Double
  public var summary: PlanSummary
  public var metrics: CohortMetrics
  public var pairs: [Pair]
  public var unmatched: [Unmatched]
  public var certificate: Certificate

  /// The document of `plan`.
  ///
  /// - Complexity: O(size of the plan).
  public init(_ plan: PairingPlan) {
    self.init(skeletonOf: plan)
    let cohort = plan.model.cohort
    pairs = plan.pairs.map { Self.pair($0, cohort: cohort) }
    unmatched = plan.unmatched.map { Self.unmatched($0, cohort: cohort) }
  }

  /// The document as pretty-printed JSON with sorted keys and a final newline.
  ///
  /// Large plans encode their pairs in chunks on every core and splice them
  /// in; the bytes are those of one `JSONEncoder` pass over the whole
  /// document (tested).
  ///
  /// - Complexity: O(size of the document).
  public func encoded() -> String { String(decoding: encodedData(), as: UTF8.self) }

  /// ``encoded()`` as UTF-8 bytes.
  ///
  /// - Complexity: O(size of the document).
  public func encodedData() -> Data {
    if pairs.count > 4096, let spliced = encodedData(pairsPerChunk: 4096) { return spliced }
    return Self.json(self) + Data("\n".utf8)
  }

  /// The document with its pairs encoded `pairsPerChunk` at a time, in
  /// parallel, and spliced into the rest; `nil` if the encoder's layout of an
  /// empty pair list is not the expected one.
  func encodedData(pairsPerChunk: Int) -> Data? {
    var skeleton = self
    skeleton.pairs = []
    let outline = Self.json(skeleton)
    guard let marker = outline.range(of: Data("\"pairs\" : [\n\n  ]".utf8)) else { return nil }
    let size = max(1, pairsPerChunk)
    let chunks = stride(from: 0, to: pairs.count, by: size).map { Array(pairs[$0..<min($0 + size, pairs.count)]) }
    let encodedChunks = ResultSlots<[UInt8]>(count: chunks.count)
    DispatchQueue.concurrentPerform(iterations: chunks.count) { c in
      // "[\n  {…},\n  {…}\n]": the items, moved one level deeper.
      let array = Self.json(chunks[c])
      var items: [UInt8] = [0x20, 0x20]
      items.reserveCapacity(array.count + array.count / 16)
      for byte in array.dropFirst(2).dropLast(2) {
        items.append(byte)
        if byte == 0x0A { items.append(contentsOf: [0x20, 0x20]) }
      }
      encodedChunks.put(items, at: c)
    }
    var result = Data(outline[..<marker.lowerBound])
    result.append(contentsOf: Array("\"pairs\" : [\n".utf8))
    for (c, items) in encodedChunks.all().enumerated() {
      if c > 0 { result.append(contentsOf: Array(",\n".utf8)) }
      result.append(contentsOf: items)
    }
    result.append(contentsOf: Array("\n  ]".utf8))
    result.append(outline[marker.upperBound...])
    result.append(0x0A)
    return result
  }

  static func json(_ value: some Encodable) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Encoding these plain value types cannot fail: every Double is finite.
    return escapingDeleteAndC1(try! encoder.encode(value))
  }

  /// `json` with DEL and the C1 controls (U+0080–U+009F), which JSON allows
  /// raw in strings, written as `\u007f`…`\u009f` escapes like the C0 ones,
  /// so a plan shown in a terminal cannot drive it. The decoded strings are
  /// unchanged. Such bytes only occur inside strings (structure is ASCII).
  ///
  /// - Complexity: O(`json.count`).
  static func escapingDeleteAndC1(_ json: Data) -> Data {
    guard json.contains(0x7F) || json.contains(0xC2) else { return json }
    var out = Data()
    out.reserveCapacity(json.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    var index = json.startIndex
    while index < json.endIndex {
      let byte = json[index]
      var control: UInt8?
      if byte == 0x7F {
        control = 0x7F
      } else if byte == 0xC2, index + 1 < json.endIndex, (0x80...0x9F).contains(json[index + 1]) {
        control = json[index + 1]
        index += 1
      }
      if let control {
        out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(control >> 4)], hex[Int(control & 0xF)]])
      } else {
        out.append(byte)
      }
      index += 1
    }
    return out
  }
}
