"""Figures of the Doelen & indicatoren page: heatmap, index vs city, freshness, per-wijk rows, map geometry."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pandas as pd
import pytest

from data_access import queries
from data_access.engine import get_engine
from domain.target_views import (
    city_index_heatmap,
    contributing_projects,
    freshness_overview,
    index_vs_city,
    latest_per_wijk,
    target_heatmap,
    theme_order,
    wijk_indicators,
    wijk_order,
)
from domain.targets import assess_targets
from tests.sample_facts import rows
from tests.target_facts import csv_statuses
from ui.maps import _signed_area, rewind_for_d3

AMS, HLM = "AMSTERDAM-WA", "HAARLEM-WC"
PEILDATUM = {AMS: dt.date(2011, 12, 16), HLM: dt.date(2009, 10, 1)}


@pytest.fixture(scope="module")
def frames(sample_db_url):
    engine = get_engine(sample_db_url)
    return {
        name: getattr(queries, name)(engine)
        for name in ("wijken", "indicators", "targets", "measurements", "projects", "project_indicators")
    }


def programme(frames, code):
    wijken = frames["wijken"][frames["wijken"]["programme_code"] == code]
    city = rows("programme")[[p["code"] for p in rows("programme")].index(code)]["city"]
    measurements = frames["measurements"][frames["measurements"]["city"] == city]
    targets = frames["targets"][frames["targets"]["programme_code"] == code].reset_index(drop=True)
    assessed = assess_targets(targets, frames["indicators"], measurements, PEILDATUM[code]).merge(
        frames["indicators"].rename(columns={"code": "indicator_code", "name": "indicator_name"}), on="indicator_code"
    )
    return wijken, measurements, assessed


@pytest.mark.parametrize("code", [AMS, HLM])
def test_heatmap_shares_match_the_rule(frames, code):
    wijken, _, assessed = programme(frames, code)
    heat = target_heatmap(assessed, wijken).set_index(["wijk_code", "theme"])
    themes = {i["code"]: i["theme"] for i in rows("indicator")}
    expected_total, expected_good = Counter(), Counter()
    for (wijk, indicator), status in csv_statuses(code).items():
        expected_total[(wijk, themes[indicator])] += 1
        expected_good[(wijk, themes[indicator])] += status in ("gehaald", "op koers")
    assert set(heat.index) == set(expected_total)
    for cell, n in expected_total.items():
        assert heat.loc[cell, "doelen"] == n
        assert heat.loc[cell, "op_koers"] == expected_good[cell]
        assert heat.loc[cell, "aandeel"] == pytest.approx(expected_good[cell] / n)


def test_documented_untidy_cases(frames):
    _, measurements, assessed = programme(frames, AMS)
    status = assessed.set_index(["wijk_code", "indicator_code"])
    # Wrong way: unemployment in Kolenkit rises, target year reached.
    assert status.loc[("AMS-KOLENKIT", "WERKLOOSHEID"), "status"] == "niet op koers"
    assert status.loc[("AMS-KOLENKIT", "WERKLOOSHEID"), "latest_value"] == 14.5
    # Reached early, stays reached.
    assert status.loc[("AMS-TRANSVAALBUURT", "RAPPORTCIJFER_BUURT"), "status"] == "gehaald"
    # Stale: last VSV measurement in IJplein is from 2009, a yearly indicator.
    ijplein = status.loc[("AMS-IJPLEIN", "VSV")]
    assert (ijplein["status"], ijplein["latest_year"]) == ("geen recente meting", 2009)
    # Missing 2008 in Osdorp-Midden bijstand: the latest (2011) is used.
    assert status.loc[("AMS-OSDORP-MIDDEN", "BIJSTAND"), "latest_year"] == 2011
    # In 2009 the early result shows as gehaald before the target year.
    early = assess_targets(
        frames["targets"][frames["targets"]["wijk_code"] == "AMS-TRANSVAALBUURT"].reset_index(drop=True),
        frames["indicators"],
        measurements,
        dt.date(2009, 6, 1),
    ).set_index("indicator_code")
    assert early.loc["RAPPORTCIJFER_BUURT", "status"] == "gehaald"
    assert "voor het doeljaar" in early.loc["RAPPORTCIJFER_BUURT", "reason"]


def test_wijk_rows_city_average_freshness_and_context(frames):
    _, measurements, assessed = programme(frames, AMS)
    out = wijk_indicators("AMS-IJPLEIN", frames["indicators"], assessed, measurements, 2011).set_index("indicator_code")
    measured = {m["indicator_code"] for m in rows("measurement") if m["wijk_code"] == "AMS-IJPLEIN"}
    assert set(out.index) == measured
    vsv = out.loc["VSV"]
    assert (vsv["last_year"], vsv["next_due_year"], vsv["stale"]) == (2009, 2010, True)
    city = {
        (m["indicator_code"], int(m["year"])): float(m["value"])
        for m in rows("measurement")
        if not m["wijk_code"] and m["city"] == "Amsterdam"
    }
    assert vsv["city_year"] == 2009 and vsv["city_value"] == city[("VSV", 2009)]
    # Context indicators (no target) are listed as such, not as a status.
    assert out.loc["WOZ_WAARDE", "status"] == "geen doel" and not out.loc["WOZ_WAARDE", "has_target"]
    # Biennial indicator measured in 2011: current, next in 2013.
    corp = out.loc["CORPORATIEWONINGEN"]
    assert (corp["last_year"], corp["next_due_year"], corp["stale"]) == (2011, 2013, False)
    assert list(out["theme"]) == sorted(out["theme"], key=theme_order(out["theme"]).index)


def test_theme_order_keeps_programme_themes_first():
    assert theme_order(["zorg", "veiligheid", "wonen", "leefbaarheid", "wonen"]) == [
        "wonen",
        "veiligheid",
        "leefbaarheid",
        "zorg",
    ]


def test_freshness_overview_flags_stale_wijken(frames):
    wijken, measurements, _ = programme(frames, AMS)
    out = freshness_overview(frames["indicators"], measurements, wijken, 2011).set_index("indicator_code")
    assert out.loc["VSV", "stale_wijken"] == ["IJplein"]
    assert out.loc["VSV", "last_year"] == 2011 and not out.loc["VSV", "stale"]
    assert out.loc["LEEFSITUATIE_INDEX", "next_due_year"] == 2012
    assert all(out.loc[c, "stale_wijken"] == [] for c in out.index if c != "VSV")
    # Two years later everything is stale.
    later = freshness_overview(frames["indicators"], measurements, wijken, 2014).set_index("indicator_code")
    assert later["stale"].all()


def test_latest_per_wijk_is_ranked_best_first(frames):
    wijken, measurements, assessed = programme(frames, AMS)
    ind = frames["indicators"].set_index("code").loc["WERKLOOSHEID"].copy()
    ind["code"] = "WERKLOOSHEID"
    out = latest_per_wijk(ind, measurements, wijken, assessed, 2011)
    assert len(out) == len(wijken)
    assert list(out["value"]) == sorted(out["value"])  # lower is better: lowest first
    expected = {
        m["wijk_code"]: float(m["value"])
        for m in rows("measurement")
        if m["indicator_code"] == "WERKLOOSHEID" and m["year"] == "2011" and m["wijk_code"]
    }
    assert dict(zip(out["wijk_code"], out["value"], strict=True)) == expected
    woz = frames["indicators"].set_index("code").loc["WOZ_WAARDE"].copy()
    woz["code"] = "WOZ_WAARDE"
    ranked = latest_per_wijk(woz, measurements, wijken, assessed, 2011)
    assert list(ranked["value"]) == sorted(ranked["value"], reverse=True)  # higher is better
    assert set(ranked["status"]) == {"geen doel"}


def test_index_vs_city_is_direction_aware():
    assert index_vs_city(14.0, 7.0, "lager") == pytest.approx(50.0)
    assert index_vs_city(150000, 200000, "hoger") == pytest.approx(75.0)
    assert index_vs_city(0.0, 7.0, "lager") is None


def test_city_index_heatmap_small_case():
    indicators = pd.DataFrame(
        [
            {"code": "A", "theme": "werken", "direction": "lager", "interval_months": 12},
            {"code": "B", "theme": "werken", "direction": "hoger", "interval_months": 12},
            {"code": "C", "theme": "wonen", "direction": "hoger", "interval_months": 12},
        ]
    )
    m = pd.DataFrame(
        [
            ("A", "W1", 2010, 10.0),
            ("A", None, 2010, 5.0),  # index 50; the 2011 measurement is due this year, not late yet
            ("B", "W1", 2009, 8.0),
            ("B", None, 2009, 4.0),  # index 200, but 2009 is stale in 2011
            ("C", "W1", 2011, 1.0),  # no city value in 2011: left out
            ("C", None, 2010, 1.0),
            ("A", "W1", 2012, 1.0),  # after the reference year: unknown
        ],
        columns=["indicator_code", "wijk_code", "year", "value"],
    )
    wijken = pd.DataFrame({"code": ["W1"], "name": ["Eén"]})
    out = city_index_heatmap(indicators, m, wijken, 2011)
    assert list(out["theme"]) == ["werken"]
    row = out.iloc[0]
    assert row["index"] == pytest.approx(125.0) and row["indicatoren"] == 2 and row["verouderd"] == 1


def test_wijk_order_sorts_by_total_theme_or_name():
    heat = pd.DataFrame(
        {
            "wijk_code": ["A", "A", "B", "B"],
            "wijk_name": ["Zuid", "Zuid", "Noord", "Noord"],
            "theme": ["wonen", "werken", "wonen", "werken"],
            "doelen": [2, 2, 1, 3],
            "op_koers": [2, 0, 0, 3],
        }
    )
    heat["aandeel"] = heat["op_koers"] / heat["doelen"]
    assert wijk_order(heat, "aandeel", "naam") == ["B", "A"]
    assert wijk_order(heat, "aandeel", "totaal") == ["B", "A"]  # 3 of 4 against 2 of 4
    assert wijk_order(heat, "aandeel", "wonen") == ["A", "B"]


def test_contributing_projects(frames):
    links = {(p["project_code"]) for p in rows("project_indicator") if p["indicator_code"] == "WERKLOOSHEID"}
    out = contributing_projects(frames["projects"], frames["project_indicators"], "WERKLOOSHEID")
    assert set(out["code"]) == links
    kolenkit = contributing_projects(frames["projects"], frames["project_indicators"], "WERKLOOSHEID", "AMS-KOLENKIT")
    assert set(kolenkit["code"]) == {c for c in links if c.startswith("AMS-KOLENKIT-")}


def test_rewind_for_d3_makes_exteriors_clockwise():
    ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]  # GeoJSON standard: exterior counter-clockwise
    hole_cw = [[0.2, 0.2], [0.2, 0.8], [0.8, 0.8], [0.8, 0.2], [0.2, 0.2]]
    out = rewind_for_d3({"type": "Polygon", "coordinates": [ccw, hole_cw]})
    assert _signed_area(out["coordinates"][0]) < 0 < _signed_area(out["coordinates"][1])
    multi = rewind_for_d3({"type": "MultiPolygon", "coordinates": [[ccw], [list(reversed(ccw))]]})
    assert all(_signed_area(p[0]) < 0 for p in multi["coordinates"])
