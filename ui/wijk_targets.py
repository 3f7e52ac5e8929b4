"""The 'Per wijk' part of Doelen & indicatoren, built once per data version, selection and wijk for every session.

A wijk has a card per indicator (facts, contributing projects and a trend chart) and a table of the
measurements behind the charts. Building the ten or so Altair charts of a wijk took most of a run of the page;
here they are built once as Vega-Lite specs (made without data, beside their rows) and drawn as SVG
(ui/static_chart.py), and every later run only sends them. The cards of a theme are one HTML element, with
every text from the data escaped (a project title is shown as typed, never as Markdown).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from domain.target_views import contributing_projects, theme_order, wijk_indicators, wijk_series
from domain.targets import TrajectorySettings

from . import format as fmt
from . import html_table, static_chart
from .data import Snapshot
from .figures import programme_data_at, selection_key
from .selection import Selection
from .style import project_status_display
from .target_charts import target_status_display, trend_spec

TREND_WIDTH = 500  # the chart column of a card on a laptop screen (ui/static_chart.py)


# A card: the facts left, the trend chart right; one column on a narrow screen.
CARD_CSS = (
    ".wd-card {display: grid; grid-template-columns: 2fr 3fr; gap: 1rem; margin-bottom: 1rem;"
    " padding: 1rem; border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;}"
    " .wd-card h4 {font-size: 1rem; font-weight: 600; margin: 0; padding: 0;}"
    " .wd-card p, .wd-card ul {margin: 0 0 0.75rem 0;}"
    " .wd-card li {margin: 0;}"
    " .wd-card .wd-muted {color: rgba(17, 17, 17, 0.6); font-size: 0.875rem;}"
    " @media (max-width: 640px) {.wd-card {grid-template-columns: 1fr;}}"
)


@dataclass(frozen=True)
class WijkTargets:
    has_rows: bool  # any target or measurement for this wijk
    has_target: bool
    themes: tuple[tuple[str, str], ...]  # (theme, the HTML of its cards) in theme order
    # Every measurement of the trend lines, one row per indicator and series (ui.html_table.markup); None when
    # there is no measurement yet.
    table: str | None


def wijk_targets(snap: Snapshot, sel: Selection) -> WijkTargets:
    """Shared as it is: every part is text or a tuple, nothing a run could change."""
    return _wijk_targets(*selection_key(snap, sel), sel.wijk_code)


@st.cache_resource(show_spinner=False, max_entries=128)
def _wijk_targets(
    url: str,
    version: int,
    code: str,
    city: str,
    reference_date: dt.date,
    settings: TrajectorySettings,
    wijk_code: str,
) -> WijkTargets:
    data = programme_data_at(url, version, code, city, reference_date, settings)
    snap = Snapshot.of_version(url, version)
    indicators = snap.frame("indicators")
    ref_year = reference_date.year
    wijk_name = data.wijken.set_index("code")["name"][wijk_code]
    rows = wijk_indicators(wijk_code, indicators, data.targets, data.measurements, ref_year, settings)
    if rows.empty:
        return WijkTargets(False, False, (), None)
    links = snap.frame("project_indicators", code)
    themes = []
    for theme in theme_order(rows["theme"]):
        cards = "".join(
            _card(r, data, links, wijk_code, wijk_name, ref_year) for r in rows[rows["theme"] == theme].itertuples()
        )
        themes.append((theme, cards))
    table = _table(rows, data, indicators, wijk_code, ref_year)
    shown = None
    if not table.empty:  # the indicator and the series name every row
        shown = html_table.markup(table, f"Alle metingen van de trendlijnen van {wijk_name}", row_headers=2)
    return WijkTargets(True, bool(rows["has_target"].any()), tuple(themes), shown)


def _card(r, data, links: pd.DataFrame, wijk_code: str, wijk_name: str, ref_year: int) -> str:
    """One indicator's card as HTML; every text from the data is escaped."""
    e = html.escape
    unit = r.unit
    facts = []  # HTML
    if r.has_target:
        facts.append(e(f"Nulmeting: {fmt.value_with_unit(r.baseline_value, unit)} ({int(r.baseline_year)})"))
        facts.append(e(f"Doel: {fmt.value_with_unit(r.target_value, unit)} in {int(r.target_year)}"))
    latest = f"{fmt.value_with_unit(r.last_value, unit)} ({r.last_year})" if r.last_year else "geen meting"
    facts.append(e(f"Laatste meting: {latest}") + (" · <strong>verouderd</strong>" if r.stale else ""))
    city = f"{fmt.value_with_unit(r.city_value, unit)} ({int(r.city_year)})" if pd.notna(r.city_year) else "–"
    facts.append(e(f"Stadsgemiddelde: {city}"))
    due = f"verwacht in {r.next_due_year}" if r.next_due_year else "–"
    facts.append(e(f"Volgende meting: {due} (interval {r.interval_months} maanden)"))
    text = (
        f"<h4>{e(r.indicator_name)}</h4><p>{e(unit)}, {e(r.direction)} is beter</p>"
        f"<p>Status: <strong>{e(target_status_display(r.status))}</strong> ({e(r.reason)})</p>"
        f"<p>{'<br>'.join(facts)}</p>"
    )
    projects = contributing_projects(data.projects, links, r.indicator_code, wijk_code)
    if not projects.empty:
        items = "".join(f"<li>{e(p.title)} ({e(project_status_display(p.status))})</li>" for p in projects.itertuples())
        text += f"<p>Bijdragende projecten (bijdrage, geen bewezen effect):</p><ul>{items}</ul>"
    series = wijk_series(data.measurements, wijk_code, r.indicator_code, ref_year)
    if series.empty:
        chart = '<p class="wd-muted">Nog geen metingen om een trendlijn te tekenen.</p>'
    else:
        trajectory = (
            pd.DataFrame(
                {"year": [int(r.baseline_year), int(r.target_year)], "value": [r.baseline_value, r.target_value]}
            )
            if r.has_target and pd.notna(r.baseline_value)
            else None
        )
        rows, spec = trend_spec(
            series,
            trajectory,
            unit,
            f"{r.indicator_name}: verloop",
            f"Lijndiagram van {r.indicator_name} in {wijk_name} per jaar tot en met {ref_year}, met het "
            "stadsgemiddelde" + (" en de lijn van nulmeting naar doel." if trajectory is not None else "."),
        )
        chart = static_chart.markup(spec, rows, TREND_WIDTH)
    return f'<div class="wd-card"><div>{text}</div><div>{chart}</div></div>'


def _table(rows: pd.DataFrame, data, indicators: pd.DataFrame, wijk_code: str, ref_year: int) -> pd.DataFrame:
    indicator_names = indicators.set_index("code")["name"]
    own = data.measurements[data.measurements["indicator_code"].isin(rows["indicator_code"])]
    own = own[(own["year"] <= ref_year) & ((own["wijk_code"] == wijk_code) | own["wijk_code"].isna())]
    table = own.assign(
        Indicator=own["indicator_code"].map(indicator_names),
        Reeks=own["wijk_code"].map(lambda w: "stadsgemiddelde" if pd.isna(w) else "wijk"),
    )
    pivot = table.pivot_table(index=["Indicator", "Reeks"], columns="year", values="value", aggfunc="first")
    units = indicators.set_index("name")["unit"]
    shown = pivot.copy().astype(object)
    for idx in pivot.index:
        shown.loc[idx] = [fmt.value_with_unit(v, units[idx[0]]) if pd.notna(v) else "" for v in pivot.loc[idx]]
    shown.columns = [str(c) for c in shown.columns]
    return shown.reset_index()
