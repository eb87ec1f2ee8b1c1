#!/usr/bin/env python3
"""Open dx's workbooks as the office would and check what a user relies on.

    scripts/xlsx/check.py BOOK.xlsx [ROUNDTRIP.xlsx]

BOOK is `dx export --format xlsx`. Each table sheet: the header row frozen,
an autofilter, A4 landscape; every date column holds real dates and every
number column real numbers (no text that merely looks like one). With
ROUNDTRIP (BOOK saved again by LibreOffice), the same cells still hold the
same dates and numbers (to the 15 digits spreadsheets keep): LibreOffice
read them as such.
"""
import datetime
import sys

import openpyxl

DATES = {"基準日", "目標日", "測定日", "日付", "見直し期限", "解消日", "最新の意思決定日"}
NUMBERS = {"基準値", "目標値", "実績値", "値", "年度", "目標年度", "見直し年度", "達成度", "進み具合"}
TABLES = ["台帳", "リンク", "評価指標", "測定", "意思決定"]


def typed_cells(ws):
    """(column name, row, value) of every date or number column's cells."""
    header = [c.value for c in ws[1]]
    for r, row in enumerate(ws.iter_rows(min_row=2, values_only=True), start=2):
        for name, value in zip(header, row):
            if name in DATES or name in NUMBERS:
                yield name, r, value


def check(path, layout=True):
    book = openpyxl.load_workbook(path)
    problems = []
    seen = {"dates": 0, "numbers": 0}
    for title in TABLES:
        if title not in book.sheetnames:
            problems.append(f"{title}: no such sheet")
            continue
        ws = book[title]
        if not layout:
            pass
        elif ws.freeze_panes != "A2":
            problems.append(f"{title}: header row not frozen ({ws.freeze_panes})")
        if layout and not ws.auto_filter.ref:
            problems.append(f"{title}: no autofilter")
        if layout and (ws.page_setup.orientation != "landscape" or str(ws.page_setup.paperSize) != "9"):
            problems.append(f"{title}: not A4 landscape")
        for name, r, value in typed_cells(ws):
            if value is None:
                continue
            if name in DATES:
                if not isinstance(value, datetime.datetime):
                    problems.append(f"{title}!{name}{r}: {value!r} is not a date")
                seen["dates"] += 1
            elif not isinstance(value, (int, float)):
                problems.append(f"{title}!{name}{r}: {value!r} is not a number")
            else:
                seen["numbers"] += 1
    if not seen["dates"] or not seen["numbers"]:
        problems.append(f"no dates or numbers checked: {seen}")
    return book, problems, seen


def main():
    book, problems, seen = check(sys.argv[1])
    if len(sys.argv) > 2:
        # A headless conversion keeps values, not the view (frozen panes).
        again, more, _ = check(sys.argv[2], layout=False)
        problems += [f"after LibreOffice: {p}" for p in more]
        for title in TABLES:
            a = {(n, r): v for n, r, v in typed_cells(book[title])}
            b = {(n, r): v for n, r, v in typed_cells(again[title])}
            for key, value in a.items():
                other = b.get(key)
                # Spreadsheets keep 15 significant digits.
                same = other == value or (
                    isinstance(value, float) and isinstance(other, (int, float))
                    and abs(other - value) <= 1e-12 * max(1.0, abs(value)))
                if value is not None and not same:
                    problems.append(f"after LibreOffice: {title}!{key}: {value!r} became {b.get(key)!r}")
    for p in problems:
        print("xlsx:", p, file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"xlsx: {sys.argv[1]}: {seen['dates']} dates and {seen['numbers']} numbers are real"
          + (" (also after LibreOffice)" if len(sys.argv) > 2 else ""))


main()
