"""Doelen & indicatoren with AppTest: every figure on screen is compared with figures from the sample CSVs."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from data_access.access import Actor
from data_access.boundaries import import_boundaries
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from data_access.settings import save_settings
from domain.targets import TARGET_STATUSES, TrajectorySettings
from tests.apptest_helpers import (
    StaticChart,
    chart_data,
    chart_spec,
    html_tables,
    html_text,
    metrics,
    no_exceptions,
    static_chart,
    static_charts,
    table_links,
)
from tests.conftest import APP_PATH, SAMPLE_DATA_DIR
from tests.sample_facts import rows
from tests.target_facts import city_values, csv_statuses, peildatum, wijk_codes, wijk_values
from ui import format as fmt
from ui.target_charts import TARGET_STATUS_SYMBOLS

AMS, HLM = "AMSTERDAM-WA", "HAARLEM-WC"


def open_doelen(app, **params):
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page("pages/doelen.py").run()
    no_exceptions(app)
    return app


def status_metrics(app) -> dict[str, str]:
    shown = metrics(app)
    return {s: shown[f"{TARGET_STATUS_SYMBOLS[s]} {s.capitalize()}"] for s in TARGET_STATUSES}


def drawn_points(chart: StaticChart, series: str) -> dict[int, float]:
    """The points of one line of a trend chart as drawn: year and value (Dutch notation, at most one decimal)."""
    points = chart.marks("point")
    points = points[points["Reeks"] == series]
    values = (v.removeprefix("€").strip().replace(".", "").replace(",", ".") for v in points["Waarde"])
    return {int(y): float(v) for y, v in zip(points["Jaar"], values, strict=True)}


def expected_counts(statuses: dict) -> dict[str, str]:
    counts = Counter(statuses.values())
    return {s: fmt.number(counts.get(s, 0)) for s in TARGET_STATUSES}


@pytest.mark.parametrize("code", [AMS, HLM])
def test_status_counts_of_the_programme(app, code):
    open_doelen(app, programma=code)
    statuses = csv_statuses(code)
    assert metrics(app)["Doelen"] == fmt.number(len(statuses))
    assert status_metrics(app) == expected_counts(statuses)
    assert app.title[0].value == "Doelen & indicatoren"


def test_per_wijk_cards_trend_lines_and_untidy_cases(app):
    open_doelen(app, wijk="AMS-KOLENKIT")
    statuses = {k: v for k, v in csv_statuses(AMS).items() if k[0] == "AMS-KOLENKIT"}
    assert status_metrics(app) == expected_counts(statuses)
    year = peildatum(AMS).year
    series = {ind: values for (w, ind), values in wijk_values(AMS, year).items() if w == "AMS-KOLENKIT"}
    names = {i["code"]: i["name"] for i in rows("indicator")}
    charts = {c.title: c for c in static_charts(app)}
    # One trend line per measured indicator, drawing exactly the wijk's measurements up to the peildatum.
    assert set(charts) == {f"{names[c]}: verloop" for c in series}
    city = city_values("Amsterdam")
    for code, values in series.items():
        chart = charts[f"{names[code]}: verloop"]
        assert drawn_points(chart, "Wijk") == {y: round(v, 1) for y, v in values.items()}, code
        assert drawn_points(chart, "Stadsgemiddelde") == {
            y: round(v, 1) for (c, y), v in city.items() if c == code and y <= year
        }
        assert chart.alt.startswith(f"Lijndiagram van {names[code]} in Kolenkit per jaar")
    # The same numbers in the table below the cards: per indicator a row for the wijk and one for the city.
    table = html_tables(app)["Alle metingen van de trendlijnen van Kolenkit"].set_index(["Indicator", "Reeks"])
    units = {i["code"]: i["unit"] for i in rows("indicator")}
    assert len(table) == 2 * len(series)
    for code, values in series.items():
        wijk_row = table.loc[(names[code], "wijk")]
        assert {int(y): v for y, v in wijk_row.items() if v != "–"} == {
            y: fmt.value_with_unit(v, units[code]) for y, v in values.items()
        }, code
        city_row = table.loc[(names[code], "stadsgemiddelde")]
        assert {int(y): v for y, v in city_row.items() if v != "–"} == {
            y: fmt.value_with_unit(v, units[code]) for (c, y), v in city.items() if c == code and y <= year
        }, code
    text = html_text(app)
    # Wrong way: unemployment rises to 14,5% and the target year has passed.
    assert "Laatste meting: 14,5% (2011)" in text
    assert "Status: ■ niet op koers (doeljaar 2011 is voorbij" in text
    assert "Bijdragende projecten (bijdrage, geen bewezen effect)" in text


def test_stale_measurement_is_flagged_in_the_card(app):
    open_doelen(app, wijk="AMS-IJPLEIN")
    text = html_text(app)
    assert "? geen recente meting (laatste meting is van 2009; de volgende was verwacht in 2010)" in text
    assert "(2009) · verouderd Stadsgemiddelde:" in text


def test_reached_early_shows_as_gehaald(app):
    open_doelen(app, wijk="AMS-TRANSVAALBUURT")
    text = html_text(app)
    assert csv_statuses(AMS)[("AMS-TRANSVAALBUURT", "RAPPORTCIJFER_BUURT")] == "gehaald"
    assert "Status: ✔ gehaald (" in text


def test_heatmap_cells_match_the_rule_and_link_to_the_wijk(app):
    open_doelen(app, programma=AMS, onderdeel="vergelijken")
    chart = next(c for c in app.get("vega_lite_chart") if chart_spec(c)["title"] == "Wijken × thema's")
    data = chart_data(chart).set_index(["wijk_code", "theme"])
    themes = {i["code"]: i["theme"] for i in rows("indicator")}
    total, good = Counter(), Counter()
    for (wijk, ind), status in csv_statuses(AMS).items():
        total[(wijk, themes[ind])] += 1
        good[(wijk, themes[ind])] += status in ("gehaald", "op koers")
    assert set(data.index) == set(total)
    for cell, n in total.items():
        assert (data.loc[cell, "doelen"], data.loc[cell, "op_koers"]) == (n, good[cell]), cell
        assert data.loc[cell, "tekst"] == f"{good[cell]} van {n}"
    assert chart_spec(chart)["params"][0]["name"] == "wijk"  # a click selects the wijk
    assert not app.dataframe
    table = html_tables(app)["Wijken × thema's"]
    assert len(table) == len(wijk_codes(AMS)) and set(table["Doelen van de wijk"]) == {"Wijk openen"}
    names = {w["code"]: w["name"] for w in rows("wijk")}
    for wijk_name, link in zip(table["Wijk"], table_links(app, "Wijken × thema's"), strict=True):
        code = next(c for c, n in names.items() if n == wijk_name)
        assert link.startswith("doelen?") and f"wijk={code}" in link and f"programma={AMS}" in link


def test_heatmap_index_against_the_city(app):
    open_doelen(app, programma=AMS, onderdeel="vergelijken", maat="index")
    data = chart_data(app.get("vega_lite_chart")[0]).set_index(["wijk_code", "theme"])
    indicators = {i["code"]: i for i in rows("indicator")}
    city = city_values("Amsterdam")
    year = peildatum(AMS).year
    per_cell: dict[tuple[str, str], list[float]] = {}
    for (wijk, ind), values in wijk_values(AMS, year).items():
        last = max(values)
        if (ind, last) not in city:
            continue
        w, c = values[last], city[(ind, last)]
        index = 100 * (w / c if indicators[ind]["direction"] == "hoger" else c / w)
        per_cell.setdefault((wijk, indicators[ind]["theme"]), []).append(index)
    assert set(data.index) == set(per_cell)
    for cell, values in per_cell.items():
        assert data.loc[cell, "index"] == pytest.approx(sum(values) / len(values)), cell
    # IJplein's VSV (leren) is stale: the cell says so.
    assert data.loc[("AMS-IJPLEIN", "leren"), "verouderd"] == 1
    assert data.loc[("AMS-IJPLEIN", "leren"), "tekst"].endswith("*")


def test_one_indicator_ranked_with_city_average(app):
    open_doelen(app, programma=AMS, onderdeel="indicator", indicator="WERKLOOSHEID")
    year = peildatum(AMS).year
    latest = {w: v[max(v)] for (w, ind), v in wijk_values(AMS, year).items() if ind == "WERKLOOSHEID"}
    charts = app.get("vega_lite_chart")
    bars = chart_data(charts[0])
    wijk_rows = bars.dropna(subset=["wijk_code"])
    assert dict(zip(wijk_rows["wijk_code"], wijk_rows["value"], strict=True)) == latest
    assert list(wijk_rows["value"]) == sorted(latest.values())  # lower is better: best first
    city = city_values("Amsterdam")
    assert bars["stad"].dropna().tolist() == [city[("WERKLOOSHEID", year)]]
    multiples = chart_data(charts[1])
    assert set(multiples.loc[multiples["reeks"] == "wijk", "wijk_name"]) == {
        w["name"] for w in rows("wijk") if w["code"] in latest
    }
    assert not app.dataframe
    table = html_tables(app)["Geregistreerde werkloosheid: laatste meting per wijk"]
    assert list(table["Laatste meting"]) == [fmt.value_with_unit(v, "%") for v in sorted(latest.values())]
    statuses = csv_statuses(AMS)
    assert Counter(s.split(" ", 1)[1] for s in table["Doelstatus"]) == Counter(
        s for (w, i), s in statuses.items() if i == "WERKLOOSHEID"
    )
    contributing = {p["project_code"] for p in rows("project_indicator") if p["indicator_code"] == "WERKLOOSHEID"}
    own = {p for p in contributing if p.startswith("AMS-")}
    projects = html_tables(app)["Projecten die bijdragen"]
    assert len(projects) == len(own)


def test_map_from_centroids_without_boundaries(app):
    open_doelen(app, programma=AMS, onderdeel="kaart", indicator="VSV")
    chart = app.get("vega_lite_chart")[0]
    spec = chart_spec(chart)
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["circle", "point", "text"]
    assert spec["layer"][0]["projection"]["type"] == "mercator"
    points = chart_data(chart).drop_duplicates("code").set_index("code")
    wijken = {w["code"]: w for w in rows("wijk") if w["programme_code"] == AMS}
    assert set(points.index) == set(wijken)
    for code, w in wijken.items():
        assert points.loc[code, "centroid_lon"] == float(w["centroid_lon"])
        assert points.loc[code, "centroid_lat"] == float(w["centroid_lat"])
    statuses = csv_statuses(AMS)
    assert {c: points.loc[c, "status"] for c in wijken} == {c: statuses[(c, "VSV")] for c in wijken}
    assert any("zwaartepunten" in c.value for c in app.caption)


def test_haarlem_offers_only_what_it_measures(app):
    open_doelen(app, programma=HLM, onderdeel="indicator")
    measured = {m["indicator_code"] for m in rows("measurement") if m["wijk_code"] in wijk_codes(HLM)}
    names = {i["code"]: i["name"] for i in rows("indicator")}
    box = app.selectbox(key="w_filter_single_indicator")
    assert {names[c] for c in measured} == set(box.options)
    app.selectbox(key="w_wijk").set_value("HLM-BOERHAAVEWIJK").run()
    app.segmented_control(key="w_filter_single_onderdeel").set_value("wijk").run()
    no_exceptions(app)
    statuses = {k: v for k, v in csv_statuses(HLM).items() if k[0] == "HLM-BOERHAAVEWIJK"}
    assert metrics(app)["Doelen"] == fmt.number(len(statuses))
    assert len([c for c in static_charts(app) if c.title.endswith(": verloop")]) == len(measured)


def test_missing_data_gets_a_dutch_message(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from tests.mini_data import write_mini

    url = f"sqlite:///{tmp_path / 'mini.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, write_mini(tmp_path / "mini"))
    monkeypatch.setenv("DATABASE_URL", url)
    app = AppTest.from_file(str(APP_PATH), default_timeout=60)
    open_doelen(app, wijk="W2")  # Zuidbuurt: no targets, no measurements
    assert any("Zuidbuurt zijn geen doelen en geen metingen" in i.value for i in app.info)
    open_doelen(app, wijk="W2", onderdeel="kaart")  # Zuidbuurt has no centroid either
    assert any("Zuidbuurt" in w.value and "Niet op de kaart" in w.value for w in app.warning)


def test_actualiteit_lists_stale_wijken(app):
    open_doelen(app, programma=AMS, onderdeel="actualiteit")
    assert not app.dataframe
    table = html_tables(app)["Actualiteit van de metingen"].set_index("Indicator")
    names = {i["code"]: i["name"] for i in rows("indicator")}
    vsv = table.loc[names["VSV"]]
    assert vsv["Wijken met verouderde meting"] == "IJplein" and vsv["Actueel"] == "ja"
    assert vsv["Laatst gemeten"] == "2011" and vsv["Volgende meting verwacht"] == "2012"
    assert table.loc[names["MINIMA"], "Volgende meting verwacht"] == "2013"
    assert any("IJplein" in w.value and "verouderd" in w.value for w in app.warning)


# Thresholds: a personal trial and a saved default (on a database of its own).


@pytest.fixture
def own_app(tmp_path, sample_dir, monkeypatch):
    from streamlit.testing.v1 import AppTest

    url = f"sqlite:///{tmp_path / 'doelen.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, sample_dir)
    monkeypatch.setenv("DATABASE_URL", url)
    return engine, AppTest.from_file(str(APP_PATH), default_timeout=60)


def test_a_wijk_is_built_once_for_every_session(app, sample_db_url, monkeypatch):
    """The cards and charts of a wijk are shared: a second session on the same wijk builds no chart, and it
    is shown the same charts with the same rows and texts."""
    from streamlit.testing.v1 import AppTest

    import ui.wijk_targets as wt

    built = []
    original = wt.trend_spec
    monkeypatch.setattr(wt, "trend_spec", lambda *a, **k: built.append(a[3]) or original(*a, **k))
    wt._wijk_targets.clear()

    def shown(at) -> list[StaticChart]:
        charts = static_charts(at)
        assert charts and all(len(c.marks("point")) for c in charts)
        return charts

    first = open_doelen(app, wijk="AMS-KOLENKIT")
    charts = shown(first)
    assert sorted(built) == sorted(c.title for c in charts)
    second = open_doelen(AppTest.from_file(str(APP_PATH), default_timeout=60), wijk="AMS-KOLENKIT")
    assert len(built) == len(charts)  # nothing built again
    assert shown(second) == charts
    assert [e.proto.body for e in second.get("html")] == [e.proto.body for e in first.get("html")]
    open_doelen(second, wijk="AMS-KOLENKIT")
    assert shown(second) == charts


def open_thresholds(app):
    """Open the thresholds panel: built only when open."""
    assert not app.number_input  # closed, nothing built
    app.session_state["doelen_drempels"] = True
    app.run()
    no_exceptions(app)
    return app


def test_trial_thresholds_apply_to_this_session_only(app):
    open_thresholds(open_doelen(app, programma=AMS))
    app.number_input(key="w_target_risk_pct").set_value(0)
    app.button(key="FormSubmitter:target_settings-Alleen voor mij toepassen").click().run()
    no_exceptions(app)
    expected = csv_statuses(AMS, TrajectorySettings(risk_tolerance=0.0))
    assert status_metrics(app) == expected_counts(expected)
    assert any("eigen drempels" in w.value for w in app.warning)
    # Overzicht counts the same way in this session.
    app.switch_page("pages/overzicht.py").run()
    overzicht = static_chart(app, "Doelen naar status").marks("bar")
    counts = Counter(expected.values())
    assert dict(zip(overzicht["status"], overzicht["Aantal"].astype(int), strict=True)) == {
        s: counts.get(s, 0) for s in TARGET_STATUSES
    }


def test_saved_thresholds_apply_to_every_page(own_app):
    engine, app = own_app
    save_settings(engine, Actor("b@example.org", "B", "beheerder"), {"target_risk_tolerance": 0.5})
    open_doelen(app, programma=AMS)
    expected = csv_statuses(AMS, TrajectorySettings(risk_tolerance=0.5))
    assert expected != csv_statuses(AMS)  # the threshold matters in the sample
    assert status_metrics(app) == expected_counts(expected)
    open_thresholds(app)
    # The browser falls back to a control's default when it rebuilds one: that must be the setting too.
    assert app.number_input(key="w_target_risk_pct").proto.default == 50
    app.switch_page("pages/overzicht.py").run()
    assert any("hoogstens 50%" in c.value for c in app.caption)
    overzicht = static_chart(app, "Doelen naar status").marks("bar")
    counts = Counter(expected.values())
    assert dict(zip(overzicht["status"], overzicht["Aantal"].astype(int), strict=True)) == {
        s: counts.get(s, 0) for s in TARGET_STATUSES
    }


def test_beheerder_saves_the_default_from_the_page(own_app):
    engine, app = own_app
    open_thresholds(open_doelen(app, programma=AMS))
    app.number_input(key="w_target_risk_pct").set_value(10)
    app.number_input(key="w_target_grace_years").set_value(1)
    app.button(key="FormSubmitter:target_settings-Opslaan als standaard voor iedereen").click().run()
    no_exceptions(app)
    from data_access.settings import read_settings

    assert read_settings(engine) == {"target_risk_tolerance": 0.1, "target_grace_years": 1}
    assert any("voor iedereen" in s.value for s in app.success)
    expected = csv_statuses(AMS, TrajectorySettings(risk_tolerance=0.1, grace_years=1))
    assert status_metrics(app) == expected_counts(expected)


def test_map_draws_imported_boundaries(own_app):
    engine, app = own_app
    wijken = [w for w in rows("wijk") if w["programme_code"] == AMS]
    features = []
    for w in wijken[:3]:  # boundaries for three wijken; the rest stay dots
        lon, lat = float(w["centroid_lon"]), float(w["centroid_lat"])
        ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
        features.append(
            {
                "type": "Feature",
                "properties": {"naam": w["name"]},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    text = json.dumps({"type": "FeatureCollection", "features": features})
    assert import_boundaries(engine, Actor("b@example.org", "B", "beheerder"), text, "naam", "test.geojson").ok
    open_doelen(app, programma=AMS, onderdeel="kaart", indicator="WERKLOOSHEID")
    spec = chart_spec(app.get("vega_lite_chart")[0])
    shapes = spec["layer"][0]
    assert shapes["mark"]["type"] == "geoshape"
    drawn = {f["properties"]["code"] for f in shapes["data"]["values"]}
    assert drawn == {w["code"] for w in wijken[:3]}
    assert spec["layer"][1]["mark"]["type"] == "circle"  # the others as dots
    table = next(t for t in html_tables(app).values() if "Op de kaart als" in t.columns)
    assert Counter(table["Op de kaart als"]) == {"grens": 3, "zwaartepunt": len(wijken) - 3}
    assert (table["Laatste meting"] != "geen meting").all() and (table["Laatste meting"] != fmt.MISSING).all()


def test_card_texts_from_the_data_are_shown_as_written(tmp_path, monkeypatch):
    """Names in a card come from imported CSVs: markup in them is text, never HTML or Markdown."""
    import csv
    import shutil

    from streamlit.testing.v1 import AppTest

    folder = tmp_path / "data"
    shutil.copytree(SAMPLE_DATA_DIR, folder)
    linked = {r["project_code"] for r in rows("project_indicator") if r["project_code"].startswith("AMS-KOLENKIT-")}
    odd = "Buurt <b>vrij</b> & *veilig*"
    with (folder / "project.csv").open(encoding="utf-8", newline="") as f:
        projects = list(csv.DictReader(f))
    changed = next(p for p in projects if p["code"] in linked)
    changed["title"] = odd
    with (folder / "project.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(projects[0]))
        writer.writeheader()
        writer.writerows(projects)
    url = f"sqlite:///{tmp_path / 'odd.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, folder)
    monkeypatch.setenv("DATABASE_URL", url)
    app = open_doelen(AppTest.from_file(str(APP_PATH), default_timeout=60), programma=AMS, wijk="AMS-KOLENKIT")
    assert f"{odd} (" in html_text(app)
    cards = "".join(e.proto.body for e in app.get("html") if "wd-card" in e.proto.body)
    assert "<b>vrij</b>" not in cards and "Buurt &lt;b&gt;vrij&lt;/b&gt; &amp; *veilig*" in cards
