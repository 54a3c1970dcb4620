import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook (`.xlsx`): named sheets of rows of text
/// and number cells, a bold header row, and per sheet optionally frozen top
/// rows, an autofilter on the header row, column widths and number formats
/// by column. The ZIP container is written by ZIPFoundation; the XML parts
/// are written here.
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
    /// A finite number, in its column's format (``Sheet/numberFormats``).
    case number(Double)
    /// A finite number in the given format, whatever its column's.
    case formatted(Double, NumberFormat)
    /// Nothing.
    case empty
  }

  /// How a number cell is shown (the value stored is always exact).
  public enum NumberFormat: Sendable, Equatable {
    /// A whole number, `0`.
    case integer
    /// Two decimals, `0.00`.
    case twoDecimals
    /// Three decimals, `0.000`.
    case threeDecimals
    /// A percentage without decimals, `0%` (the value is a share, 0.25 for 25%).
    case percent

    /// The cell style (`cellXfs` index) of a body cell in this format.
    var styleIndex: Int {
      switch self {
      case .integer: return 2
      case .twoDecimals: return 3
      case .threeDecimals: return 4
      case .percent: return 5
      }
    }
  }

  /// One sheet: a name (at most 31 characters, no `[]:*?/\`) and rows, the
  /// first of which is the header, with how a spreadsheet program shows it.
  ///
  /// Invariants: `frozenRows >= 0`; every width is positive.
  public struct Sheet: Sendable {
    public var name: String
    public var rows: [[Cell]]
    /// The top rows that stay in view while scrolling (0: none).
    public var frozenRows = 0
    /// Whether the header row carries an autofilter over every column used.
    public var autoFilter = false
    /// Column widths in characters, from column A; columns beyond keep the
    /// program's default.
    public var columnWidths: [Double] = []
    /// Number formats by column, from column A (`nil`: General); applied to
    /// the number cells below the header.
    public var numberFormats: [NumberFormat?] = []

    public init(
      name: String, rows: [[Cell]], frozenRows: Int = 0, autoFilter: Bool = false, columnWidths: [Double] = [],
      numberFormats: [NumberFormat?] = []
    ) {
      precondition(!name.isEmpty && name.count <= 31, "Sheet names have 1 to 31 characters")
      precondition(frozenRows >= 0, "Frozen rows cannot be negative")
      precondition(columnWidths.allSatisfy { $0 > 0 && $0.isFinite }, "Column widths are positive")
      self.name = name
      self.rows = rows
      self.frozenRows = frozenRows
      self.autoFilter = autoFilter
      self.columnWidths = columnWidths
      self.numberFormats = numberFormats
    }

    /// The number of columns used: the longest row's length.
    public var columnCount: Int { rows.map(\.count).max() ?? 0 }

    /// Widths that fit each column's text: the longest line in the column
    /// (header included, numbers as about 8 characters) plus 2, between
    /// `minimum` and `maximum` characters.
    ///
    /// - Complexity: O(total size of the cells).
    public func fittedWidths(minimum: Double = 8, maximum: Double = 60) -> [Double] {
      var widths = [Double](repeating: minimum, count: columnCount)
      for row in rows {
        for (c, cell) in row.enumerated() {
          let length: Int
          switch cell {
          case .text(let text): length = text.split(separator: "\n").map(\.count).max() ?? 0
          case .number, .formatted: length = 8
          case .empty: length = 0
          }
          widths[c] = min(maximum, max(widths[c], Double(length + 2)))
        }
      }
      return widths
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
    xml += "</sheets>"
    let filtered = sheets.enumerated().compactMap { index, sheet in
      Self.autoFilterRange(sheet).map { (index, sheet.name, $0) }
    }
    if !filtered.isEmpty {
      // Excel finds a sheet's autofilter range through this hidden name.
      xml += "<definedNames>"
      for (index, name, range) in filtered {
        let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
        let absolute = range.split(separator: ":").map { Self.absolute(String($0)) }.joined(separator: ":")
        xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
        xml += "\(Self.escape(quoted))!\(absolute)</definedName>"
      }
      xml += "</definedNames>"
    }
    return xml + "</workbook>"
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
    xml += "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    if sheet.frozenRows > 0 {
      let topLeft = "A\(sheet.frozenRows + 1)"
      xml +=
        "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\""
      xml += " activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\""
      xml += " sqref=\"\(topLeft)\"/></sheetView></sheetViews>"
    }
    if !sheet.columnWidths.isEmpty {
      xml += "<cols>"
      for (c, width) in sheet.columnWidths.enumerated() {
        xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\((width * 100).rounded() / 100)\" customWidth=\"1\"/>"
      }
      xml += "</cols>"
    }
    xml += "<sheetData>"
    for (r, row) in sheet.rows.enumerated() {
      xml += "<row r=\"\(r + 1)\">"
      for (c, cell) in row.enumerated() {
        let reference = Self.columnName(c) + String(r + 1)
        var style = r == 0 ? " s=\"1\"" : ""
        if r > 0, case .number = cell, c < sheet.numberFormats.count, let format = sheet.numberFormats[c] {
          style = " s=\"\(format.styleIndex)\""
        }
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
        case .formatted(let value, let format):
          precondition(value.isFinite, "XLSX numbers must be finite")
          xml += "<c r=\"\(reference)\" s=\"\(format.styleIndex)\"><v>\(value == 0 ? "0" : value.description)</v></c>"
        case .empty:
          continue
        }
      }
      xml += "</row>"
    }
    xml += "</sheetData>"
    if let range = Self.autoFilterRange(sheet) { xml += "<autoFilter ref=\"\(range)\"/>" }
    return xml + "</worksheet>"
  }

  /// The autofilter's range, header row to last row, or `nil` without one.
  static func autoFilterRange(_ sheet: Sheet) -> String? {
    guard sheet.autoFilter, sheet.columnCount > 0, !sheet.rows.isEmpty else { return nil }
    return "A1:\(columnName(sheet.columnCount - 1))\(sheet.rows.count)"
  }

  /// `$A$1` for `A1`.
  static func absolute(_ reference: String) -> String {
    let letters = reference.prefix { $0.isLetter }
    return "$\(letters)$\(reference.dropFirst(letters.count))"
  }

  static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

  /// Regular and bold fonts; style 1 is the header row's (bold, wrapped,
  /// top-aligned); styles 2 to 5 are the ``NumberFormat``s.
  static let styles =
    header
    + "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
    + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.000\"/></numFmts>"
    + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
    + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
    + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
    + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
    + "<cellXfs count=\"6\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
    + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">"
    + "<alignment vertical=\"top\" wrapText=\"1\"/></xf>"
    + "<xf numFmtId=\"1\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
    + "<xf numFmtId=\"9\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
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
