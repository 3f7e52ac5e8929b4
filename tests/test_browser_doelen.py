"""Doelen & indicatoren in headless Chromium: the page opens, a click on a heatmap cell opens that wijk, the map
is drawn (centroids, then imported boundaries)."""

from __future__ import annotations

import json

import pytest

from tests.browser import exception_texts, settle, streamlit_server
from tests.sample_facts import rows

pytestmark = pytest.mark.browser
AMS = "AMSTERDAM-WA"


@pytest.fixture(params=["sqlite", "postgresql"])
def server(request, tmp_path, sample_dir):
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'browser.sqlite'}"
    else:
        url = request.getfixturevalue("pg_server").new_database()
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, sample_dir)
    with streamlit_server(url, tmp_path / "streamlit.log") as base:
        yield base, engine


def chart_marks(page, text: str):
    """SVG marks of the Vega charts whose aria-label (Vega's accessible description) contains `text`."""
    return page.locator(f"[data-testid='stVegaLiteChart'] svg [aria-label*='{text}']")


def test_heatmap_click_opens_the_wijk(browser, server):
    base, _ = server
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{base}/doelen?programma={AMS}&onderdeel=vergelijken")
    settle(page)
    assert exception_texts(page) == []
    assert page.locator("[data-testid='stMain'] h1").first.inner_text() == "Doelen & indicatoren"
    cell = chart_marks(page, "wijk_name: Kolenkit; ").first
    cell.wait_for(timeout=30000)
    cell.click()
    settle(page)
    assert exception_texts(page) == []
    assert "wijk=AMS-KOLENKIT" in page.url
    main = page.locator("[data-testid='stMain']")
    assert "wijk Kolenkit" in main.inner_text()
    # The trend line of the wijk, drawn on the server: an image the browser could decode, named by its alt text.
    trend = main.locator(".wd-chart img[alt^='Lijndiagram van Geregistreerde werkloosheid in Kolenkit']")
    assert trend.count() == 1
    assert trend.evaluate("img => img.complete && img.naturalWidth > 0")


def test_map_draws_centroids_and_then_imported_boundaries(browser, server):
    from data_access.access import Actor
    from data_access.boundaries import import_boundaries

    base, engine = server
    wijken = [w for w in rows("wijk") if w["programme_code"] == AMS]
    page = browser.new_page(viewport={"width": 1400, "height": 1400})
    page.goto(f"{base}/doelen?programma={AMS}&onderdeel=kaart&indicator=WERKLOOSHEID")
    settle(page)
    assert exception_texts(page) == []
    chart_marks(page, "Kaart").first.wait_for(timeout=30000)
    for w in wijken:
        assert chart_marks(page, f"name: {w['name']}").count() >= 1, w["name"]
    shapes = page.locator("[data-testid='stVegaLiteChart'] svg g.mark-shape path")
    assert shapes.count() == 0  # no boundaries yet: dots at the centroids

    ring = [[4.84, 52.37], [4.85, 52.37], [4.85, 52.38], [4.84, 52.38], [4.84, 52.37]]
    feature = {
        "type": "Feature",
        "properties": {"code": "BU03630239"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }
    text = json.dumps({"type": "FeatureCollection", "features": [feature]})
    assert import_boundaries(engine, Actor("b@example.org", "B", "beheerder"), text, "code", "test.geojson").ok
    page.reload()
    settle(page)
    assert exception_texts(page) == []
    shapes.first.wait_for(timeout=30000)
    assert shapes.count() == 1
    assert "Kolenkit" in shapes.first.get_attribute("aria-label")
    assert f"Wijkgrenzen van 1 van de {len(wijken)} wijken" in page.locator("[data-testid='stMain']").inner_text()
