"""Two app processes on one PostgreSQL database: a change made elsewhere shows up in the other instance's
cached pages on the next run, and a change made in an instance's own UI shows up there at once.

Each instance caches its reads in its own process (st.cache_resource), keyed on the database's data version;
every write bumps that version in the same transaction, so neither instance can keep serving old figures.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from data_access.access import Actor
from data_access.config import SAMPLE_DATA_DIR
from tests.browser import exception_texts, settle, streamlit_server
from tests.sample_facts import programme_facts, rows, statuses_on

pytestmark = pytest.mark.browser

PROGRAMME = "HAARLEM-WC"
REDACTEUR = Actor("redacteur@example.nl", "Redacteur Test", "redacteur")


@pytest.fixture(scope="module")
def two_instances(pg_server, tmp_path_factory):
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    tmp = tmp_path_factory.mktemp("twee")
    url = pg_server.new_database()
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    no_secrets = ("--secrets.files", str(tmp / "geen-secrets.toml"))  # lokale modus for both
    with (
        streamlit_server(url, tmp / "a.log", extra_args=no_secrets) as a,
        streamlit_server(url, tmp / "b.log", extra_args=no_secrets) as b,
    ):
        assert a != b
        yield engine, a, b


def metric(page, label: str) -> str:
    box = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    settle(page)
    assert exception_texts(page) == []
    return page


def reload_until(page, label: str, expected: str, seconds: float = 10) -> float:
    """Reload until the metric shows `expected`; returns how long it took."""
    start = time.monotonic()
    while True:
        page.reload()
        settle(page)
        if metric(page, label) == expected:
            return time.monotonic() - start
        if time.monotonic() - start > seconds:
            pytest.fail(f"{label}: nog steeds {metric(page, label)!r} na {seconds} s, verwacht {expected!r}")


def test_a_write_elsewhere_reaches_both_instances(browser, two_instances):
    from data_access.edits import add_status_update

    engine, a, b = two_instances
    peildatum = programme_facts(PROGRAMME)["peildatum"]
    statuses = statuses_on(PROGRAMME, peildatum)
    on_that_day = {u["project_code"] for u in rows("status_update") if u["update_date"] == peildatum.isoformat()}
    project = sorted(c for c, s in statuses.items() if s == "op schema" and c not in on_that_day)[0]
    counts = [sum(s == wanted for s in statuses.values()) for wanted in ("aandacht", "vertraagd")]
    before, after = f"{counts[0]} / {counts[1]}", f"{counts[0]} / {counts[1] + 1}"

    link = f"/planning?programma={PROGRAMME}&peildatum={peildatum.isoformat()}"
    page_a, page_b = open_page(browser, a + link), open_page(browser, b + link)
    assert metric(page_a, "Aandacht / vertraagd") == before
    assert metric(page_b, "Aandacht / vertraagd") == before  # both instances have now cached the old figures

    add_status_update(
        engine,
        REDACTEUR,
        project,
        peildatum,
        "vertraagd",
        40,
        "Aannemer failliet",
        oorzaak="Faillissement aannemer",
        gevolg="Drie maanden later klaar",
        maatregel="Nieuwe aanbesteding",
    )
    assert reload_until(page_b, "Aandacht / vertraagd", after) < 5
    assert reload_until(page_a, "Aandacht / vertraagd", after) < 5


def test_a_write_in_one_instances_ui_reaches_the_other(browser, two_instances):
    _, a, b = two_instances
    page_b = open_page(browser, b + "/gebruikers")
    count = int(metric(page_b, "Gebruikers"))
    assert count >= len(rows("app_user"))
    page_a = open_page(browser, a + "/gebruikers")
    assert int(metric(page_a, "Gebruikers")) == count

    page_a.get_by_label("E-mailadres").fill("tweede.instantie@example.nl")
    page_a.get_by_label("Naam").first.fill("Tweede Instantie")
    page_a.get_by_role("button", name="Toevoegen").click()
    settle(page_a)
    assert exception_texts(page_a) == []
    # The instance that wrote shows the change in the same run (its cache key changed with the version).
    expect(page_a.get_by_text("Gebruiker tweede.instantie@example.nl toegevoegd")).to_be_visible(timeout=20000)
    assert int(metric(page_a, "Gebruikers")) == count + 1
    # The other instance, which cached the old list, shows it on its next run.
    assert reload_until(page_b, "Gebruikers", str(count + 1)) < 5
