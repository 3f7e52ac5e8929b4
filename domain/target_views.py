"""Figures of the Doelen & indicatoren page, built on the one target rule in `targets`.

- Per wijk: every indicator with a target or a measurement: baseline, target, latest measurement known on
  the reference date, the city average of that year, freshness and status.
- Heatmap wijken x themes: the share of targets "gehaald" or "op koers" (the rule's statuses), or an index
  against the city average (= 100). The index is direction-aware so that above 100 is always better:
  wijk / city x 100 when higher is better, city / wijk x 100 when lower is better; per theme the mean over
  the indicators with a wijk measurement and a city average of the same year.
- One indicator across wijken: the values over time and the latest value per wijk, with the city average.
- Projects contribute to an indicator ("bijdrage"); the data cannot show that they cause its change.
"""

from __future__ import annotations

import pandas as pd

from .targets import TrajectorySettings, freshness

ON_COURSE = ("gehaald", "op koers")
NO_TARGET = "geen doel"
DEFAULT_SETTINGS = TrajectorySettings()
THEME_ORDER = ("wonen", "werken", "leren", "integreren", "veiligheid")


def theme_order(themes) -> list[str]:
    """The programme's five themes first, then any other theme in the data alphabetically."""
    present = list(dict.fromkeys(t for t in themes if isinstance(t, str)))
    return [t for t in THEME_ORDER if t in present] + sorted(t for t in present if t not in THEME_ORDER)


def known(measurements: pd.DataFrame, reference_year: int) -> pd.DataFrame:
    """Measurements known on the reference date: a measurement of year Y counts from year Y."""
    return measurements[measurements["year"] <= reference_year]


def city_series(measurements: pd.DataFrame, indicator_code: str) -> pd.Series:
    rows = measurements[measurements["wijk_code"].isna() & (measurements["indicator_code"] == indicator_code)]
    return rows.set_index("year")["value"].sort_index()


def city_value(measurements: pd.DataFrame, indicator_code: str, year: int) -> tuple[int, float] | None:
    """The city average in `year`, or else the latest before it, as (year, value)."""
    series = city_series(measurements, indicator_code)
    series = series[series.index <= year]
    if series.empty:
        return None
    return int(series.index[-1]), float(series.iloc[-1])


def index_vs_city(value: float, city: float, direction: str) -> float | None:
    """Direction-aware index, city = 100, above 100 better than the city."""
    if pd.isna(value) or pd.isna(city) or value <= 0 or city <= 0:
        return None
    return 100.0 * (value / city if direction == "hoger" else city / value)


