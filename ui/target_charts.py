"""Altair charts of the Doelen & indicatoren page: trend per indicator, heatmap, one indicator across wijken."""

from __future__ import annotations

import altair as alt
import pandas as pd

from .charts import finish
from .style import TARGET_STATUS_COLOURS

HEATMAP_SELECTION = "wijk"
# Text symbols so a status reads without colour (tables, cards, metric labels).
TARGET_STATUS_SYMBOLS = {
    "gehaald": "✔",
    "op koers": "●",
    "risico": "▲",
    "niet op koers": "■",
    "geen recente meting": "?",
    "geen doel": "–",
}


def target_status_display(status: str) -> str:
    return f"{TARGET_STATUS_SYMBOLS.get(status, '·')} {status}"


SERIES_COLOURS = {"wijk": "#0072B2", "stad": "#555555", "traject": "#009E73"}
SERIES_LABELS = {"wijk": "Wijk", "stad": "Stadsgemiddelde", "traject": "Traject naar doel"}


def value_format(unit: str) -> str:
    """d3 format for axis labels in the indicator's unit."""
    if unit.upper() in ("EUR", "€"):
        return "$,.0f"
    return ",.1~f"


def trend_frame(series: pd.DataFrame, trajectory: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of a trend chart: `series` (year, reeks 'wijk'/'stad', value) and the trajectory line
    (year, value of baseline and target, or None), each with its Dutch series label."""
    frames = [series]
    if trajectory is not None:
        frames.append(trajectory.assign(reeks="traject"))
    data = pd.concat(frames, ignore_index=True)
    data["reeks_label"] = data["reeks"].map(SERIES_LABELS)
    return data


def trend_spec(
    series: pd.DataFrame, trajectory: pd.DataFrame | None, unit: str, title: str, description: str
) -> tuple[pd.DataFrame, dict]:
    """The trend chart as its rows and a Vega-Lite spec without data, drawn by ui.static_chart.markup.

    The spec is made from the chart on no rows. Altair's data transformer and theme are settings of the
    whole process, which st.altair_chart in another session switches for a moment; a spec made with the
    rows inside could then lose them to that session's chart."""
    data = trend_frame(series, trajectory)
    spec = _trend_chart(data, unit, title, description, rows=data.iloc[0:0]).to_dict()
    spec.pop("data", None)
    spec.pop("datasets", None)
    spec["config"].pop("view", None)  # Altair's default theme; st.altair_chart renders without it
    return data, spec


def _trend_chart(data: pd.DataFrame, unit: str, title: str, description: str, rows: pd.DataFrame | None = None):
    """The chart of `data`'s series, drawing `rows` (default: `data` itself)."""
    domain = [SERIES_LABELS[k] for k in SERIES_COLOURS if k in set(data["reeks"])]
    colours = [SERIES_COLOURS[k] for k in SERIES_COLOURS if k in set(data["reeks"])]
    chart = (
        alt.Chart(data if rows is None else rows)
        .mark_line(point=True, strokeWidth=2)
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0)),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=value_format(unit))),
            color=alt.Color(
                "reeks_label:N",
                title=None,
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(orient="right", labelLimit=200, symbolType="stroke", symbolStrokeWidth=3),
            ),
            strokeDash=alt.StrokeDash(
                "reeks_label:N",
                scale=alt.Scale(domain=domain, range=[[1, 0] if d == "Wijk" else [4, 3] for d in domain]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("reeks_label:N", title="Reeks"),
                alt.Tooltip("year:O", title="Jaar"),
                alt.Tooltip("value:Q", title="Waarde", format=value_format(unit)),
            ],
        )
        .properties(height=200)
    )
    return finish(chart, title, description)


