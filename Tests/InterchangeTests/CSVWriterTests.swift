import Interchange
import Testing

@Suite struct CSVWriterTests {
  @Test func quotesOnlyFieldsThatNeedIt() {
    var writer = CSVWriter()
    writer.writeRow(["plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", ""])
    #expect(writer.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\n")
  }

  @Test func neutralisesFormulaLikeText() {
    let writer = CSVWriter()
    #expect(writer.field(.text("=SUM(A1:A9)")) == "'=SUM(A1:A9)")
    #expect(writer.field(.text("+1")) == "'+1")
    #expect(writer.field(.text("-2")) == "'-2")
    #expect(writer.field(.text("@cmd")) == "'@cmd")
    #expect(writer.field(.text("\tx")) == "'\tx")
    #expect(writer.field(.text("\rx")) == "\"'\rx\"")
    #expect(writer.field(.text("'=x")) == "''=x")
    #expect(writer.field(.text("a=b")) == "a=b")
    #expect(writer.field(.text("'plain")) == "'plain")
  }

  @Test func canLeaveFormulasAlone() {
    let writer = CSVWriter(neutralizingFormulas: false)
    #expect(writer.field(.text("=1+1")) == "=1+1")
    #expect(writer.field(.text("=1,2")) == "\"=1,2\"")
  }

  @Test func neverAltersNumbers() {
    let writer = CSVWriter()
    #expect(writer.field(.number(-2.5)) == "-2.5")
    #expect(writer.field(.number(0.1)) == "0.1")
    #expect(writer.field(.number(3)) == "3.0")
    #expect(writer.field(.number(1e-7)) == "1e-07")
    #expect(writer.field(.number(-0.0)) == "0")
    #expect(writer.field(.integer(-4)) == "-4")
    #expect(writer.field(.empty) == "")
  }

  @Test func numbersRoundTripExactly() {
    for value in [0.1, 1.0 / 3.0, -2.5e-300, 123_456_789.123_456_78, .pi, -.ulpOfOne] {
      #expect(Double(CSVWriter.format(value)) == value)
    }
  }

  @Test func unneutralizedInvertsNeutralized() {
    let samples = [
      "=x", "+1", "-", "@", "\tx", "\r", "'=x", "''-x", "'abc", "''", "abc", "", "'", "a'=b",
    ]
    for sample in samples {
      #expect(CSVWriter.unneutralized(CSVWriter.neutralized(sample)) == sample)
    }
    #expect(CSVWriter.unneutralized("'=x") == "=x")
    #expect(CSVWriter.unneutralized("'abc") == "'abc")
  }

  @Test func writtenRowsReadBack() throws {
    let cells = ["=cmd", "a,b", "q\"uote", "multi\r\nline", "-7", "ünï"]
    var writer = CSVWriter()
    writer.writeRow(["c1", "c2", "c3", "c4", "c5", "c6"])
    writer.writeRow(cells)
    let table = try CSVTable.parse(writer.text, file: "w.csv")
    #expect(table.records[0].fields.map { CSVWriter.unneutralized($0.value) } == cells)
  }
}
