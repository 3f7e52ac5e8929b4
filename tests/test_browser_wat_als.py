"""Wat als in headless Chromium: change an amount and a partner percentage, see the figures follow, save."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from playwright.sync_api import expect

from tests.browser import exception_texts, settle, streamlit_server
from tests.sample_facts import programme_facts, project_rows, rows
from ui import format as fmt

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A database of its own: this test saves a scenario."""
    from data_access.config import SAMPLE_DATA_DIR
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    folder = tmp_path_factory.mktemp("wat-als")
    url = f"sqlite:///{folder / 'db.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    with streamlit_server(url, folder / "streamlit.log") as base:
        yield base


def metric(page, label: str):
    return page.locator("[data-testid='stMetric']").filter(has_text=label).locator("[data-testid='stMetricValue']")


def test_amount_updates_the_figures_and_a_scenario_can_be_saved(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/wat_als?programma=HAARLEM-WC")
    settle(page)
    assert not exception_texts(page)
    remaining = programme_facts("HAARLEM-WC")["remaining"]
    expect(metric(page, "Niet toegekend in scenario")).to_have_text("€ 34.300")
    assert remaining == Decimal("34300.00")

    box = page.get_by_label("Verandering Boerhaavewijk: bewonersinitiatieven")
    box.fill("30000")
    box.press("Enter")
    settle(page)
    assert not exception_texts(page)
    expect(metric(page, "Niet toegekend in scenario")).to_have_text("€ 4.300")
    expect(metric(page, "Initiatieven anders dan nu")).to_have_text("1")

    page.get_by_label("Naam van het scenario").fill("Boerhaave plus 30.000")
    page.get_by_role("button", name="Scenario opslaan").click()
    settle(page)
    assert not exception_texts(page)
    expect(page.get_by_text("Scenario 'Boerhaave plus 30.000' is opgeslagen (versie 1).")).to_be_visible()
    expect(page.get_by_text("Opgeslagen scenario's (1)")).to_be_visible()
    # The scenario stays on screen after saving.
    expect(metric(page, "Niet toegekend in scenario")).to_have_text("€ 4.300")
    page.close()


def test_partner_percentage_and_amsterdam_without_central_budget(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/wat_als?programma=AMSTERDAM-WA")
    settle(page)
    assert not exception_texts(page)
    expect(page.get_by_text("Dit programma heeft geen centraal budget in de gegevens")).to_be_visible()
    page.get_by_role("tab", name="Partnerbijdragen en planning").click()
    settle(page)  # the tab's controls are built in a rerun
    combo = page.get_by_role("combobox", name="Bijdrage van partners aanpassen")
    combo.click()
    combo.fill("Ymere")
    page.get_by_role("option", name="Ymere").click()
    settle(page)
    page.keyboard.press("Escape")
    slider = page.get_by_role("slider")
    slider.first.focus()
    for _ in range(15):
        page.keyboard.press("ArrowLeft")
    settle(page)
    assert not exception_texts(page)
    expect(slider.first).to_have_value("-15")
    projects = project_rows("AMSTERDAM-WA")
    ymere = {pp["project_code"] for pp in rows("project_partner") if pp["partner_code"] == "YMERE"} & set(projects)
    ymere |= {code for code, p in projects.items() if p["lead_partner_code"] == "YMERE"}
    expect(metric(page, "Projecten geraakt")).to_have_text(str(len(ymere)))
    total = Decimal(0)
    for pp in rows("project_partner"):
        if pp["project_code"] in projects:
            amount = Decimal(pp["amount"])
            if pp["partner_code"] == "YMERE":
                amount = (amount * Decimal("0.85")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            total += amount
    expect(metric(page, "Partnerbijdragen in scenario")).to_have_text(fmt.euro_compact(total))
    page.close()
