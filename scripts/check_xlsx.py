"""Reads the plan workbook with openpyxl and checks that it opens well:
frozen header rows, autofilters, column widths, number formats, readable
headers, the Mentors and Departments sheets agreeing with the pairs, the
Summary's figures, and that no cell is a formula.

Usage: check_xlsx.py PLAN.xlsx
"""
import sys

import openpyxl


def check(condition, message):
    if not condition:
        print(f"check-xlsx: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def main():
    book = openpyxl.load_workbook(sys.argv[1])
    check(book.sheetnames == ["Pairs", "Unmatched", "Summary", "Mentors", "Departments"], f"sheets: {book.sheetnames}")
    for sheet in book.worksheets:
        check(sheet.freeze_panes == "A2", f"{sheet.title}: the header row is frozen ({sheet.freeze_panes})")
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        check(sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", f"{sheet.title}: autofilter {sheet.auto_filter.ref}")
        for c in range(1, sheet.max_column + 1):
            letter = openpyxl.utils.get_column_letter(c)
            check(sheet.column_dimensions[letter].width and sheet.column_dimensions[letter].width >= 8,
                  f"{sheet.title}: column {letter} has a width")
        check(all(cell.font.b for cell in sheet[1]), f"{sheet.title}: the header is bold")
        for row in sheet.iter_rows():
            for cell in row:
                check(cell.data_type != "f", f"{sheet.title}!{cell.coordinate} is not a formula")

    pairs = book["Pairs"]
    header = [c.value for c in pairs[1]]
    check(header[:4] == ["Mentee ID", "Mentee", "Mentee e-mail", "Mentee department"], f"readable headers: {header}")
    fit = header.index("Fit") + 1
    rows = list(pairs.iter_rows(min_row=2))
    check(len(rows) > 0, "the Pairs sheet has pairs")
    for row in rows:
        check(row[fit - 1].number_format == "0.000", f"fit to three decimals: {row[fit - 1].number_format}")
        check(isinstance(row[fit - 1].value, float), "fit is a number")
    check(rows[0][header.index("Choice")].number_format == "0", "the choice is a whole number")

    summary = {r[0].value: r[1] for r in book["Summary"].iter_rows(min_row=2)}
    for name in ["Matched", "Average fit", "Lowest fit", "Average fit of the lowest-fit tenth of pairs",
                 "Goal coverage", "Cross-department share", "Date", "Cohort"]:
        check(name in summary, f"Summary has {name!r}")
    check(summary["Matched"].value == len(rows), "Summary's matched count is the pairs'")
    scores = sorted(r[fit - 1].value for r in rows)
    check(abs(summary["Lowest fit"].value - scores[0]) < 1e-12, "Summary's lowest fit is the pairs'")
    check(summary["Lowest fit"].number_format == "0.000", "fit figures to three decimals")
    check(summary["Goal coverage"].number_format == "0%", "shares as percentages")

    mentors = book["Mentors"]
    mheader = [c.value for c in mentors[1]]
    load = [r[mheader.index("Mentees")].value for r in mentors.iter_rows(min_row=2)]
    places = [r[mheader.index("Places")].value for r in mentors.iter_rows(min_row=2)]
    check(sum(load) == len(rows) and all(a <= b for a, b in zip(load, places)),
          "mentor loads add up to the pairs, each within its places")
    departments = book["Departments"]
    dheader = [c.value for c in departments[1]]
    matched = [r[dheader.index("Matched")].value for r in departments.iter_rows(min_row=2)]
    check(sum(matched) == len(rows), "departments' matched add up to the pairs")
    print(f"check-xlsx: openpyxl read {sys.argv[1]}: 5 sheets, {len(rows)} pairs, headers frozen and filtered",
          file=sys.stderr)


if __name__ == "__main__":
    main()
