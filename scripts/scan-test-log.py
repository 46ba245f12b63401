#!/usr/bin/env python3
"""Searches the server's log of a whole test run for the test subjects' values.

Usage: scan-test-log.py LOG SOURCES...

LOG is the JSON log the HTTP tests wrote (CONSENTRY_TEST_LOG_FILE: one object a line, as
`log.format = "json"` writes them); SOURCES are the tests' source files. Every e-mail address
in the sources (whatever its case), and every person's name the tests give (first and last
names, who made a request, a record's name: capitalised, as a word of its own), is looked for
in the log. Exits 1 naming each
value found, and the line it was found in; 2 when the log is missing, empty, or a line is not
one JSON object with distinct keys.
"""

import json
import re
import sys

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Names as the tests write them: JSON fields of a person, and the last name and address
# given to the record-making helpers (`create(&app, &leads, "Jansen", "jan@example.nl")`).
NAME_FIELDS = re.compile(
    r'"(?:first_name|last_name|requested_by|full_name)"\s*:\s*"([^"\\]{3,})"'
)
HELPER_NAME = re.compile(r'&\w+,\s*"([A-Z][^"\\]{2,})",\s*"[^"@]+@')


def distinct_keys(pairs):
    """An object whose keys are all different (a log collector keeps one of two, or refuses)."""
    keys = [key for key, _ in pairs]
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise ValueError(f"the key {repeated[0]!r} appears twice")
    return dict(pairs)


def subjects(sources):
    found = set()
    for path in sources:
        text = open(path, encoding="utf-8").read()
        found.update(m.group(0).lower() for m in EMAIL.finditer(text))
        for pattern in (NAME_FIELDS, HELPER_NAME):
            # Names, not the words some tests put in a name field ("new", "changed").
            found.update(m.group(1) for m in pattern.finditer(text) if m.group(1)[0].isupper())
    # A value the tests build with format!() is not a value as written.
    return sorted(v for v in found if "{" not in v and "}" not in v)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    log_path, sources = sys.argv[1], sys.argv[2:]
    try:
        lines = open(log_path, encoding="utf-8").read().splitlines()
    except OSError as error:
        print(f"scan-test-log: {error}", file=sys.stderr)
        return 2
    if not lines:
        print(f"scan-test-log: {log_path} is empty: the tests wrote no log", file=sys.stderr)
        return 2
    for number, line in enumerate(lines, 1):
        try:
            json.loads(line, object_pairs_hook=distinct_keys)
        except ValueError as error:
            print(f"scan-test-log: line {number}: {error}: {line[:300]}", file=sys.stderr)
            return 2
    values = subjects(sources)
    found = []
    for value in values:
        # A name is a word of its own ("Jan" is not in "Janssen" nor in a random token).
        pattern = (
            re.compile(re.escape(value), re.IGNORECASE)
            if "@" in value
            else re.compile(r"(?<!\w)" + re.escape(value) + r"(?!\w)")
        )
        for number, line in enumerate(lines, 1):
            if pattern.search(line):
                found.append((value, number, line))
                break
    print(
        f"{len(lines)} log lines, {len(values)} test subjects' values "
        f"({sum('@' in v for v in values)} addresses, {sum('@' not in v for v in values)} names)"
    )
    for value, number, line in found:
        print(f"  {value!r} is in line {number}: {line[:300]}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
