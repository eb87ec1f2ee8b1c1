"""Every report's workbook (`dx REPORT --format xlsx`) as openpyxl reads it:
a sheet per table of the report, its header row frozen and filtered, the
title and page numbers on every printed page; dates as dates, counts and
values as numbers, percentages formatted as percentages.

    python3 scripts/xlsx/reports.py target/xlsx
"""

import datetime
import sys

import openpyxl

out = sys.argv[1]
problems = []


def sheets(name):
    return openpyxl.load_workbook(f"{out}/{name}.xlsx").worksheets


def table_sheets(name):
    """The sheets of a workbook that hold a table (a header row first)."""
    return [ws for ws in sheets(name) if ws.freeze_panes]


for name in ["list", "status", "gap", "yearly", "show"]:
    found = table_sheets(name)
    if not found:
        problems.append(f"{name}: no table sheet")
    for ws in found:
        where = f"{name}.xlsx/{ws.title}"
        if ws.freeze_panes != "A2":
            problems.append(f"{where}: header not frozen ({ws.freeze_panes})")
        if not ws.auto_filter.ref or not ws.auto_filter.ref.startswith("A1:"):
            problems.append(f"{where}: no filter on the header")
        if "&P" not in (ws.oddFooter.center.text or ""):
            problems.append(f"{where}: no page numbers")
        if ws.page_setup.paperSize not in (9, "9"):
            problems.append(f"{where}: not A4")
        headers = [c.value for c in ws[1]]
        for col, header in enumerate(headers):
            values = [row[col] for row in ws.iter_rows(min_row=2) if row[col].value is not None]
            for cell in values:
                v = cell.value
                if header in ("見直し期限", "測定日", "目標日", "日付", "最新の意思決定日"):
                    if not isinstance(v, datetime.datetime):
                        problems.append(f"{where}!{cell.coordinate}: {header} {v!r} is not a date")
                elif header in ("達成度",):
                    if not isinstance(v, (int, float)) or "%" not in cell.number_format:
                        problems.append(f"{where}!{cell.coordinate}: {header} {v!r} not a percentage")
                elif header in ("基準値", "目標値", "実績値", "計", "年度") and v != "計":
                    if not isinstance(v, (int, float)):
                        problems.append(f"{where}!{cell.coordinate}: {header} {v!r} is not a number")

# Each status table a sheet of its own; the fiscal years as numbers.
if [ws.title for ws in sheets("status")] != ["手法の段階", "技術の段階", "課題の進捗"]:
    problems.append(f"status: sheets {[ws.title for ws in sheets('status')]}")
if not any(isinstance(ws["A2"].value, int) for ws in sheets("yearly")):
    problems.append("yearly: 年度 not numbers")
# The tree is an outline: it opens and holds its lines.
if not any(c is not None for row in sheets("tree")[0].iter_rows(values_only=True) for c in row):
    problems.append("tree.xlsx is empty")

if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("xlsx: every report's workbook has its tables typed, frozen and filtered")
