"""Page tests with AppTest: the figures on screen are the ones the sample CSVs imply."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal

import pytest

from tests.apptest_helpers import html_tables, metric_help, metrics, no_exceptions, static_chart
from tests.conftest import APP_PATH
from tests.sample_facts import programme_facts, rows
from ui import format as fmt
from ui.style import PROJECT_STATUS_LABELS

PROGRAMMES = [p["code"] for p in rows("programme")]


@pytest.mark.parametrize("code", PROGRAMMES)
def test_overzicht_figures_match_the_csvs(app, code):
    app.query_params["programma"] = code
    app.run()
    no_exceptions(app)
    facts = programme_facts(code)
    shown = metrics(app)
    assert shown["Wijken"] == fmt.number(facts["wijken"])
    assert shown["Contracten"] == fmt.number(facts["contracts"])
    assert shown["Projecten"] == fmt.number(facts["projects"])
    assert shown["Partnerbijdragen"] == fmt.euro_compact(facts["partner_contributions"])
    assert fmt.euro(facts["partner_contributions"]) in metric_help(app, "Partnerbijdragen")
    assert shown["Partners betrokken"] == fmt.number(facts["partners_involved"])
    assert (
        app.query_params["peildatum"] == [facts["peildatum"].isoformat()]
        or app.query_params["peildatum"] == facts["peildatum"].isoformat()
    )

    # The status chart draws exactly the counts per status, each also as a label, and its table says the same.
    status_chart = static_chart(app, "Projecten naar status")
    bars = status_chart.marks("bar")
    assert dict(zip(bars["status"], bars["Aantal"].astype(int), strict=True)) == {
        s: facts["statuses"].get(s, 0)
        for s in ("niet gestart", "op schema", "aandacht", "vertraagd", "afgerond", "gestopt")
    }
    assert status_chart.labels() == list(bars["Aantal"])
    table = html_tables(app)["Projecten naar status"]  # the text on screen
    assert dict(zip(table["Status"], table["Aantal"], strict=True)) == {
        PROJECT_STATUS_LABELS.get(s, s): fmt.number(facts["statuses"].get(s, 0))
        for s in ("niet gestart", "op schema", "aandacht", "vertraagd", "afgerond", "gestopt")
    }
    assert status_chart.alt.startswith("Staafdiagram: aantal projecten per status op ")

    if facts["central_budget"] or facts["approved"]:
        assert shown["Centraal budget"] == fmt.euro(facts["central_budget"])
        assert shown["Toegekend"] == fmt.euro(facts["approved"])
        assert shown["Besteed"] == fmt.euro(facts["spent"])
        assert shown["Nog beschikbaar"] == fmt.euro(facts["remaining"])
    else:
        assert "Centraal budget" not in shown


def test_wijk_deep_link_selects_programme_and_survives_page_switch(app):
    wijk = next(w for w in rows("wijk") if w["programme_code"] == PROGRAMMES[-1])
    app.query_params["wijk"] = wijk["code"]
    app.run()
    no_exceptions(app)
    assert app.session_state["programme"] == wijk["programme_code"]
    app.switch_page("pages/wijkprofiel.py").run()
    no_exceptions(app)
    assert app.title[0].value == wijk["name"]
    assert app.query_params["wijk"] in (wijk["code"], [wijk["code"]])


def test_unknown_wijk_in_link_gets_a_dutch_warning(app):
    app.query_params["wijk"] = "BESTAAT-NIET"
    app.run()
    no_exceptions(app)
    assert any("bestaat niet" in w.value for w in app.warning)
    assert app.title[0].value.startswith("Overzicht")


def test_bad_peildatum_in_link(app):
    app.query_params["peildatum"] = "gisteren"
    app.run()
    no_exceptions(app)
    assert any("geen datum" in w.value for w in app.warning)


def test_wijkprofiel_figures(app):
    wijk = next(w for w in rows("wijk") if w["programme_code"] == PROGRAMMES[0])
    projects = {
        p["code"]
        for p in rows("project")
        if p["contract_code"] in {c["code"] for c in rows("contract") if c["wijk_code"] == wijk["code"]}
    }
    budget = sum(float(pp["amount"]) for pp in rows("project_partner") if pp["project_code"] in projects)
    app.query_params["wijk"] = wijk["code"]
    app.run()
    app.switch_page("pages/wijkprofiel.py").run()
    no_exceptions(app)
    shown = metrics(app)
    assert shown["Projecten"] == fmt.number(len(projects))
    assert shown["Partnerbijdragen"] == fmt.euro_compact(budget)
    assert fmt.euro(budget) in metric_help(app, "Partnerbijdragen")
    # The tables are the text on screen: every project with the sum of its contributions, every partner with
    # its own sum, every target of the wijk.
    contributions = [pp for pp in rows("project_partner") if pp["project_code"] in projects]
    titles = {p["code"]: p["title"] for p in rows("project")}
    tables = html_tables(app)
    project_table = tables["Projecten"].set_index("Project")
    assert sorted(project_table.index) == sorted(titles[c] for c in projects)
    for code in projects:
        own = sum(Decimal(pp["amount"]) for pp in contributions if pp["project_code"] == code)
        assert project_table.loc[titles[code], "Budget"] == fmt.euro(own), code
    names = {p["code"]: p["name"] for p in rows("partner")}
    partner_table = tables["Partners"].set_index("Partner")
    expected = {}
    for pp in contributions:
        expected[names[pp["partner_code"]]] = expected.get(names[pp["partner_code"]], 0) + Decimal(pp["amount"])
    assert {p: partner_table.loc[p, "Bijdrage"] for p in partner_table.index} == {
        p: fmt.euro(a) for p, a in expected.items()
    }
    targets = [t for t in rows("target") if t["wijk_code"] == wijk["code"]]
    if targets:
        assert len(tables["Doelen"]) == len(targets)


def test_wijkprofiel_without_wijk_offers_a_choice(app):
    app.run()
    app.switch_page("pages/wijkprofiel.py").run()
    no_exceptions(app)
    wijk_buttons = [b for b in app.button if b.key and b.key.startswith("pick_")]
    assert wijk_buttons
    wijk_buttons[0].click().run()
    no_exceptions(app)
    assert app.session_state["wijk"] == wijk_buttons[0].key.removeprefix("pick_")


def test_earlier_peildatum_shows_status_from_history(app):
    code = PROGRAMMES[0]
    app.query_params["programma"] = code
    app.run()
    earlier = programme_facts(code)["peildatum"] - dt.timedelta(days=365)
    app.date_input(key="w_reference_date").set_value(earlier).run()
    no_exceptions(app)
    expected = programme_facts(code, today=earlier)
    bars = static_chart(app, "Projecten naar status").marks("bar")
    counts = dict(zip(bars["status"], bars["Aantal"].astype(int), strict=True))
    for status in ("op schema", "aandacht", "vertraagd", "afgerond"):
        assert counts[status] == expected["statuses"].get(status, 0), status


def test_empty_database_says_how_to_load(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'leeg.sqlite'}")
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    no_exceptions(at)
    assert any("geen gegevens" in i.value for i in at.info)


def test_unreachable_database_gives_dutch_error(monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://x@127.0.0.1:1/none?connect_timeout=2")
    at = AppTest.from_file(str(APP_PATH), default_timeout=60).run()
    no_exceptions(at)
    assert any("niet bereikbaar" in e.value for e in at.error)


def test_sample_data_is_marked_as_such(app):
    app.run()
    assert any("Voorbeelddata" in c.value for c in app.sidebar.caption)


def test_programme_comparison_table(app):
    app.run()
    no_exceptions(app)
    table = html_tables(app)["Alle programma's"].set_index("Programma")
    for p in rows("programme"):
        facts = programme_facts(p["code"])
        row = table.loc[p["name"]]
        assert (row["Wijken"], row["Contracten"], row["Projecten"]) == (
            fmt.number(facts["wijken"]),
            fmt.number(facts["contracts"]),
            fmt.number(facts["projects"]),
        )
        assert row["Partnerbijdragen"] == fmt.euro(facts["partner_contributions"])
        assert row["Beschikbaar"] == fmt.euro(facts["remaining"])


def test_per_wijk_table_shows_the_rolled_up_status(app):
    from tests.sample_facts import statuses_on

    code = PROGRAMMES[0]
    app.query_params["programma"] = code
    app.run()
    table = html_tables(app)["Per wijk"].set_index("Wijk")
    links = table["Profiel"]
    page_html = "".join(e.proto.body for e in app.get("html"))
    status = statuses_on(code, programme_facts(code)["peildatum"])
    projects = {p["code"]: p for p in rows("project")}
    contracts = {c["code"]: c["wijk_code"] for c in rows("contract")}
    for wijk in (w for w in rows("wijk") if w["programme_code"] == code):
        own = [s for p, s in status.items() if contracts[projects[p]["contract_code"]] == wijk["code"]]
        running = [s for s in own if s in ("op schema", "aandacht", "vertraagd")]
        worst = max(running, key=["op schema", "aandacht", "vertraagd"].index) if running else None
        shown = table.loc[wijk["name"], "Status (slechtste telt)"]
        # The profile link opens this wijk on the same peildatum.
        assert links[wijk["name"]] == "Openen"
        href = html.escape(f"wijkprofiel?programma={code}&wijk={wijk['code']}&peildatum=", quote=True)
        assert f'<a href="{href}' in page_html
        if worst:
            assert worst in shown, (wijk["name"], shown)
