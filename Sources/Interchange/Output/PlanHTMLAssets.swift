/// The inline style sheet and script of the HTML plan report
/// (``PlanHTMLRenderer``): no external resource, no personal data.
///
/// The script works on the page as rendered: a search box and a department
/// filter hide the pairs' rows that do not match (case-insensitive substring
/// of the row's text; mentee's or mentor's department) and update the count;
/// each heading of a `table.sortable` sorts its rows (numbers by their
/// `data-sort` value when the heading has `data-type="number"`, text by
/// locale order), again reverses. Without the script every row is shown.
enum PlanHTMLAssets {
  /// Screen and print styles.
  static let style = """
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 2rem; color: #1d2433; }
    h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
    .context { display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; color: #5b6478; margin: 0.3rem 0 0.8rem; }
    .headline { font-size: 1.1rem; max-width: 60rem; line-height: 1.45; }
    #actions { border-left: 4px solid #d9822b; padding-left: 1rem; }
    .cards { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
    .card { background: #f3f5f9; border-radius: 8px; padding: 0.8rem 1.1rem; min-width: 9rem; }
    .card b { display: block; font-size: 1.5rem; } .card span { color: #5b6478; font-size: 0.85rem; }
    .charts { display: flex; flex-wrap: wrap; gap: 2rem; }
    figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: 0.4rem; } .axis { fill: #5b6478; }
    .controls { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.5rem 0; }
    .controls input, .controls select { font: inherit; padding: 0.25rem 0.4rem; margin-left: 0.3rem; }
    .controls input { min-width: 16rem; } #pair-count { color: #5b6478; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #e3e7ef; vertical-align: top; }
    th { background: #f3f5f9; position: sticky; top: 0; }
    table.sortable th { cursor: pointer; user-select: none; }
    th[aria-sort="ascending"]::after { content: " \\25B2"; } th[aria-sort="descending"]::after { content: " \\25BC"; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; }
    ul.why { margin: 0; padding-left: 1.1rem; } .note { color: #5b6478; font-size: 0.85rem; }
    .id { color: #5b6478; font-size: 0.8rem; }
    @media print {
      body { margin: 0; font-size: 9pt; color: #000; }
      .controls, .screen-only { display: none; }
      th { position: static; } thead { display: table-header-group; }
      tr, figure, .card { break-inside: avoid; }
      h2 { break-after: avoid; } #charts, #method { break-before: page; }
      .card, th { background: none; border: 1px solid #999; }
    }
    """

  /// Search, department filter and sorting.
  static let script = """
    (function () {
      "use strict";
      var table = document.getElementById("pairs");
      var search = document.getElementById("pair-search");
      var department = document.getElementById("department-filter");
      var count = document.getElementById("pair-count");
      function filter() {
        if (!table) { return; }
        var words = search.value.toLowerCase().trim().split(/\\s+/).filter(Boolean);
        var chosen = department.value;
        var rows = table.tBodies[0].rows, shown = 0;
        for (var i = 0; i < rows.length; i++) {
          var row = rows[i], text = row.textContent.toLowerCase();
          var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
          if (ok && chosen) {
            ok = row.getAttribute("data-mentee-department") === chosen ||
              row.getAttribute("data-mentor-department") === chosen;
          }
          row.hidden = !ok;
          if (ok) { shown++; }
        }
        count.textContent = shown + " of " + rows.length + " pairs";
      }
      if (search) { search.addEventListener("input", filter); }
      if (department) { department.addEventListener("change", filter); }
      function key(cell, numeric) {
        var raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
        return numeric ? parseFloat(raw) : raw.trim().toLowerCase();
      }
      var tables = document.querySelectorAll("table.sortable");
      Array.prototype.forEach.call(tables, function (sortable) {
        var heads = sortable.tHead.rows[0].cells;
        Array.prototype.forEach.call(heads, function (th, column) {
          th.tabIndex = 0;
          th.title = "Sort by this column";
          function sort() {
            var ascending = th.getAttribute("aria-sort") !== "ascending";
            Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
            th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
            var numeric = th.getAttribute("data-type") === "number";
            var body = sortable.tBodies[0];
            var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
              return { row: row, key: key(row.cells[column], numeric), index: index };
            });
            rows.sort(function (a, b) {
              var order = numeric ? a.key - b.key : a.key.localeCompare(b.key);
              if (!ascending) { order = -order; }
              return order || a.index - b.index;
            });
            rows.forEach(function (r) { body.appendChild(r.row); });
          }
          th.addEventListener("click", sort);
          th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
        });
      });
    })();
    """
}
