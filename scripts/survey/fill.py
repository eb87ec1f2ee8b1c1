"""Fill a 照会 workbook of 市民課 as a department would (openpyxl).

    python3 fill.py IN.xlsx OUT.xlsx answer    # the first answer: one 40% in 値
    python3 fill.py IN.xlsx OUT.xlsx fix       # the 40% corrected to 40

The answer mixes what offices write: a 和暦 date as text, full-width
digits, a date cell, a number cell, a date typed as 2026/11/30, one
評価不能 without a value, and two proposals where the 手法 solves the 課題
proposed in the row above (by its 仮ID).
"""
import datetime
import sys

import openpyxl

src, dst, mode = sys.argv[1], sys.argv[2], sys.argv[3]
wb = openpyxl.load_workbook(src)
ws = wb["測定"]
head = [c.value for c in ws[1]]
col = {h: i + 1 for i, h in enumerate(head)}
rows = {}
for r in range(2, ws.max_row + 1):
    rows[(ws.cell(r, col["ID"]).value, ws.cell(r, col["評価指標"]).value)] = r


def put(key, **cells):
    r = rows[key]
    for header, value in cells.items():
        ws.cell(r, col[header]).value = value


if mode == "fix":
    put(("S-006", "証明書交付のうちコンビニ交付の割合"), 値=40)
else:
    put(("G-003", "システムで作成した申請書の割合"), 測定日="R8.11.30", 値="６０", 状況="速報", 出典="窓口支援システムの集計")
    put(("G-005", "コンビニ交付件数(年間)"), 測定日=datetime.datetime(2026, 11, 30), 値=100000)
    put(("S-003", "転入手続1件あたりの手書き枚数"), 測定日="2026/11/30", 値=2.5, 備考="転入の手続のみ")
    put(("S-005", "マイナンバーカード交付率"), 測定日=datetime.datetime(2026, 11, 30), 状況="評価不能", 備考="システム更新のため集計できず")
    put(("S-006", "証明書交付のうちコンビニ交付の割合"), 測定日=datetime.datetime(2026, 11, 30), 値="40%")
    p = wb["新規提案"]
    phead = {c.value: i + 1 for i, c in enumerate(p[1])}
    proposals = [
        {"仮ID": "新1", "種別": "課題", "領域": "kurashi/madoguchi 窓口", "件名": "窓口の待ち時間が長い",
         "ビジョン項目": "kurashi-6", "現状": "繁忙期は1時間以上待つ", "ギャップ": "ワンストップで短時間に終わらない"},
        {"仮ID": "新2", "種別": "手法", "領域": "kurashi/madoguchi 窓口", "件名": "窓口の来庁予約",
         "解決する課題": "新1", "原則": "P1, P3"},
    ]
    for i, row in enumerate(proposals):
        for header, value in row.items():
            p.cell(2 + i, phead[header]).value = value
wb.save(dst)
