import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The O*NET "Skills" table, read from the Excel release (`Skills.xlsx`): for
/// every occupation, every skill's level (scale `LV`, 0–7) and importance
/// (scale `IM`, 1–5).
///
/// The workbook is read with ZIPFoundation and `XMLParser`: the shared-strings
/// part first, then the one worksheet, whose columns are `O*NET-SOC Code`,
/// `Title`, `Element ID`, `Element Name`, `Scale ID`, `Scale Name`,
/// `Data Value`, … in that order (checked against the header row).
///
/// Invariants: every occupation in ``ratings`` has one rating per entry of
/// ``skills``; levels are in `0...7` and importances in `1...5`.
///
/// Credit: O*NET 23.0 Database by USDOL/ETA, CC BY 4.0 (see ``RealDataCohort/credit``).
public struct ONETSkillTable: Sendable {
  /// One skill's ratings in one occupation.
  public struct Rating: Sendable, Hashable {
    /// The level rating (`LV`), 0–7.
    public var level: Double
    /// The importance rating (`IM`), 1–5.
    public var importance: Double
  }

  /// The skill names, in the table's order.
  public var skills: [String]
  /// Each occupation's title, by O*NET-SOC code.
  public var titles: [String: String]
  /// Each occupation's ratings, one per skill, by O*NET-SOC code.
  public var ratings: [String: [Rating]]

  /// Reads the table from the workbook at `path`.
  ///
  /// - Parameters:
  ///   - path: The `Skills.xlsx` file.
  ///   - occupations: When given, only these O*NET-SOC codes are read: the
  ///     worksheet rows of other occupations are skipped before XML parsing
  ///     (``SheetRowFilter``), so only a few hundred of the 67,690 rows are parsed.
  /// - Throws: ``RealDataError`` naming the file (and worksheet row) when the
  ///   workbook is missing, is not a ZIP container, or its table is not the
  ///   O*NET layout.
  /// - Complexity: O(size of the worksheet).
  public static func read(path: String, occupations: Set<String>? = nil) throws(RealDataError) -> ONETSkillTable {
    let archive: Archive
    do {
      archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    } catch {
      throw RealDataError(file: path, message: "cannot open the workbook: \(error)")
    }
    let strings = try sharedStrings(try part("xl/sharedStrings.xml", of: archive, path: path), path: path)
    var sheet = try part("xl/worksheets/sheet1.xml", of: archive, path: path)
    if let occupations {
      sheet = try SheetRowFilter.rows(of: sheet, firstCellAmong: occupations, strings: strings, path: path)
    }
    return try table(sheet: sheet, strings: strings, path: path)
  }

  /// The bytes of one part of the workbook.
  static func part(_ name: String, of archive: Archive, path: String) throws(RealDataError) -> Data {
    guard let entry = archive[name] else {
      throw RealDataError(file: path, message: "the workbook has no part \(name)")
    }
    var data = Data()
    do {
      _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
    } catch {
      throw RealDataError(file: path, message: "cannot read the workbook part \(name): \(error)")
    }
    return data
  }

  /// The shared strings, in index order.
  static func sharedStrings(_ data: Data, path: String) throws(RealDataError) -> [String] {
    let delegate = SharedStringsDelegate()
    let parser = XMLParser(data: data)
    parser.delegate = delegate
    guard parser.parse() else {
      throw RealDataError(
        file: path, message: "xl/sharedStrings.xml is not well-formed XML (line \(parser.lineNumber))")
    }
    return delegate.strings
  }

  /// The columns the table needs, by their header text.
  static let header = [
    "A": "O*NET-SOC Code", "B": "Title", "D": "Element Name", "E": "Scale ID", "G": "Data Value",
  ]

