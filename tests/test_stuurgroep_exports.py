"""The steering pack and the progress report as files: read back with pypdf and openpyxl, formula-safe."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from data_access import meetings, queries
from data_access.engine import get_engine
from domain.changes import programme_frames
from domain.meeting_pack import build_pack
from reports import progress_report, steering_pack
from reports.tables import SPECS
from tests.sample_facts import project_rows, rows, statuses_on
from ui import format as fmt

D = dt.date
HAARLEM = "HAARLEM-WC"
AMSTERDAM = "AMSTERDAM-WA"
INJECTIONS = ['=HYPERLINK("http://x")', "+31 6 1234", "-2+3", "@SUM(A1)"]


@pytest.fixture(scope="module")
def read(sample_db_url):
    engine = get_engine(sample_db_url)
    cache: dict[str, pd.DataFrame] = {}

    def read(name: str) -> pd.DataFrame:
        if name not in cache:
            cache[name] = (meetings.audit_changes if name == "audit_changes" else getattr(queries, name))(engine)
        return cache[name].copy()

    return read


def programme(code: str) -> dict:
    p = next(p for p in rows("programme") if p["code"] == code)
    return {"code": code, "name": p["name"], "city": p["city"], "central_budget": float(p["central_budget"])}


def items_frame(meeting: dt.date) -> pd.DataFrame:
    """Items as the store returns them, with texts that try formula injection."""
    return pd.DataFrame(
        {
            "programme_code": [HAARLEM] * 4,
            "meeting_date": [pd.Timestamp(meeting)] * 4,
            "number": [1, 2, 3, 4],
            "kind": ["besluit", "actie", "actie", "actie"],
            "text": INJECTIONS,
            "owner_partner_code": ["YMERE", None, None, None],
            "due_date": [pd.NaT, pd.Timestamp(meeting + dt.timedelta(days=14)), pd.NaT, pd.NaT],
            "project_code": [None] * 4,
            "wijk_code": [None] * 4,
            "status": ["afgerond", "open", "open", "open"],
            "closed_date": [pd.Timestamp(meeting), pd.NaT, pd.NaT, pd.NaT],
            "version": [1] * 4,
        }
    )


@pytest.fixture(scope="module")
def haarlem_pack(read):
    p = programme(HAARLEM)
    frames = programme_frames(read, HAARLEM, p["city"])
    return build_pack(frames, items_frame(D(2009, 1, 7)).iloc[0:0], p, D(2008, 12, 24), D(2009, 1, 7))


@pytest.fixture(scope="module")
def kolenkit_pack(read):
    p = programme(AMSTERDAM)
    frames = programme_frames(read, AMSTERDAM, p["city"])
    return build_pack(frames, items_frame(D(2010, 3, 12)).iloc[0:0], p, D(2010, 3, 5), D(2010, 3, 12))


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def approved_until(code: str, day: dt.date) -> Decimal:
    return sum(
        (
            Decimal(a["approved"])
            for a in rows("budget_allocation")
            if a["programme_code"] == code and a["decision_date"] and a["decision_date"] <= day.isoformat()
        ),
        Decimal(0),
    )


def test_pdf_pack_has_headings_dates_figures_and_page_numbers(haarlem_pack):
    data = steering_pack.pdf_bytes(haarlem_pack, items_frame(D(2009, 1, 7)))
    assert data.startswith(b"%PDF")
    reader, text = pdf_text(data)
    flat = " ".join(text.split())
    for heading in ("Kerncijfers", "Grafieken", "Agenda", "Wat is er veranderd", "Besluiten en acties"):
        assert heading in text
    assert "Wijkcontracten Haarlem" in text
    assert "Stuurgroep 7 januari 2009" in flat
    assert "24 december 2008" in flat
    n = len(reader.pages)
    assert f"Pagina 1 van {n}" in text and f"Pagina {n} van {n}" in text
    # Figures, computed independently from the CSVs.
    assert fmt.euro(Decimal("250000")) in text
    approved = approved_until(HAARLEM, D(2009, 1, 7))
    assert fmt.euro(approved) in text and fmt.euro(Decimal("250000") - approved) in text
    statuses = statuses_on(HAARLEM, D(2009, 1, 7))
    running = sum(s in ("op schema", "aandacht", "vertraagd") for s in statuses.values())
    assert f"Lopende projecten {fmt.number(running)}" in flat
    for code in haarlem_pack.tables["status"]["project_code"]:
        assert code in text
    # The charts are images in the PDF.
    assert sum(len(page.images) for page in reader.pages) >= 3
    # Decisions recorded in the meeting, in the text as they were typed (PDF is not a spreadsheet).
    assert "HYPERLINK" in text and reader.metadata.title.startswith("Stuurgroep 7 januari 2009")


def test_pdf_pack_with_red_and_orange_projects_shows_cause_and_measure(kolenkit_pack):
    _, text = pdf_text(steering_pack.pdf_bytes(kolenkit_pack))
    flat = " ".join(text.split())
    assert "Statuswijzigingen" in text and "op schema -> aandacht" in flat
    for code in ("AMS-KOLENKIT-01", "AMS-KOLENKIT-02", "AMS-KOLENKIT-03"):
        assert code in text
    assert "cofinanciering" in flat.lower()
    assert "aandacht (oranje)" in flat


def sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_workbook_has_a_sheet_per_section_with_the_table_rows(haarlem_pack):
    items = items_frame(D(2009, 1, 7))
    wb = load_workbook(io.BytesIO(steering_pack.workbook_bytes(haarlem_pack, items)))
    expected_sheets = ["Kerncijfers", *(SPECS[n].title[:31] for n in ("red_orange", "status", "milestones_missed"))]
    for name in expected_sheets:
        assert name in wb.sheetnames
    assert "Besluiten en acties" in wb.sheetnames
    for ws in wb.worksheets:
        assert len(ws.tables) == 1, ws.title  # a real Excel table on every sheet
    status = sheet_rows(wb["Statuswijzigingen"])
    header = status[0]
    assert header[:3] == ["Wijk", "Project", "Titel"]
    projects = [r[1] for r in status[1:]]
    assert projects == list(haarlem_pack.tables["status"]["project_code"])
    missed = sheet_rows(wb["Mijlpalen gemist"])
    assert len(missed) - 1 == len(haarlem_pack.tables["milestones_missed"])
    due = missed[0].index("Gepland")
    assert all(isinstance(r[due], dt.datetime) for r in missed[1:])  # dates stay dates
    kern = dict(sheet_rows(wb["Kerncijfers"])[1:])
    assert kern["Toegekend (EUR)"] == float(approved_until(HAARLEM, D(2009, 1, 7)))
    assert kern["Projecten"] == len(project_rows(HAARLEM))
    log = sheet_rows(wb["Besluiten en acties"])
    texts = [r[log[0].index("Tekst")] for r in log[1:]]
    assert texts == ["'" + t for t in INJECTIONS]  # neutralised, none starts a formula


def test_csv_zip_has_a_file_per_table_and_neutralises_formulas(haarlem_pack):
    data = steering_pack.csv_zip_bytes(haarlem_pack, items_frame(D(2009, 1, 7)))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
        assert "kerncijfers.csv" in names and "statuswijzigingen.csv" in names and "besluiten-en-acties.csv" in names
        assert len(names) == len(steering_pack.sheets(haarlem_pack))
        text = zf.read("besluiten-en-acties.csv").decode("utf-8-sig")
        status = zf.read("statuswijzigingen.csv").decode("utf-8-sig")
    table = list(csv.reader(io.StringIO(text), delimiter=";"))
    column = table[0].index("Tekst")
    assert [r[column] for r in table[1:]] == ["'" + t for t in INJECTIONS]
    for row in table[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    status_rows = list(csv.reader(io.StringIO(status), delimiter=";"))
    assert [r[1] for r in status_rows[1:]] == list(haarlem_pack.tables["status"]["project_code"])


def test_progress_report_per_contract(read):
    p = programme(HAARLEM)
    frames = programme_frames(read, HAARLEM, p["city"])
    contracts = read("contracts")
    contract = next(c for c in rows("contract") if c["wijk_code"] == "HLM-BOERHAAVEWIJK")
    report = progress_report.build(frames, contracts, contract["code"], D(2008, 10, 1), p["name"])
    reader, text = pdf_text(progress_report.pdf_bytes(report))
    flat = " ".join(text.split())
    assert f"Voortgangsrapportage {contract['title']}" in flat
    assert "Boerhaavewijk" in text and "stand op 1 oktober 2008" in flat
    for heading in ("Samenvatting", "Projecten", "Besteding centraal budget in de wijk", "Doelen van de wijk"):
        assert heading in text
    projects = {c for c, pr in project_rows(HAARLEM).items() if pr["contract_code"] == contract["code"]}
    for code in projects:
        assert code in text
    total = sum(Decimal(pp["amount"]) for pp in rows("project_partner") if pp["project_code"] in projects)
    assert fmt.euro(total) in text
    approved = sum(
        Decimal(a["approved"])
        for a in rows("budget_allocation")
        if a["wijk_code"] == "HLM-BOERHAAVEWIJK" and a["decision_date"] and a["decision_date"] <= "2008-10-01"
    )
    assert report.approved == float(approved) and fmt.euro(approved) in text
    statuses = statuses_on(HAARLEM, D(2008, 10, 1))
    assert dict(zip(report.projects["code"], report.projects["status"], strict=True)) == {
        c: statuses[c] for c in projects
    }
    assert f"Pagina 1 van {len(reader.pages)}" in text
