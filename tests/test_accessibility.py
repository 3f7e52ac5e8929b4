"""WCAG 2.1 AA in the browser: axe-core on every page in the navigation, charts with title and alt text, keyboard.

Pages are discovered from the sidebar navigation at run time, so a page added to dashboard.py is checked too.
"""

from __future__ import annotations

import base64
import re

import pytest

from tests.a11y import axe_violations
from tests.browser import exception_texts, nav_titles, settle, streamlit_server
from tests.sample_facts import rows

pytestmark = pytest.mark.browser

NAV_LINK = "[data-testid='stSidebarNavLink']"


@pytest.fixture(scope="module")
def server(tmp_path_factory, sample_db_url):
    with streamlit_server(sample_db_url, tmp_path_factory.mktemp("a11y") / "streamlit.log") as base:
        yield base


def _nav_paths(page, base: str) -> list[str]:
    links = page.locator(NAV_LINK)
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    return [h.replace(base, "").split("?")[0] or "/" for h in hrefs]


def _states() -> list[str]:
    """Query strings that show a page in its main states: a programme with a wijk chosen, and without."""
    wijken = rows("wijk")
    ams = next(w for w in reversed(wijken) if w["programme_code"] == "AMSTERDAM-WA")
    hlm = next(w for w in wijken if w["programme_code"] == "HAARLEM-WC")
    return [f"?programma=AMSTERDAM-WA&wijk={ams['code']}", f"?programma={hlm['programme_code']}"]


def _check_everything_visible(page, where: str, problems: list[str]) -> None:
    """axe on the page, and on each tab's panel in turn (hidden panels are not checked by axe)."""
    for summary in page.locator("[data-testid='stExpander'] details:not([open]) > summary").all():
        summary.click()
    settle(page)
    problems += [f"{where}: {v}" for v in axe_violations(page)]
    _check_charts(page, where, problems)
    tabs = page.locator("[data-testid='stTab']")
    i = 0  # the first tab of a set need not be the open one
    while i < tabs.count():  # counted again: an opened tab can hold tabs of its own
        assert i < 60, f"{where}: meer dan 60 tabbladen"
        if tabs.nth(i).get_attribute("aria-selected") == "true":
            i += 1
            continue
        tabs.nth(i).click()
        settle(page)  # a lazy tab builds its content in a rerun
        label = tabs.nth(i).inner_text().strip()
        problems += [f"{where} (tab {label}): {v}" for v in axe_violations(page)]
        _check_charts(page, f"{where} (tab {label})", problems)
        i += 1


def _check_charts(page, where: str, problems: list[str]) -> None:
    """Every chart: a title drawn in the chart and an alt text (Vega-Lite description -> aria-label)."""
    charts = page.locator("[data-testid='stVegaLiteChart']")
    for i in range(charts.count()):
        chart = charts.nth(i)
        alt = (chart.get_attribute("aria-label") or "").strip()
        title = " ".join(t.strip() for t in chart.locator(".role-title").all_text_contents()).strip()
        if not alt:
            problems.append(f"{where}: grafiek {i + 1} ({title or 'zonder titel'}) heeft geen alt-tekst")
        if not title:
            problems.append(f"{where}: grafiek {i + 1} ({alt[:60]}) heeft geen titel")
    drawn = page.locator(".wd-chart img")  # charts drawn on the server (ui/static_chart.py)
    for i in range(drawn.count()):
        image = drawn.nth(i)
        alt = (image.get_attribute("alt") or "").strip()
        svg = base64.b64decode(image.get_attribute("src").split("base64,", 1)[1]).decode()
        title = re.search(r"aria-roledescription=\"title\"[^>]*>.*?<text[^>]*>([^<]+)</text>", svg, re.S)
        if not alt:
            problems.append(f"{where}: getekende grafiek {i + 1} heeft geen alt-tekst")
        if not title:
            problems.append(f"{where}: getekende grafiek {i + 1} ({alt[:60]}) heeft geen titel")


def test_every_page_meets_wcag21_aa(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    settle(page)
    paths = _nav_paths(page, server)
    assert len(paths) >= 5, paths
    problems: list[str] = []
    for path in paths:
        for query in _states():
            page.goto(server + path + query)
            settle(page)
            assert exception_texts(page) == [], (path, query)
            _check_everything_visible(page, f"{path}{query}", problems)
    assert not problems, f"{len(problems)} WCAG 2.1 A/AA-overtreding(en):\n" + "\n".join(problems)


def test_document_language_is_dutch(browser, server):
    page = browser.new_page()
    page.goto(server)
    settle(page)
    page.locator("[data-testid='stMain'] h1").first.wait_for()
    # The language is set by a script element of the page, which may run just after the run has finished.
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=15_000)
    assert page.evaluate("document.documentElement.lang") == "nl"


def test_every_page_has_its_own_document_title(browser, server):
    """WCAG 2.4.2: the browser tab and history name the page, not only the app."""
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    settle(page)
    links = page.locator("[data-testid='stSidebarNavLink']")
    titles = nav_titles(page)
    assert len(titles) >= 8
    for i, title in enumerate(titles):
        links.nth(i).click()
        settle(page)
        assert page.title() == f"{title} · Wijkaanpak-dashboard"


_FOCUSED = """() => {
  const a = document.activeElement;
  const box = a.closest('[data-testid]');
  return {
    tag: a.tagName,
    href: a.getAttribute('href') || '',
    label: (a.getAttribute('aria-label') || a.innerText || '').trim().slice(0, 80),
    testid: box ? box.getAttribute('data-testid') : '',
    area: a.closest('[data-testid=stSidebar]') ? 'sidebar' : a.closest('[data-testid=stMain]') ? 'main' : 'other',
  };
}"""


@pytest.mark.parametrize("which", ["first", "last"])
def test_keyboard_reaches_navigation_selection_and_main_controls(browser, server, which):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    settle(page)
    paths = _nav_paths(page, server)
    path = paths[0] if which == "first" else paths[-1]
    page.goto(server + path + "?programma=AMSTERDAM-WA")
    settle(page)
    reached = []
    for _ in range(120):
        page.keyboard.press("Tab")
        reached.append(page.evaluate(_FOCUSED))
    nav = {r["href"].replace(server, "").split("?")[0] or "/" for r in reached if r["testid"] == "stSidebarNavLink"}
    assert set(paths) <= nav, f"niet met Tab bereikbaar: {set(paths) - nav}"
    sidebar_inputs = {r["label"] for r in reached if r["area"] == "sidebar" and r["tag"] == "INPUT"}
    assert "Programma" in sidebar_inputs, sidebar_inputs
    main_controls = [
        r for r in reached if r["area"] == "main" and r["tag"] in ("INPUT", "BUTTON", "A", "CANVAS", "SUMMARY")
    ]
    assert main_controls, f"geen bedienbaar element in de hoofdinhoud bereikt op {path}"


def test_the_checker_finds_violations(browser):
    """The axe wiring reports real problems (so a clean page above means something)."""
    page = browser.new_page()
    page.set_content(
        "<html lang='nl'><head><title>t</title></head><body><main>"
        "<img src='x.png'><input type='text'><p style='color:#bbbbbb;background:#ffffff'>grijs</p>"
        "</main></body></html>"
    )
    found = "\n".join(axe_violations(page))
    assert "image-alt" in found and "label" in found and "color-contrast" in found, found
