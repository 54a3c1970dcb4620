import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook (`.xlsx`): named sheets of rows of text
/// and number cells, a bold header row, nothing else. The ZIP container is
/// written by ZIPFoundation; the XML parts are written here.
///
/// Text cells are inline strings, so nothing a cell holds is ever run as a
/// formula. Control characters (which XML 1.0 cannot carry, or which would
/// hide in a cell) are shown as visible escapes (``DisplayText``), and text
/// longer than ``maximumCellLength`` UTF-16 units, the most spreadsheet
/// programs accept in a cell, is cut to that length. Every part has the
/// same fixed modification date, so identical workbooks give identical bytes
/// on one machine (ZIP stores local times).
public struct XLSXWorkbook: Sendable {
  /// One cell.
  public enum Cell: Sendable, Equatable {
    /// Text, stored as an inline string.
    case text(String)
    /// A finite number.
    case number(Double)
    /// Nothing.
    case empty
  }

  /// One sheet: a name (at most 31 characters, no `[]:*?/\`) and rows, the
  /// first of which is the header.
  public struct Sheet: Sendable {
    public var name: String
    public var rows: [[Cell]]

    public init(name: String, rows: [[Cell]]) {
      precondition(!name.isEmpty && name.count <= 31, "Sheet names have 1 to 31 characters")
      self.name = name
      self.rows = rows
    }
  }

  /// The sheets, in order.
  public var sheets: [Sheet]

  /// Creates a workbook.
  public init(sheets: [Sheet]) { self.sheets = sheets }

  /// The most UTF-16 units a text cell holds (Excel's and LibreOffice's limit).
  public static let maximumCellLength = 32_767

  /// The `.xlsx` file's bytes.
  ///
  /// - Parameter warning: Called once per text cell cut to
  ///   ``maximumCellLength``, with a message naming the sheet, row, column
  ///   letter and the column's header (never the cell's content).
  /// - Throws: ``OutputError`` if the ZIP container cannot be built.
  /// - Complexity: O(total size of the cells).
  public func data(warning: (String) -> Void = { _ in }) throws(OutputError) -> Data {
    var parts: [(String, String)] = [
      ("[Content_Types].xml", contentTypes()), ("_rels/.rels", rootRelationships()),
      ("xl/workbook.xml", workbook()), ("xl/_rels/workbook.xml.rels", workbookRelationships()),
      ("xl/styles.xml", Self.styles),
    ]
    for (index, sheet) in sheets.enumerated() {
      parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet, warning: warning)))
    }
    do {
      let archive = try Archive(data: Data(), accessMode: .create)
      // 1980-01-01 12:00 UTC: within a day of the ZIP epoch in every time zone.
      let date = Date(timeIntervalSince1970: 315_576_000)
      for (path, text) in parts {
        let bytes = Data(text.utf8)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          bytes.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let data = archive.data else { throw OutputError(path: "workbook", reason: "no archive data") }
      return data
    } catch let error as OutputError {
      throw error
    } catch {
      throw OutputError(path: "workbook", reason: "cannot build the XLSX container: \(error)")
    }
  }

  func contentTypes() -> String {
    var xml = Self.header
    xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    xml +=
      "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    xml +=
      "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    for index in sheets.indices {
      xml +=
        "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    return xml + "</Types>"
  }

  func rootRelationships() -> String {
    Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
      + "</Relationships>"
  }

  func workbook() -> String {
    var xml = Self.header
    xml += "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    xml += " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
    for (index, sheet) in sheets.enumerated() {
      xml += "<sheet name=\"\(Self.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
    }
    return xml + "</sheets></workbook>"
  }

  func workbookRelationships() -> String {
    var xml = Self.header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    for index in sheets.indices {
      xml +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
    }
    xml +=
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    return xml + "</Relationships>"
  }

  func worksheet(_ sheet: Sheet, warning: (String) -> Void = { _ in }) -> String {
    var xml = Self.header
    xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
    for (r, row) in sheet.rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let reference = Self.columnName(c) + String(r + 1)
        let style = r == 0 ? " s=\"1\"" : ""
        switch cell {
        case .text(let text):
          var shown = DisplayText.visible(text)
          if shown.utf16.count > Self.maximumCellLength {
            let length = shown.utf16.count
            shown = Self.truncated(shown)
            var header = ""
            if r > 0, c < sheet.rows[0].count, case .text(let name) = sheet.rows[0][c] { header = " (\(name))" }
            warning(
              "warning: sheet \(sheet.name), row \(r + 1), column \(Self.columnName(c))\(header): text of \(length)"
                + " characters cut to \(Self.maximumCellLength), the most a spreadsheet cell holds")
          }
          xml +=
            "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(Self.escape(shown))</t></is></c>"
        case .number(let value):
          precondition(value.isFinite, "XLSX numbers must be finite")
          xml += "<c r=\"\(reference)\"\(style)><v>\(value == 0 ? "0" : value.description)</v></c>"
        case .empty:
          continue
        }
      }
      xml += "</row>"
    }
    return xml + "</sheetData></worksheet>"
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  /// Regular and bold fonts; style 1 is the header row's.
  static let styles =
    header
    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
    + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
    + "</styleSheet>"

  /// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
  static func columnName(_ index: Int) -> String {
    var n = index + 1
    var name = ""
    while n > 0 {
      let remainder = (n - 1) % 26
      name = String(UnicodeScalar(UInt8(65 + remainder))) + name
      n = (n - 1) / 26
    }
    return name
  }

  /// The longest prefix of `text` of at most ``maximumCellLength`` UTF-16
  /// units that ends on a whole character.
  ///
  /// - Complexity: O(``maximumCellLength``).
  static func truncated(_ text: String) -> String {
    var units = 0
    var end = text.startIndex
    for index in text.indices {
      let next = text.index(after: index)
      let width = text.utf16.distance(from: index, to: next)
      if units + width > maximumCellLength { break }
      units += width
      end = next
    }
    return String(text[..<end])
  }

  /// Escapes text for XML, dropping characters XML 1.0 cannot hold.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
      default:
        let v = scalar.value
        if v >= 0x20 && v != 0xFFFE && v != 0xFFFF { out.unicodeScalars.append(scalar) }
      }
    }
    return out
  }
}
