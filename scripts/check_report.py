"""Drives the HTML plan report in headless Chromium (Debian's chromium and
chromium-driver) with Selenium and checks what a reader does with it.

Usage: check_report.py REPORT.html OUTDIR
Fails (exit 1, with the reason) when a check does not hold; writes
OUTDIR/report.png, OUTDIR/report-search.png and OUTDIR/report.pdf.
"""
import base64
import pathlib
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def check(condition, message):
    if not condition:
        print(f"check-report: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def visible_rows(driver, table_id):
    return [r for r in driver.find_elements(By.CSS_SELECTOR, f"#{table_id} tbody tr") if r.is_displayed()]


def column(rows, index):
    return [r.find_elements(By.TAG_NAME, "td")[index].text for r in rows]


def main():
    report = pathlib.Path(sys.argv[1]).resolve()
    out = pathlib.Path(sys.argv[2]).resolve()
    html = report.read_text(encoding="utf-8")
    check(not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html), "the report loads nothing from the network")

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1800", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(report.as_uri())
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        check(not errors, f"no script errors in the console: {errors}")
        h2 = [e.text for e in driver.find_elements(By.TAG_NAME, "h2")]
        check(h2[:2] == ["What needs action", "The plan in figures"], f"actions come first: {h2}")
        check("Cohort:" in driver.find_element(By.ID, "context").text, "the cohort is named at the top")
        driver.save_screenshot(str(out / "report.png"))

        rows = visible_rows(driver, "pairs")
        total = len(rows)
        count = driver.find_element(By.ID, "pair-count")
        check(total > 10 and count.text == f"{total} of {total} pairs", f"all pairs shown at first: {count.text}")

        # Search: a mentee's name from the middle of the table.
        name = rows[total // 2].find_elements(By.TAG_NAME, "td")[0].text.split(" ")[0]
        search = driver.find_element(By.ID, "pair-search")
        search.send_keys(name)
        shown = visible_rows(driver, "pairs")
        check(0 < len(shown) < total, f"searching {name!r} narrows the {total} rows (shows {len(shown)})")
        check(all(name.lower() in r.text.lower() for r in shown), f"every row shown contains {name!r}")
        hidden = [r for r in driver.find_elements(By.CSS_SELECTOR, "#pairs tbody tr") if not r.is_displayed()]
        check(all(name.lower() not in r.get_attribute("textContent").lower() for r in hidden),
              f"no row containing {name!r} is hidden")
        check(count.text == f"{len(shown)} of {total} pairs", f"the count follows the search: {count.text}")
        driver.save_screenshot(str(out / "report-search.png"))
        search.clear()
        search.send_keys(" ")  # an input event after clear()
        check(len(visible_rows(driver, "pairs")) == total, "clearing the search shows every pair again")

        # Department filter: every row shown has the department on one side.
        select = Select(driver.find_element(By.ID, "department-filter"))
        department = select.options[1].get_attribute("value")
        select.select_by_index(1)
        shown = visible_rows(driver, "pairs")
        check(0 < len(shown) < total, f"filtering by {department!r} narrows the rows")
        check(all(department in (a, b) for a, b in zip(column(shown, 1), column(shown, 3))),
              f"every row shown has {department!r} as the mentee's or the mentor's department")
        select.select_by_index(0)
        check(len(visible_rows(driver, "pairs")) == total, "all departments shows every pair again")

        # Sorting by fit, both ways.
        fit = driver.find_element(By.XPATH, "//table[@id='pairs']/thead/tr/th[normalize-space()='Fit']")
        fit.click()
        values = [float(v) for v in column(visible_rows(driver, "pairs"), 4)]
        check(len(values) == total and values == sorted(values), "a click on Fit sorts the pairs by fit, lowest first")
        check(fit.get_attribute("aria-sort") == "ascending", "the heading says it sorts ascending")
        fit.click()
        values = [float(v) for v in column(visible_rows(driver, "pairs"), 4)]
        check(values == sorted(values, reverse=True), "a second click sorts the highest fit first")

        # Sorting by a text column.
        mentor = driver.find_element(By.XPATH, "//table[@id='pairs']/thead/tr/th[normalize-space()='Mentor']")
        mentor.click()
        names = [v.lower() for v in column(visible_rows(driver, "pairs"), 2)]
        collated = driver.execute_script(
            "return arguments[0].slice().sort(function (a, b) { return a.localeCompare(b); });", names)
        check(names == collated, "a click on Mentor sorts the pairs by mentor name")

        # The per-mentor view sorts by load, and loads add up to the pairs.
        load = driver.find_element(By.XPATH, "//table[@id='mentors']/thead/tr/th[normalize-space()='Mentees']")
        load.click()
        loads = [int(v) for v in column(visible_rows(driver, "mentors"), 2)]
        check(loads == sorted(loads) and sum(loads) == total, "mentor loads sort and add up to the pairs")
        departments = column(visible_rows(driver, "departments"), 2)
        check(sum(int(v) for v in departments) == total, "the department breakdown's matched add up to the pairs")

        # Print: controls hidden, every section kept; a PDF is written.
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        check(not driver.find_element(By.CSS_SELECTOR, ".controls").is_displayed(), "print hides the controls")
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
        (out / "report.pdf").write_bytes(base64.b64decode(pdf["data"]))
    finally:
        driver.quit()
    print(f"check-report: the report in {report} passed in Chromium ({total} pairs searched, filtered and sorted);"
          f" screenshots in {out}/report.png, report-search.png, printed copy report.pdf", file=sys.stderr)


if __name__ == "__main__":
    main()
