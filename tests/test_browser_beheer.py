"""Beheer in headless Chromium: upload a CSV through the file uploader, read the preview, confirm the import."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import select, text

from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.models import AuditLog, Measurement
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from tests.browser import CHROMIUM, CHROMIUM_ARGS, exception_texts, settle, streamlit_server

pytestmark = pytest.mark.browser


def sample_database(tmp_path: Path):
    """A SQLite file with the sample data: (url, engine)."""
    url = f"sqlite:///{tmp_path / 'beheer.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    return url, engine


@contextlib.contextmanager
def beheer_page(url: str, tmp_path: Path):
    """(page, main area) of the Beheer page in Chromium, on a server for `url`."""
    with streamlit_server(url, tmp_path / "streamlit.log") as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(base + "/beheer")
        settle(page)
        yield page, page.locator("[data-testid='stMain']")
        browser.close()


def choose(page, main, path: Path) -> None:
    """Put a file in the import uploader and wait until Streamlit has it."""
    main.locator("input[type='file']").first.set_input_files(str(path))
    main.locator("[data-testid='stFileChipName']").filter(has_text=path.name).first.wait_for()
    page.wait_for_function("!document.querySelector(\"[data-testid='stFileChipIconSpinner']\")")
    settle(page)


def test_upload_preview_confirm(tmp_path):
    assert Path(CHROMIUM).exists(), "Debian chromium ontbreekt: apt-get install -y chromium (scripts/test doet dit)"
    url, engine = sample_database(tmp_path)
    upload = tmp_path / "measurement.csv"
    upload.write_text(
        "indicator_code,city,wijk_code,year,value\nWERKLOOSHEID,Amsterdam,,2031,5.5\nWERKLOOSHEID,Amsterdam,,2010,x\n",
        encoding="utf-8",
    )
    with beheer_page(url, tmp_path) as (page, main):
        choose(page, main, upload)
        main.get_by_role("button", name="Controleren").first.click()
        settle(page)
        # The preview lists the bad line with its column, in Dutch; nothing can be confirmed yet.
        main.get_by_text("De bestanden kunnen niet worden geïmporteerd. 1 probleem/problemen").wait_for()
        assert main.get_by_role("button", name="Bevestigen en importeren").count() == 0

        (tmp_path / "verbeterd").mkdir()
        upload = tmp_path / "verbeterd" / "measurement.csv"
        upload.write_text(
            "indicator_code,city,wijk_code,year,value\nWERKLOOSHEID,Amsterdam,,2031,5.5\n", encoding="utf-8"
        )
        choose(page, main, upload)
        main.get_by_role("button", name="Controleren").first.click()
        settle(page)
        metric = main.locator("[data-testid='stMetric']").filter(has_text="Toegevoegd")
        assert metric.locator("[data-testid='stMetricValue']").inner_text() == "1"
        with engine.connect() as conn:
            assert conn.execute(select(Measurement).where(Measurement.year == 2031)).first() is None
        main.get_by_role("button", name="Bevestigen en importeren").click()
        settle(page)
        main.get_by_text("Import opgeslagen: 1 rijen toegevoegd").wait_for()  # fails after 30 s if absent
        assert exception_texts(page) == []
    with engine.connect() as conn:
        assert conn.execute(select(Measurement.value).where(Measurement.year == 2031)).scalar_one() == 5.5
        entry = conn.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert (entry.action, entry.table_name, entry.actor) == ("import", "measurement", "lokaal")


def test_bulk_edit_survives_a_look_at_another_tab(tmp_path):
    """The bulk editor is built only while its tab is open; what was typed comes back with it and is saved."""
    url, engine = sample_database(tmp_path)
    with beheer_page(url, tmp_path) as (page, main):
        assert main.locator("[data-testid='stDataFrame']").count() == 0  # the Import tab has no grid

        def open_tab(label: str) -> None:
            main.get_by_role("tab", name=label).click()
            settle(page)

        open_tab("Bulk bewerken")
        grid = main.locator("[data-testid='stDataFrame']").first
        grid.locator("canvas").first.wait_for()
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 40, box["y"] + 35 + 17)  # first row, first column (code)
        page.keyboard.press("ArrowRight")  # name
        page.keyboard.press("Enter")  # opens the cell editor; typed keys before it opens would be lost
        editor = page.locator("textarea.gdg-input, input.gdg-input").first
        editor.wait_for()
        editor.fill("Amsterdam herzien")
        page.keyboard.press("Enter")
        page.wait_for_timeout(500)  # the edit reaches the server with the rerun it starts
        settle(page)

        open_tab("Import")
        assert main.locator("[data-testid='stDataFrame']").count() == 0
        open_tab("Bulk bewerken")
        main.locator("[data-testid='stDataFrame'] canvas").first.wait_for()
        main.get_by_role("button", name="Wijzigingen opslaan").click()
        settle(page)
        main.get_by_text("1 gewijzigd").wait_for()
        assert exception_texts(page) == []
    with engine.connect() as conn:
        names = conn.execute(text("SELECT name FROM programme ORDER BY code")).scalars().all()
        entry = conn.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert names == ["Amsterdam herzien", "Wijkcontracten Haarlem"]
    assert entry.table_name == "programme"
