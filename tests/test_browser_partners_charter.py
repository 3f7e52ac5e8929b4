"""Partners and Charter in headless Chromium: choose a partner, follow a charter agreement to its partner."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

from tests.browser import choose_option, exception_texts, settle, streamlit_server
from tests.sample_facts import rows

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_url):
    with streamlit_server(sample_db_url, tmp_path_factory.mktemp("pc") / "streamlit.log") as base:
        yield base


def shows_detail_of(page, name: str) -> bool:
    return page.locator("[data-testid='stMain']").get_by_role("heading", name=name, exact=True).first.is_visible()


def largest_partner(programme: str) -> str:
    """The partner with the largest committed amount in the programme: the ranking's first row."""
    contracts = {
        c["code"]
        for c in rows("contract")
        for w in rows("wijk")
        if w["programme_code"] == programme and c["wijk_code"] == w["code"]
    }
    projects = {p["code"] for p in rows("project") if p["contract_code"] in contracts}
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for pp in rows("project_partner"):
        if pp["project_code"] in projects:
            totals[pp["partner_code"]] += Decimal(pp["amount"])
    code = max(totals, key=totals.get)
    return next(p["name"] for p in rows("partner") if p["code"] == code)


def ask_for_the_grid(page) -> None:
    page.get_by_text("Als interactieve tabel", exact=False).click()
    settle(page)
    page.locator("[data-testid='stDataFrame'] canvas").first.wait_for()


def click_first_row(page, grid) -> None:
    grid.evaluate("e => e.scrollIntoView({block: 'center'})")  # clear of the sticky app header
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # selection cell of the first row
    settle(page)


def test_choose_a_partner_then_follow_a_charter_link(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1200})
    page.goto(f"{server}/partners?programma=AMSTERDAM-WA")
    settle(page)
    assert exception_texts(page) == []
    assert page.locator("[data-testid='stMain'] h1").first.inner_text().startswith("Partners")

    # Choose a partner in the list: its detail opens and the URL carries it.
    box = page.locator("[data-testid='stSelectbox']").filter(has_text="Partner")
    choose_option(page, box.last, "Ymere")
    assert exception_texts(page) == []
    assert shows_detail_of(page, "Ymere")
    assert "partner=YMERE" in page.url

    # A row of the ranking, as an interactive table on request, selects that partner.
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    ask_for_the_grid(page)
    ranking = page.locator("[data-testid='stDataFrame']").first
    click_first_row(page, ranking)
    assert exception_texts(page) == []
    assert "partner=" in page.url and "partner=YMERE" not in page.url
    assert shows_detail_of(page, largest_partner("AMSTERDAM-WA"))

    # Charter page in the same session; a chosen agreement links to its partners.
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Charter").click()
    settle(page)
    assert exception_texts(page) == []
    assert page.locator("[data-testid='stMain'] h1").first.inner_text().startswith("Charter")
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    assert page.locator("table.wd-table").filter(has_text="Afspraak").count() == 1
    ask_for_the_grid(page)
    register = page.locator("[data-testid='stDataFrame']").first
    click_first_row(page, register)
    assert exception_texts(page) == []
    links = page.locator("[data-testid='stPageLink'] a")
    assert links.count() >= 1
    name = links.first.inner_text().strip().splitlines()[-1]
    links.first.click()
    settle(page)
    assert exception_texts(page) == []
    assert page.locator("[data-testid='stMain'] h1").first.inner_text().startswith("Partners")
    assert shows_detail_of(page, name)  # the link wins over the partner chosen earlier
    assert "programma=AMSTERDAM-WA" in page.url


def test_charter_filter_link_on_a_fresh_page(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(f"{server}/charter?programma=AMSTERDAM-WA&thema=wonen&thema=werken")
    settle(page)
    assert exception_texts(page) == []
    metric = page.locator("[data-testid='stMetric']").filter(has_text="Afspraken")
    expected = sum(a["theme"] in ("wonen", "werken") for a in rows("charter_agreement"))
    assert metric.first.locator("[data-testid='stMetricValue']").inner_text().strip() == str(expected)
    assert "thema=wonen" in page.url and "thema=werken" in page.url
