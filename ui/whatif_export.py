"""Excel export of a scenario comparison: one sheet per comparison, each a real Excel table.

No streamlit here, so tests read the very bytes the download button offers. Amounts are numbers in
euros (two decimals) with a euro format; every text cell goes through `safe_cell` so nothing in the data
can start a formula.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo

from domain.spreadsheet_safety import safe_cell
from domain.whatif import Baseline, Scenario, budget_comparison, compare

EURO_FORMAT = '"€" #,##0.00'
SHEETS = {"wijk": "Per wijk", "thema": "Per thema", "partner": "Per partner"}


def _table_name(title: str) -> str:
    return "".join(ch for ch in title.title() if ch.isalnum())


def _write_sheet(wb: Workbook, title: str, header: Sequence[str], rows: list[list], money_from: int) -> None:
    """A sheet with a header, data rows as an Excel table, and a bold total row under the table."""
    ws = wb.create_sheet(title)
    ws.append([safe_cell(h) for h in header])
    data, total = rows[:-1], rows[-1]
    for row in data:
        ws.append([safe_cell(v) for v in row])
    ws.append([safe_cell(v) for v in total])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for column in range(money_from + 1, len(header) + 1):
        for (cell,) in ws.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = EURO_FORMAT
    last_data_row = max(2, len(data) + 1)
    table = Table(displayName=_table_name(title), ref=f"A1:{get_column_letter(len(header))}{last_data_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    ws.add_table(table)
    for index, name in enumerate(header, start=1):
        width = max([len(str(name))] + [len(str(r[index - 1])) for r in rows]) + 2
        ws.column_dimensions[get_column_letter(index)].width = min(60, max(12, width))
    ws.freeze_panes = "A2"


def _euros(value) -> float:
    return round(int(value) / 100, 2)


def comparison_workbook(
    baseline: Baseline,
    scenarios: Mapping[str, Scenario],
    programme_name: str,
    descriptions: Mapping[str, tuple[str, str, str]],
) -> bytes:
    """The workbook as bytes. `descriptions`: per scenario name (author, date text, changes text)."""
    wb = Workbook()
    info = wb.active
    info.title = "Scenario's"
    info.append([safe_cell("Programma"), safe_cell(programme_name)])
    info.append([safe_cell("Let op"), safe_cell("Wat-als-scenario's; de echte cijfers zijn niet gewijzigd.")])
    info.append([])
    header = ["Scenario", "Auteur", "Opgeslagen", "Wijzigingen"]
    info.append(header)
    start = info.max_row
    info.append(["Nu", "", "", "De echte cijfers"])
    for name in scenarios:
        author, date, changes = descriptions.get(name, ("", "", ""))
        info.append([safe_cell(v) for v in (name, author, date, changes)])
    table = Table(displayName="Scenarios", ref=f"A{start}:D{info.max_row}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    info.add_table(table)
    for column, width in zip("ABCD", (30, 30, 20, 90), strict=True):
        info.column_dimensions[column].width = width

    names = list(scenarios)
    if baseline.has_central_budget:
        budget = budget_comparison(baseline, scenarios)
        rows = [
            [w, c, *[_euros(v) for v in values]]
            for w, c, *values in budget[["wijk_name", "category", "Nu", *names]].itertuples(index=False)
        ]
        # The last two rows (unallocated, total) go under the table; the unallocated row stays in the data.
        _write_sheet(wb, "Centraal budget", ["Wijk", "Categorie", "Nu", *names], rows, money_from=2)
    for dimension, title in SHEETS.items():
        frame = compare(baseline, scenarios, dimension)
        rows = [
            [n, *[_euros(v) for v in values]] for n, *values in frame[["name", "Nu", *names]].itertuples(index=False)
        ]
        label = {"wijk": "Wijk", "thema": "Thema", "partner": "Partner"}[dimension]
        _write_sheet(wb, title, [label, "Nu", *names], rows, money_from=1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def workbook_frames(data: bytes) -> dict[str, pd.DataFrame]:
    """Read a workbook back (for checks): per sheet a frame of its rows under the header."""
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data))
    frames = {}
    for ws in wb.worksheets:
        values = list(ws.values)
        if ws.title == "Scenario's":
            values = values[3:]
        frames[ws.title] = pd.DataFrame(values[1:], columns=values[0])
    return frames