def heatmap_chart(
    heat: pd.DataFrame,
    value: str,
    order: list[str],
    themes: list[str],
    title: str,
    description: str,
):
    """Wijken (rows, in `order`) x themes; `value` 'aandeel' (share on course) or 'index' (city = 100).

    The cell text carries the figure, so the colour is never the only carrier. A click selects the wijk.
    """
    data = heat.copy()
    if value == "aandeel":
        data["tekst"] = [f"{g} van {n}" for g, n in zip(data["op_koers"], data["doelen"], strict=True)]
        scale = alt.Scale(scheme="blues", domain=[0, 1])
        legend = alt.Legend(format=".0%", orient="top", title="Aandeel doelen gehaald of op koers", titleLimit=400)
        tips = [
            alt.Tooltip("aandeel:Q", title="Gehaald of op koers", format=".0%"),
            alt.Tooltip("tekst:N", title="Doelen"),
        ]
    else:
        data["tekst"] = [
            f"{round(i):d}" + ("*" if v else "") for i, v in zip(data["index"], data["verouderd"], strict=True)
        ]
        scale = alt.Scale(scheme="blueorange", reverse=True, domainMid=100)
        legend = alt.Legend(orient="top", title="Index (stad = 100, hoger is beter)", titleLimit=400)
        tips = [
            alt.Tooltip("index:Q", title="Index (stad = 100)", format=".0f"),
            alt.Tooltip("indicatoren:Q", title="Indicatoren"),
            alt.Tooltip("verouderd:Q", title="Verouderde metingen"),
        ]
    names = data.drop_duplicates("wijk_code").set_index("wijk_code")["wijk_name"]
    y_order = [names[c] for c in order if c in names.index]
    select = alt.selection_point(name=HEATMAP_SELECTION, fields=["wijk_code"], on="click")
    base = alt.Chart(data).encode(
        x=alt.X("theme:N", title=None, sort=themes, axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("wijk_name:N", title=None, sort=y_order, axis=alt.Axis(labelLimit=320)),
    )
    rect = base.mark_rect(stroke="#FFFFFF", strokeWidth=1, cursor="pointer").encode(
        color=alt.Color(f"{value}:Q", scale=scale, legend=legend),
        tooltip=[alt.Tooltip("wijk_name:N", title="Wijk"), alt.Tooltip("theme:N", title="Thema"), *tips],
    )
    text = base.mark_text(fontSize=11).encode(
        text="tekst:N",
        color=alt.condition(
            f"datum.{value} > 0.6" if value == "aandeel" else "datum.index > 125 || datum.index < 75",
            alt.value("#FFFFFF"),
            alt.value("#222222"),
        ),
    )
    chart = (rect + text).add_params(select).properties(height=alt.Step(26), width=alt.Step(110))
    return finish(chart, title, description)


def ranked_bars(latest: pd.DataFrame, unit: str, city: float | None, title: str, description: str):
    """Latest value per wijk, best first, coloured by target status, with the city average as a rule."""
    data = latest.dropna(subset=["value"]).copy()
    data["label"] = [
        f"{n} ({y}{', verouderd' if s else ''})"
        for n, y, s in zip(data["wijk_name"], data["year"].astype(int), data["stale"], strict=True)
    ]
    colours = {**TARGET_STATUS_COLOURS, "geen doel": "#56B4E9"}
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=340)),
            x=alt.X("value:Q", title=unit, axis=alt.Axis(format=value_format(unit))),
            color=alt.Color(
                "status:N",
                title="Doelstatus",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=alt.Legend(orient="top", labelLimit=240, columns=3),
            ),
            tooltip=[
                alt.Tooltip("wijk_name:N", title="Wijk"),
                alt.Tooltip("year:O", title="Jaar"),
                alt.Tooltip("value:Q", title="Waarde", format=value_format(unit)),
                alt.Tooltip("status:N", title="Doelstatus"),
            ],
        )
        .properties(height=alt.Step(22))
    )
    layers = [bars]
    if city is not None:
        rule = (
            alt.Chart(pd.DataFrame({"stad": [city], "label": ["Stadsgemiddelde"]}))
            .mark_rule(color="#222222", strokeDash=[5, 3], strokeWidth=2)
            .encode(x="stad:Q", tooltip=[alt.Tooltip("stad:Q", title="Stadsgemiddelde", format=value_format(unit))])
        )
        layers.append(rule)
    return finish(alt.layer(*layers), title, description)


def small_multiples(values: pd.DataFrame, unit: str, title: str, description: str, columns: int = 6):
    """One small line chart per wijk over time, each with the city average (dashed) for reference.

    `values`: wijk_name, year, value, reeks ('wijk'/'stad'), already one copy of the city rows per wijk.
    """
    data = values.assign(reeks_label=values["reeks"].map(SERIES_LABELS))
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(size=18))
        .encode(
            x=alt.X("year:O", title=None, axis=alt.Axis(labelAngle=-90, labelFontSize=9)),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False), axis=alt.Axis(format=value_format(unit))),
            color=alt.Color(
                "reeks_label:N",
                title=None,
                scale=alt.Scale(domain=["Wijk", "Stadsgemiddelde"], range=["#0072B2", "#555555"]),
                legend=alt.Legend(orient="top", symbolType="stroke", symbolStrokeWidth=3),
            ),
            strokeDash=alt.StrokeDash(
                "reeks_label:N",
                scale=alt.Scale(domain=["Wijk", "Stadsgemiddelde"], range=[[1, 0], [4, 3]]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("wijk_name:N", title="Wijk"),
                alt.Tooltip("reeks_label:N", title="Reeks"),
                alt.Tooltip("year:O", title="Jaar"),
                alt.Tooltip("value:Q", title="Waarde", format=value_format(unit)),
            ],
        )
        .properties(width=150, height=90)
        .facet(facet=alt.Facet("wijk_name:N", title=None, header=alt.Header(labelLimit=150)), columns=columns)
        .resolve_scale(y="shared")
    )
    return finish(chart, title, description)
