"""The 照会 workbook as dx survey made it: sheets, protection and the
validations of the cells to fill, read from the workbook's XML by openpyxl."""
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["記入方法", "測定", "新規提案", "_dx"], wb.sheetnames
assert wb["_dx"].sheet_state == "hidden"
ws = wb["測定"]
assert ws.protection.sheet, "測定 is not protected"
assert ws.freeze_panes == "A2", ws.freeze_panes
kinds = {dv.type: str(dv.sqref) for dv in ws.data_validations.dataValidation}
assert kinds.get("date", "").startswith("K2"), kinds
assert kinds.get("decimal", "").startswith("L2"), kinds
assert kinds.get("list", "").startswith("M2"), kinds
assert ws["A2"].protection.locked and not ws["L2"].protection.locked or ws.column_dimensions["L"], "cells"
p = wb["新規提案"]
lists = [dv for dv in p.data_validations.dataValidation if dv.type == "list"]
assert len(lists) == 3, lists
assert ws["G2"].is_date, "target_date is not a date cell"
assert isinstance(ws["E2"].value, (int, float)), "baseline is not a number"
print("validations: ok")
