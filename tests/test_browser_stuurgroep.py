"""Stuurgroep in headless Chromium: record the meeting and a decision, download the steering pack."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from data_access import meetings
from data_access.engine import get_engine
from tests.browser import exception_texts, settle, streamlit_server

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path, sample_dir):
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    url = f"sqlite:///{tmp_path / 'stuurgroep.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, sample_dir)
    with streamlit_server(url, tmp_path / "streamlit.log") as base:
        yield base, url


def click_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name).click()
    settle(page)  # the tab's content is built in a rerun


def download(page, label: str) -> bytes:
    with page.expect_download(timeout=60000) as info:
        page.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def test_record_a_decision_and_download_the_pack(browser, server):
    base, url = server
    page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
    page.goto(f"{base}/stuurgroep?programma=HAARLEM-WC&peildatum=2009-01-07")
    settle(page)
    assert exception_texts(page) == []
    assert page.locator("[data-testid='stMain'] h1").first.inner_text().startswith("Stuurgroep")
    assert "vergadering=2009-01-07" in page.url

    page.get_by_role("button", name="Vergadering vastleggen").click()
    settle(page)
    assert exception_texts(page) == []
    assert page.get_by_text("beeld zoals vastgelegd", exact=False).first.is_visible()

    click_tab(page, "Besluiten en acties")
    page.get_by_label("Tekst").fill("Extra bewonersavond Boerhaavewijk organiseren")
    # A look at the agenda (a rerun: that tab is built when it opens) keeps what was typed.
    click_tab(page, "Agenda")
    assert page.get_by_text("1. Rode en oranje projecten", exact=False).first.is_visible()
    click_tab(page, "Besluiten en acties")
    assert page.get_by_label("Tekst").input_value() == "Extra bewonersavond Boerhaavewijk organiseren"
    page.get_by_role("button", name="Noteren").click()
    settle(page)
    assert exception_texts(page) == []
    assert page.get_by_text("Punt 1 (besluit) is genoteerd", exact=False).first.is_visible()
    items = meetings.meeting_items(get_engine(url))
    assert list(items["text"]) == ["Extra bewonersavond Boerhaavewijk organiseren"]

    click_tab(page, "Stuurgroeppakket en rapportages")
    pdf = download(page, "Stuurgroeppakket (PDF)")
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader

    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Extra bewonersavond Boerhaavewijk organiseren" in " ".join(text.split())
    workbook = download(page, "Werkmap (Excel)")
    assert zipfile.is_zipfile(io.BytesIO(workbook))
    report = download(page, "Voortgangsrapportage (PDF)")
    assert report.startswith(b"%PDF")
    assert exception_texts(page) == []