  /// Builds the table from the worksheet's rows.
  static func table(sheet: Data, strings: [String], path: String) throws(RealDataError) -> ONETSkillTable {
    let delegate = SheetDelegate(strings: strings)
    let parser = XMLParser(data: sheet)
    parser.delegate = delegate
    // The parse stops at </sheetData>: what follows (page set-up, header and
    // footer) is not needed, and Foundation's parser on Linux rejects the
    // entities in O*NET's footer text.
    guard parser.parse() || delegate.finished, delegate.failure == nil else {
      throw RealDataError(
        file: path,
        message: delegate.failure
          ?? "xl/worksheets/sheet1.xml is not well-formed XML (line \(parser.lineNumber), column \(parser.columnNumber): \(parser.parserError.map { "\($0)" } ?? "unknown error"))"
      )
    }
    var skills: [String] = []
    var skillIndex: [String: Int] = [:]
    var titles: [String: String] = [:]
    var levels: [String: [Int: Double]] = [:]
    var importances: [String: [Int: Double]] = [:]
    for (rowNumber, cells) in delegate.rows {
      if rowNumber == 1 {
        for (column, name) in header where cells[column] != name {
          throw RealDataError(
            file: path, row: 1, message: "column \(column) should be \"\(name)\", found \"\(cells[column] ?? "")\"")
        }
        continue
      }
      guard let code = cells["A"], let skill = cells["D"], let scale = cells["E"], let text = cells["G"],
        let value = Double(text)
      else {
        throw RealDataError(file: path, row: rowNumber, message: "a rating row needs a code, skill, scale and value")
      }
      titles[code] = cells["B"] ?? ""
      let index: Int
      if let known = skillIndex[skill] {
        index = known
      } else {
        index = skills.count
        skillIndex[skill] = index
        skills.append(skill)
      }
      switch scale {
      case "LV":
        guard (0...7).contains(value) else {
          throw RealDataError(file: path, row: rowNumber, message: "level \(value) is outside 0–7")
        }
        levels[code, default: [:]][index] = value
      case "IM":
        guard (1...5).contains(value) else {
          throw RealDataError(file: path, row: rowNumber, message: "importance \(value) is outside 1–5")
        }
        importances[code, default: [:]][index] = value
      default:
        throw RealDataError(file: path, row: rowNumber, message: "unknown scale \"\(scale)\"")
      }
    }
    var ratings: [String: [Rating]] = [:]
    for code in titles.keys {
      var row: [Rating] = []
      for index in skills.indices {
        guard let level = levels[code]?[index], let importance = importances[code]?[index] else {
          throw RealDataError(file: path, message: "occupation \(code) lacks a rating of \(skills[index])")
        }
        row.append(Rating(level: level, importance: importance))
      }
      ratings[code] = row
    }
    return ONETSkillTable(skills: skills, titles: titles, ratings: ratings)
  }
}

/// Collects the `<si>` texts of a shared-strings part (rich-text runs joined).
private final class SharedStringsDelegate: NSObject, XMLParserDelegate {
  var strings: [String] = []
  private var current: String? = nil
  private var inText = false

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch elementName {
    case "si": current = ""
    case "t": inText = current != nil
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if inText { current? += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "t": inText = false
    case "si":
      strings.append(current ?? "")
      current = nil
    default: break
    }
  }
}

/// Collects each worksheet row as its cells' texts by column letter, shared
/// strings resolved.
private final class SheetDelegate: NSObject, XMLParserDelegate {
  let strings: [String]
  var rows: [(Int, [String: String])] = []
  var failure: String? = nil
  /// Whether the parse reached the end of the sheet data.
  var finished = false
  private var rowNumber = 0
  private var cells: [String: String] = [:]
  private var column = ""
  private var isShared = false
  private var value: String? = nil

  init(strings: [String]) { self.strings = strings }

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String]
  ) {
    switch elementName {
    case "row":
      rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
      cells = [:]
    case "c":
      column = String((attributes["r"] ?? "").prefix { $0.isLetter })
      isShared = attributes["t"] == "s"
      value = nil
    case "v", "t": value = ""
    default: break
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if value != nil { value? += string }
  }

  func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
    switch elementName {
    case "c":
      guard let text = value else { return }
      if isShared {
        guard let index = Int(text), strings.indices.contains(index) else {
          failure = "worksheet row \(rowNumber): shared string \(text) does not exist"
          parser.abortParsing()
          return
        }
        cells[column] = strings[index]
      } else {
        cells[column] = text
      }
    case "row": rows.append((rowNumber, cells))
    case "sheetData":
      finished = true
      parser.abortParsing()
    default: break
    }
  }
}
