#!/usr/bin/env python3
"""Checks hoering's feeds with the parsers subscribers use, and prints what they read.

    python3 .ci/validate_feeds.py ics FILE    iCalendar, read with `icalendar`
    python3 .ci/validate_feeds.py atom FILE   Atom, read with `feedparser`

Prints JSON on stdout; on any problem prints it on stderr and exits 1.
Needs `python3 -m pip install icalendar feedparser` (done by `.ci/setup --test`).
"""

import datetime
import json
import sys


class Invalid(Exception):
    pass


def check_ics(data: bytes) -> dict:
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except Exception as error:  # the library raises ValueError, KeyError, … on bad input
        raise Invalid(f"not an iCalendar object: {error!r}") from error
    if calendar.name != "VCALENDAR":
        raise Invalid(f"top-level component is {calendar.name}, not VCALENDAR")
    # Newer versions of icalendar keep going past a bad property and list it here instead.
    for component in calendar.walk():
        for error in getattr(component, "errors", []):
            raise Invalid(f"{component.name}: {error}")
    events = []
    for number, event in enumerate(calendar.walk("VEVENT"), start=1):
        missing = [p for p in ("UID", "DTSTART", "DTSTAMP", "SUMMARY") if p not in event]
        if missing:
            raise Invalid(f"VEVENT {number} lacks {', '.join(missing)}")
        start = event.decoded("DTSTART")
        if not isinstance(start, (datetime.date, datetime.datetime)):
            raise Invalid(f"VEVENT {number} has DTSTART {start!r}, not a date or date-time")
        url = event.get("URL")
        events.append(
            {
                "uid": str(event["UID"]),
                "summary": str(event["SUMMARY"]),
                "start": start.isoformat(),
                "url": None if url is None else str(url),
            }
        )
    return {"events": events}


def check_atom(data: bytes) -> dict:
    import feedparser

    parsed = feedparser.parse(data)
    if parsed.bozo:
        raise Invalid(f"not a well-formed feed: {parsed.bozo_exception!r}")
    if parsed.version != "atom10":
        raise Invalid(f"read as {parsed.version or 'unknown'}, not Atom 1.0")
    feed = parsed.feed
    missing = [key for key in ("id", "title", "updated") if key not in feed]
    if missing:
        raise Invalid(f"feed lacks {', '.join(missing)}")
    entries = []
    for number, entry in enumerate(parsed.entries, start=1):
        missing = [key for key in ("id", "title", "updated", "link") if key not in entry]
        if missing:
            raise Invalid(f"entry {number} lacks {', '.join(missing)}")
        entries.append(
            {
                "id": entry.id,
                "title": entry.title,
                "link": entry.link,
                "updated": entry.updated,
            }
        )
    return {"title": feed.title, "entries": entries}


def main(argv: list) -> int:
    checks = {"ics": check_ics, "atom": check_atom}
    if len(argv) != 3 or argv[1] not in checks:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    kind, path = argv[1], argv[2]
    try:
        with open(path, "rb") as file:
            result = checks[kind](file.read())
    except (Invalid, OSError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    sys.stdout.reconfigure(encoding="utf-8")
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