def wijk_indicators(
    wijk_code: str,
    indicators: pd.DataFrame,
    assessed_targets: pd.DataFrame,
    measurements: pd.DataFrame,
    reference_year: int,
    settings: TrajectorySettings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """One row per indicator that this wijk has a target or a measurement for, in theme order."""
    seen = known(measurements, reference_year)
    own = seen[seen["wijk_code"] == wijk_code]
    targets = assessed_targets[assessed_targets["wijk_code"] == wijk_code].set_index("indicator_code")
    codes = set(own["indicator_code"]) | set(targets.index)
    records = []
    for ind in indicators[indicators["code"].isin(codes)].itertuples(index=False):
        series = own[own["indicator_code"] == ind.code].set_index("year")["value"].sort_index()
        last_year = int(series.index[-1]) if len(series) else None
        fresh = freshness(last_year, int(ind.interval_months), reference_year, settings)
        row = {
            "indicator_code": ind.code,
            "indicator_name": ind.name,
            "theme": ind.theme,
            "unit": ind.unit,
            "direction": ind.direction,
            "interval_months": int(ind.interval_months),
            "last_year": last_year,
            "last_value": float(series.iloc[-1]) if len(series) else None,
            "next_due_year": fresh.next_due_year,
            "stale": fresh.stale,
            "measurements": len(series),
        }
        city = city_value(seen, ind.code, last_year if last_year is not None else reference_year)
        row["city_year"], row["city_value"] = city if city else (None, None)
        if ind.code in targets.index:
            t = targets.loc[ind.code]
            row.update(
                has_target=True,
                baseline_year=int(t["baseline_year"]),
                baseline_value=t["baseline_value"],
                target_year=int(t["target_year"]),
                target_value=float(t["target_value"]),
                status=t["status"],
                reason=t["reason"],
                expected_value=t["expected_value"],
            )
        else:
            row.update(has_target=False, status=NO_TARGET, reason="contextindicator zonder doel")
        records.append(row)
    out = pd.DataFrame.from_records(records)
    if out.empty:
        return out
    order = {t: i for i, t in enumerate(theme_order(out["theme"]))}
    out["theme_rank"] = out["theme"].map(order)
    return out.sort_values(["theme_rank", "has_target", "indicator_name"], ascending=[True, False, True]).drop(
        columns="theme_rank"
    )


def wijk_series(measurements: pd.DataFrame, wijk_code: str, indicator_code: str, reference_year: int) -> pd.DataFrame:
    """Wijk and city values over time (long: year, reeks, value), known on the reference date."""
    seen = known(measurements, reference_year)
    seen = seen[seen["indicator_code"] == indicator_code]
    wijk = seen[seen["wijk_code"] == wijk_code][["year", "value"]].assign(reeks="wijk")
    city = seen[seen["wijk_code"].isna()][["year", "value"]].assign(reeks="stad")
    return pd.concat([wijk, city], ignore_index=True).sort_values(["reeks", "year"]).reset_index(drop=True)


def target_heatmap(assessed_targets: pd.DataFrame, wijken: pd.DataFrame) -> pd.DataFrame:
    """Per wijk x theme: number of targets, how many gehaald or op koers, the share, and per status."""
    t = assessed_targets.assign(goed=assessed_targets["status"].isin(ON_COURSE))
    grouped = t.groupby(["wijk_code", "theme"]).agg(doelen=("status", "size"), op_koers=("goed", "sum"))
    per_status = pd.crosstab([t["wijk_code"], t["theme"]], t["status"])
    out = grouped.join(per_status).reset_index()
    out["op_koers"] = out["op_koers"].astype(int)
    out["aandeel"] = out["op_koers"] / out["doelen"]
    names = wijken.set_index("code")["name"]
    out["wijk_name"] = out["wijk_code"].map(names)
    return out


def city_index_heatmap(
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    wijken: pd.DataFrame,
    reference_year: int,
    settings: TrajectorySettings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Per wijk x theme: mean direction-aware index (city = 100) of the latest wijk measurements.

    Each indicator's latest wijk value known on the reference date is compared with the city average of
    the same year (no city value that year: the indicator is left out of the mean). `verouderd` counts the
    indicators whose latest wijk measurement is stale: those cells show old data and say so.
    """
    seen = known(measurements, reference_year)
    meta = indicators.set_index("code")
    city = seen[seen["wijk_code"].isna()].set_index(["indicator_code", "year"])["value"]
    records = []
    wijk_rows = seen[seen["wijk_code"].isin(wijken["code"])]
    for (wijk_code, code), group in wijk_rows.groupby(["wijk_code", "indicator_code"]):
        if code not in meta.index:
            continue
        last = group.loc[group["year"].idxmax()]
        year = int(last["year"])
        if (code, year) not in city.index:
            continue
        index = index_vs_city(float(last["value"]), float(city[(code, year)]), meta.loc[code, "direction"])
        if index is None:
            continue
        stale = freshness(year, int(meta.loc[code, "interval_months"]), reference_year, settings).stale
        records.append(
            {"wijk_code": wijk_code, "theme": meta.loc[code, "theme"], "index": index, "stale": stale, "year": year}
        )
    frame = pd.DataFrame.from_records(records, columns=["wijk_code", "theme", "index", "stale", "year"])
    out = (
        frame.groupby(["wijk_code", "theme"])
        .agg(index=("index", "mean"), indicatoren=("index", "size"), verouderd=("stale", "sum"))
        .reset_index()
    )
    out["verouderd"] = out["verouderd"].astype(int)
    out["wijk_name"] = out["wijk_code"].map(wijken.set_index("code")["name"])
    return out


def wijk_order(heat: pd.DataFrame, value: str, sort_by: str) -> list[str]:
    """Wijk codes in display order: by name, or best first on the total or one theme's `value`."""
    names = heat.drop_duplicates("wijk_code").set_index("wijk_code")["wijk_name"]
    if sort_by == "naam":
        return list(names.sort_values(key=lambda s: s.str.casefold()).index)
    if sort_by == "totaal":
        if value == "aandeel":
            totals = heat.groupby("wijk_code")[["op_koers", "doelen"]].sum()
            score = totals["op_koers"] / totals["doelen"]
        else:
            score = heat.groupby("wijk_code")[value].mean()
    else:
        score = heat[heat["theme"] == sort_by].set_index("wijk_code")[value].reindex(names.index)
    frame = pd.DataFrame({"score": score.reindex(names.index), "name": names})
    frame = frame.sort_values(["score", "name"], ascending=[False, True], na_position="last")
    return list(frame.index)


def indicator_across_wijken(
    indicator_code: str, measurements: pd.DataFrame, wijken: pd.DataFrame, reference_year: int
) -> pd.DataFrame:
    """Values of one indicator per wijk and year, known on the reference date, plus the city rows."""
    seen = known(measurements, reference_year)
    seen = seen[seen["indicator_code"] == indicator_code]
    wijk = seen[seen["wijk_code"].isin(wijken["code"])].copy()
    wijk["wijk_name"] = wijk["wijk_code"].map(wijken.set_index("code")["name"])
    city = seen[seen["wijk_code"].isna()].copy()
    city["wijk_name"] = "Stadsgemiddelde"
    return pd.concat([wijk, city], ignore_index=True)[["wijk_code", "wijk_name", "year", "value"]]


def latest_per_wijk(
    indicator: pd.Series,
    measurements: pd.DataFrame,
    wijken: pd.DataFrame,
    assessed_targets: pd.DataFrame,
    reference_year: int,
    settings: TrajectorySettings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Per wijk of the programme: the latest value of the indicator, its year, freshness, the city average of
    that year, and the target status (or 'geen doel'); sorted best first (direction-aware)."""
    values = indicator_across_wijken(indicator["code"], measurements, wijken, reference_year)
    own = values[values["wijk_code"].notna()]
    latest = own.loc[own.groupby("wijk_code")["year"].idxmax()] if not own.empty else own
    latest = latest.set_index("wijk_code")
    status = assessed_targets[assessed_targets["indicator_code"] == indicator["code"]].set_index("wijk_code")
    records = []
    for w in wijken.itertuples(index=False):
        year = int(latest.loc[w.code, "year"]) if w.code in latest.index else None
        fresh = freshness(year, int(indicator["interval_months"]), reference_year, settings)
        city = city_value(known(measurements, reference_year), indicator["code"], year or reference_year)
        records.append(
            {
                "wijk_code": w.code,
                "wijk_name": w.name,
                "year": year,
                "value": float(latest.loc[w.code, "value"]) if year is not None else None,
                "stale": fresh.stale,
                "next_due_year": fresh.next_due_year,
                "city_year": city[0] if city else None,
                "city_value": city[1] if city else None,
                "status": status.loc[w.code, "status"] if w.code in status.index else NO_TARGET,
            }
        )
    out = pd.DataFrame.from_records(records)
    ascending = indicator["direction"] != "hoger"
    return out.sort_values(["value", "wijk_name"], ascending=[ascending, True], na_position="last").reset_index(
        drop=True
    )


def freshness_overview(
    indicators: pd.DataFrame,
    measurements: pd.DataFrame,
    wijken: pd.DataFrame,
    reference_year: int,
    settings: TrajectorySettings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Per indicator measured in these wijken: last measured year, next due, wijken with stale data."""
    seen = known(measurements, reference_year)
    own = seen[seen["wijk_code"].isin(wijken["code"])]
    records = []
    for ind in indicators.itertuples(index=False):
        rows = own[own["indicator_code"] == ind.code]
        if rows.empty:
            continue
        last_by_wijk = rows.groupby("wijk_code")["year"].max()
        last = int(last_by_wijk.max())
        fresh = freshness(last, int(ind.interval_months), reference_year, settings)
        stale_wijken = [
            w
            for w, y in last_by_wijk.items()
            if freshness(int(y), int(ind.interval_months), reference_year, settings).stale
        ]
        names = wijken.set_index("code")["name"]
        records.append(
            {
                "indicator_code": ind.code,
                "indicator_name": ind.name,
                "theme": ind.theme,
                "interval_months": int(ind.interval_months),
                "last_year": last,
                "next_due_year": fresh.next_due_year,
                "stale": fresh.stale,
                "wijken": len(last_by_wijk),
                "stale_wijken": sorted(names[w] for w in stale_wijken),
            }
        )
    return pd.DataFrame.from_records(records)


def contributing_projects(
    projects: pd.DataFrame, project_indicators: pd.DataFrame, indicator_code: str, wijk_code: str | None = None
) -> pd.DataFrame:
    """Projects linked to the indicator (a contribution, not a proven cause), optionally in one wijk."""
    codes = project_indicators.loc[project_indicators["indicator_code"] == indicator_code, "project_code"]
    out = projects[projects["code"].isin(set(codes))]
    if wijk_code is not None:
        out = out[out["wijk_code"] == wijk_code]
    return out.sort_values("code")
