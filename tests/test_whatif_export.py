"""Excel export of a scenario comparison, read back with openpyxl: sheets, tables, rows, totals, no formulas."""

from __future__ import annotations

import io
from decimal import ROUND_HALF_UP, Decimal

from openpyxl import load_workbook

from domain.whatif import INITIATIVE, Baseline, Scenario, budget_key
from tests.sample_facts import programme_facts, project_rows, rows
from tests.test_whatif_domain import _frames_from_csv
from ui.whatif_export import comparison_workbook, workbook_frames

HAARLEM = "HAARLEM-WC"
A = Scenario().move(None, budget_key("HLM-BOERHAAVEWIJK", INITIATIVE), 3_000_000)
B = Scenario(partner_percent={"YMERE": Decimal(-15)})


def _workbook(name_b: str = "Ymere -15%") -> bytes:
    base = Baseline.from_frames(**_frames_from_csv(HAARLEM))
    return comparison_workbook(
        base,
        {"Boerhaave +30k": A, name_b: B},
        "Wijkcontracten Haarlem",
        {"Boerhaave +30k": ("r@example.org", "1 okt 2009", "…"), name_b: ('=HYPERLINK("x")', "", "")},
    )


def test_sheets_and_tables():
    wb = load_workbook(io.BytesIO(_workbook()))
    assert wb.sheetnames == ["Scenario's", "Centraal budget", "Per wijk", "Per thema", "Per partner"]
    for ws in wb.worksheets:
        assert len(ws.tables) == 1
    per_wijk = wb["Per wijk"]
    table = next(iter(per_wijk.tables.values()))
    wijken = {w["code"] for w in rows("wijk") if w["programme_code"] == HAARLEM}
    # Header + one row per wijk + the general-costs row; the total row sits under the table.
    assert table.ref == f"A1:D{1 + len(wijken) + 1}"
    assert per_wijk.cell(row=2, column=2).number_format.startswith('"€"')


def test_rows_and_totals_match_the_csv():
    frames = workbook_frames(_workbook())
    facts = programme_facts(HAARLEM)
    wijk = frames["Per wijk"].set_index("Wijk")
    now_total = facts["partner_contributions"] + facts["approved"]
    assert Decimal(str(wijk.loc["Totaal", "Nu"])) == now_total
    assert Decimal(str(wijk.loc["Totaal", "Boerhaave +30k"])) == now_total + 30_000
    assert Decimal(str(wijk["Nu"].iloc[:-1].sum())).quantize(Decimal("0.01")) == now_total

    partner = frames["Per partner"].set_index("Partner")
    projects = project_rows(HAARLEM)
    ymere = [
        Decimal(pp["amount"])
        for pp in rows("project_partner")
        if pp["partner_code"] == "YMERE" and pp["project_code"] in projects
    ]
    cut = sum((a * Decimal("0.85")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) for a in ymere)
    assert Decimal(str(partner.loc["Ymere", "Nu"])) == sum(ymere)
    assert Decimal(str(partner.loc["Ymere", "Ymere -15%"])).quantize(Decimal("0.01")) == cut

    budget = frames["Centraal budget"].set_index("Wijk")
    assert Decimal(str(budget.loc["Niet toegekend", "Nu"])) == facts["remaining"]
    assert Decimal(str(budget.loc["Niet toegekend", "Boerhaave +30k"])) == facts["remaining"] - 30_000
    assert Decimal(str(budget.loc["Totaal centraal budget", "Boerhaave +30k"])) == facts["central_budget"]


def test_text_that_looks_like_a_formula_is_neutralised():
    data = _workbook(name_b="=1+1")
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert not (isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@"))), (
                    ws.title,
                    cell.coordinate,
                    cell.value,
                )
    assert "'=1+1" in [c.value for c in wb["Per wijk"][1]]
