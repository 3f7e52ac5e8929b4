"""Planning page: the Gantt chart holds exactly the filtered projects, with the right dates and colours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd

from domain.project_status import DEFAULT_RHYTHM_DAYS
from tests.apptest_helpers import chart_data, chart_spec, html_tables, metrics, no_exceptions
from tests.sample_facts import programme_facts, project_rows, rows, statuses_on
from ui import format as fmt
from ui.style import PROJECT_STATUS_COLOURS

HAARLEM, AMSTERDAM = "HAARLEM-WC", "AMSTERDAM-WA"


def open_planning(app, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page("pages/planning.py").run()
    no_exceptions(app)
    return app


def gantt_projects(app) -> pd.DataFrame:
    data = chart_data(app.get("vega_lite_chart")[0])
    return data[data["kind"] == "project"].set_index("code")


def test_gantt_holds_every_project_with_dates_and_status(app):
    open_planning(app, programma=HAARLEM)
    expected = project_rows(HAARLEM)
    bars = gantt_projects(app)
    assert sorted(bars.index) == sorted(expected)
    peildatum = programme_facts(HAARLEM)["peildatum"]
    status = statuses_on(HAARLEM, peildatum)
    for code, p in expected.items():
        assert bars.loc[code, "start"] == pd.Timestamp(p["start_date"]), code
        assert bars.loc[code, "end"] == pd.Timestamp(p["end_date"]), code
        assert bars.loc[code, "status"] == status[code], code
    # Colours: the status scale maps every status to its colour-blind-safe colour.
    spec = chart_spec(app.get("vega_lite_chart")[0])
    bar_layer = next(layer for layer in spec["spec"]["layer"] if layer["mark"]["type"] == "bar")
    scale = bar_layer["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == PROJECT_STATUS_COLOURS
    assert spec["title"] and spec["description"]


def test_theme_filter_changes_chart_and_table(app):
    open_planning(app, programma=HAARLEM)
    app.multiselect(key="w_filter_multi_thema").set_value(["wonen"]).run()
    no_exceptions(app)
    expected = {c for c, p in project_rows(HAARLEM).items() if p["theme"] == "wonen"}
    assert set(gantt_projects(app).index) == expected
    assert metrics(app)["Projecten in beeld"] == str(len(expected))
    table = html_tables(app)["Projecten"]
    assert len(table) == len(expected) and set(table["Thema"]) == {"wonen"}


def test_partner_filter(app):
    contributions = rows("project_partner")
    partner = "YMERE"
    open_planning(app, programma=HAARLEM)
    app.multiselect(key="w_filter_multi_partner").set_value([partner]).run()
    expected = {pp["project_code"] for pp in contributions if pp["partner_code"] == partner} & set(
        project_rows(HAARLEM)
    )
    assert expected, "sample has Ymere projects in Haarlem"
    assert set(gantt_projects(app).index) == expected


def test_filters_from_link_use_codes(app):
    open_planning(app, programma=HAARLEM, partner="YMERE", project="HLM-BOERHAAVEWIJK-03")
    expected = {pp["project_code"] for pp in rows("project_partner") if pp["partner_code"] == "YMERE"}
    assert set(gantt_projects(app).index) == expected & set(project_rows(HAARLEM))
    assert project_rows(HAARLEM)["HLM-BOERHAAVEWIJK-03"]["title"] in [s.value for s in app.subheader]
    assert app.query_params["partner"] in ("YMERE", ["YMERE"])


def test_unknown_filter_value_in_link_is_reported(app):
    open_planning(app, programma=HAARLEM, thema="ruimtevaart")
    assert any("ruimtevaart" in w.value for w in app.warning)


def test_selecting_a_project_opens_its_detail(app):
    open_planning(app, programma=HAARLEM)
    code = sorted(project_rows(HAARLEM))[0]
    project = project_rows(HAARLEM)[code]
    app.selectbox(key="w_filter_single_project").set_value(code).run()
    no_exceptions(app)
    assert project["title"] in [s.value for s in app.subheader]
    shares = [pp for pp in rows("project_partner") if pp["project_code"] == code]
    tables = html_tables(app)
    partner_table = tables["Partners van het project"]
    assert len(partner_table) == len(shares)
    assert set(partner_table["Bijdrage"]) == {fmt.euro(Decimal(pp["amount"]), cents=True) for pp in shares}
    history = tables["Statusgeschiedenis van het project"]
    peildatum = programme_facts(HAARLEM)["peildatum"].isoformat()
    updates = [u for u in rows("status_update") if u["project_code"] == code and u["update_date"] <= peildatum]
    assert len(history) == len(updates)


def test_many_projects_are_paged(app):
    open_planning(app, programma=AMSTERDAM)
    total = len(project_rows(AMSTERDAM))
    assert total > 40
    assert len(gantt_projects(app)) == 40
    assert len(html_tables(app)["Projecten"]) == total  # the table lists them all


def test_collapsed_view_shows_one_bar_per_wijk(app):
    open_planning(app, programma=AMSTERDAM)
    app.segmented_control(key="w_filter_single_weergave").set_value("samengevat").run()
    no_exceptions(app)
    data = chart_data(app.get("vega_lite_chart")[0])
    wijken = {w["name"] for w in rows("wijk") if w["programme_code"] == AMSTERDAM}
    assert set(data["group"].dropna()) == wijken


def test_a_link_overrides_an_earlier_choice(app):
    open_planning(app, programma=HAARLEM)
    app.multiselect(key="w_filter_multi_thema").set_value(["wonen"]).run()
    assert app.query_params["thema"] in ("wonen", ["wonen"])
    app.query_params["thema"] = "leefbaarheid"  # e.g. an in-app link to ?thema=leefbaarheid
    app.run()
    no_exceptions(app)
    expected = {c for c, p in project_rows(HAARLEM).items() if p["theme"] == "leefbaarheid"}
    assert set(gantt_projects(app).index) == expected
    # Without a new link, the choice stays (also after visiting another page).
    app.switch_page("pages/overzicht.py").run()
    app.switch_page("pages/planning.py").run()
    assert set(gantt_projects(app).index) == expected


def test_attention_tabs_list_what_the_csvs_imply(app):
    """The overdue milestones tab lists exactly the milestones the CSVs imply; the labels carry the counts."""
    open_planning(app, programma=HAARLEM)
    peildatum = programme_facts(HAARLEM)["peildatum"].isoformat()
    titles = {code: p["title"] for code, p in project_rows(HAARLEM).items()}
    late = [
        m
        for m in rows("milestone")
        if m["project_code"] in titles
        and m["due_date"] < peildatum
        and not (m["done_date"] and m["done_date"] <= peildatum)
    ]
    assert late, "sample has overdue milestones in Haarlem"
    labels = [t.label for t in app.tabs]
    assert f"Projecten ({len(titles)})" in labels
    assert f"Mijlpalen te laat ({len(late)})" in labels
    assert metrics(app)["Mijlpalen te laat"] == str(len(late))
    tables = html_tables(app)
    table = tables["Mijlpalen te laat"]
    assert sorted(zip(table["Mijlpaal"], table["Project"], strict=True)) == sorted(
        (m["title"], titles[m["project_code"]]) for m in late
    )
    # Stale: running (or started without any update) and the last update older than the rhythm.
    day = dt.date.fromisoformat(peildatum)
    last = {}
    for u in rows("status_update"):
        if u["project_code"] in titles and u["update_date"] <= peildatum:
            last[u["project_code"]] = max(last.get(u["project_code"], ""), u["update_date"])
    status = statuses_on(HAARLEM, day)
    stale = set()
    for code, p in project_rows(HAARLEM).items():
        reporting = status[code] in ("op schema", "aandacht", "vertraagd") or (
            status[code] == "niet gestart" and p["start_date"] <= peildatum
        )
        since = dt.date.fromisoformat(last.get(code, p["start_date"]))
        if reporting and (day - since).days > DEFAULT_RHYTHM_DAYS:
            stale.add(titles[code])
    assert stale, "sample has a stale project in Haarlem"
    assert f"Verouderd ({len(stale)})" in labels
    stale_table = tables["Verouderd"]
    assert set(stale_table["Project"]) == stale and len(stale_table) == len(stale)


def test_project_list_is_the_gantt_order_and_a_grid_on_request(app):
    """The plain project list shows every filtered project in the chart's order with its progress as a
    percentage; the toggle swaps it for the grid with the same rows (a click on a row: tests/test_browser.py)."""
    open_planning(app, programma=HAARLEM)
    assert not app.dataframe
    table = html_tables(app)["Projecten"]
    projects = project_rows(HAARLEM)
    assert sorted(table["Project"]) == sorted(p["title"] for p in projects.values())
    order = list(gantt_projects(app).index)  # top to bottom (the y sort); every Haarlem project fits one page
    assert list(table["Project"]) == [projects[code]["title"] for code in order]
    app.toggle(key="projectraster").set_value(True).run()
    no_exceptions(app)
    grid = app.dataframe[0].value
    assert list(grid["Project"]) == list(table["Project"])
    assert list(table["Voortgang"]) == [f"{int(v)}%" for v in grid["Voortgang"]]
    assert "projecttabel" in app.session_state  # the grid takes the row selection
