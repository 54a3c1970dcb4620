"""Checks the files of `mentor-match invitations` with standard parsers:
Python's email package (policy `default`) for the .eml files and the
icalendar package (PyPI) for the .ics files.

Usage:
  check_invitations.py hostile-cohort SAMPLE_DIR OUT_DIR   copy the sample with hostile names
  check_invitations.py check COHORT_DIR INVITATIONS_DIR    check every file
"""
import csv
import datetime
import email
import email.policy
import pathlib
import re
import shutil
import sys

import icalendar

HOSTILE = {
    0: "Zoë Ñúñez-Łukasiewicz 東京",
    1: 'Ann "The Boss" O\'Brien, Jr.',
    2: "Eve\nBcc: attacker@example.org",
    3: "Maximiliane " * 12 + "Long",
}


def check(condition, message):
    if not condition:
        print(f"check-invitations: FAILED: {message}", file=sys.stderr)
        sys.exit(1)


def people(cohort):
    result = {}
    for name in ["mentees.csv", "mentors.csv"]:
        with open(pathlib.Path(cohort) / name, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                result[(name, row["id"])] = row
    return result


def hostile_cohort(sample, out):
    out = pathlib.Path(out)
    shutil.copytree(sample, out)
    path = out / "mentees.csv"
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for k, name in HOSTILE.items():
        rows[k + 1][1] = name
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def programme_start(cohort):
    text = (pathlib.Path(cohort) / "config.yaml").read_text(encoding="utf-8")
    start = re.search(r"^\s+start:\s*(\d{4}-\d{2}-\d{2})", text, re.M).group(1)
    weeks = int(re.search(r"^\s+weeks:\s*(\d+)", text, re.M).group(1))
    return datetime.date.fromisoformat(start), weeks


def check_folder(cohort, folder):
    folder = pathlib.Path(folder)
    everyone = people(cohort)
    by_id = {(k[0], k[1]): v for k, v in everyone.items()}
    start, weeks = programme_start(cohort)
    expected_days = {start, start + datetime.timedelta(weeks=weeks // 2), start + datetime.timedelta(weeks=weeks)}
    emls = sorted(folder.glob("*.eml"))
    icss = sorted(folder.glob("*.ics"))
    check(len(emls) > 0 and len(emls) == len(icss), f"one .eml and one .ics per pair ({len(emls)}, {len(icss)})")
    uids = set()
    for eml in emls:
        raw = eml.read_bytes()
        check(b"\n" not in raw.replace(b"\r\n", b""), f"{eml.name}: CRLF line ends only")
        head = raw.split(b"\r\n\r\n", 1)[0]
        check(all(len(line) <= 78 for line in head.split(b"\r\n")), f"{eml.name}: header lines at most 78")
        message = email.message_from_bytes(raw, policy=email.policy.default)
        check(not message.defects, f"{eml.name}: parses without defects: {message.defects}")
        number, mentee_id, mentor_id = eml.stem.split("-", 2)
        mentee = by_id[("mentees.csv", mentee_id)]
        mentor = by_id[("mentors.csv", mentor_id)]
        to = message["To"].addresses
        check([a.addr_spec for a in to] == [mentee["email"], mentor["email"]], f"{eml.name}: both people addressed")
        check(to[0].display_name == mentee["name"].replace("\n", "\\u{A}"),
              f"{eml.name}: the mentee's name decodes as written: {to[0].display_name!r}")
        check(to[1].display_name == mentor["name"], f"{eml.name}: the mentor's name decodes as written")
        check(message["Bcc"] is None and message["Cc"] is None, f"{eml.name}: no injected header")
        check(message["Message-ID"] and message["Date"].datetime is not None, f"{eml.name}: Message-ID and Date")
        subject = str(message["Subject"])
        check(mentor["name"] in subject, f"{eml.name}: the subject names the mentor: {subject!r}")
        body = message.get_body(preferencelist=("plain",)).get_content()
        check("Why this pairing:" in body and "Milestones" in body, f"{eml.name}: reasons and growth plan in the body")
        check(start.isoformat() in body, f"{eml.name}: the body gives the programme start")
        attachments = list(message.iter_attachments())
        check(len(attachments) == 1 and attachments[0].get_content_type() == "text/calendar",
              f"{eml.name}: the calendar is attached")
        attached = attachments[0].get_payload(decode=True)
        ics_path = eml.with_suffix(".ics")
        check(attached == ics_path.read_bytes(), f"{eml.name}: the attachment is {ics_path.name}")

        raw_ics = ics_path.read_bytes()
        check(raw_ics.endswith(b"\r\n") and b"\n" not in raw_ics.replace(b"\r\n", b""),
              f"{ics_path.name}: CRLF line ends only")
        check(all(len(line) <= 75 for line in raw_ics.split(b"\r\n")), f"{ics_path.name}: lines at most 75 octets")
        for line in raw_ics.split(b"\r\n"):
            line.decode("utf-8")  # every folded line is whole UTF-8
        calendar = icalendar.Calendar.from_ical(raw_ics)
        check(str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar, f"{ics_path.name}: VERSION and PRODID")
        events = calendar.walk("VEVENT")
        check(len(events) == 3, f"{ics_path.name}: three milestones")
        days = set()
        for event in events:
            for key in ["UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"]:
                check(key in event, f"{ics_path.name}: every event has {key}")
            uid = str(event["UID"])
            check(uid not in uids, f"{ics_path.name}: UID {uid} is unique")
            uids.add(uid)
            days.add(event.decoded("DTSTART"))
            attendees = event.get("ATTENDEE")
            attendees = attendees if isinstance(attendees, list) else [attendees]
            check([str(a) for a in attendees] == [f"mailto:{mentee['email']}", f"mailto:{mentor['email']}"],
                  f"{ics_path.name}: both people attend")
            check(attendees[1].params["CN"] == mentor["name"], f"{ics_path.name}: the mentor's name as CN")
            check(mentee["name"].split("\n")[0].split(" ")[0] in str(event["SUMMARY"]),
                  f"{ics_path.name}: the summary names the mentee")
        check(days == expected_days, f"{ics_path.name}: dated from the programme calendar: {sorted(days)}")
    print(f"check-invitations: {len(emls)} e-mails and {len(icss)} calendars in {folder} read back by the email"
          f" parser and icalendar", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1] == "hostile-cohort":
        hostile_cohort(sys.argv[2], sys.argv[3])
    else:
        check_folder(sys.argv[2], sys.argv[3])
