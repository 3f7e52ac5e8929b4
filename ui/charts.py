"""Altair chart builders: Dutch number format, a title and an alt text on every chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

NL_LOCALE = {
    "number": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["€ ", ""]},
    "time": {
        "dateTime": "%A %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
        "shortDays": ["zo", "ma", "di", "wo", "do", "vr", "za"],
        "months": [
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ],
        "shortMonths": ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    },
}


def finish(chart: alt.Chart, title: str, description: str) -> alt.Chart:
    """Title, alt text (Vega-Lite description -> aria-label) and the Dutch locale."""
    return chart.properties(title=title, description=description).configure(locale=NL_LOCALE)


def status_bar(counts: pd.DataFrame, colours: dict[str, str], title: str, description: str) -> dict:
    """Vega-Lite spec of horizontal bars of counts per status, each labelled with its count; the data
    (columns status, label, aantal) goes beside it to ui.static_chart, which draws it.

    Written as a plain spec rather than Altair objects: it is on several pages and building it with Altair
    took about 80 ms of every run."""
    y = {"field": "label", "type": "nominal", "title": None, "sort": list(counts["label"]), "axis": {"labelLimit": 240}}
    x = {"field": "aantal", "type": "quantitative", "title": "Aantal", "axis": {"format": "d", "tickMinStep": 1}}
    tooltip = [
        {"field": "label", "type": "nominal", "title": "Status"},
        {"field": "aantal", "type": "quantitative", "title": "Aantal"},
    ]
    colour = {
        "field": "status",
        "type": "nominal",
        "scale": {"domain": list(colours), "range": list(colours.values())},
        "legend": None,
    }
    return {
        "$schema": alt.SCHEMA_URL,
        "title": title,
        "description": description,
        "height": {"step": 28},
        "config": {"locale": NL_LOCALE},
        "layer": [
            {"mark": {"type": "bar"}, "encoding": {"y": y, "x": x, "color": colour, "tooltip": tooltip}},
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "color": "#222222"},
                "encoding": {"y": y, "x": x, "text": {"field": "aantal", "type": "quantitative"}, "tooltip": tooltip},
            },
        ],
    }


def stacked_status_bars(
    counts: pd.DataFrame,
    category: str,
    category_title: str,
    colours: dict[str, str],
    labels: dict[str, str],
    title: str,
    description: str,
) -> alt.Chart:
    """One horizontal bar per `category` value, stacked by status (colour plus the status in the tooltip).

    `counts` is long form with columns `category`, status, aantal, rows in the display order of the bars.
    """
    data = counts.assign(
        label=[labels.get(s, s) for s in counts["status"]],
        volgorde=[list(colours).index(s) if s in colours else len(colours) for s in counts["status"]],
    )
    chart = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y(
                f"{category}:N", title=None, sort=list(dict.fromkeys(data[category])), axis=alt.Axis(labelLimit=420)
            ),
            x=alt.X("aantal:Q", title="Aantal", axis=alt.Axis(format="d", tickMinStep=1)),
            color=alt.Color(
                "label:N",
                title="Status",
                scale=alt.Scale(domain=[labels.get(s, s) for s in colours], range=list(colours.values())),
                legend=alt.Legend(orient="top", labelLimit=240, columns=3),
            ),
            order=alt.Order("volgorde:Q"),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip("label:N", title="Status"),
                alt.Tooltip("aantal:Q", title="Aantal"),
            ],
        )
        .properties(height=alt.Step(22))
    )
    return finish(chart, title, description)


def amount_heatmap(
    amounts: pd.DataFrame,
    x: str,
    y: str,
    x_order: list[str],
    y_order: list[str],
    titles: tuple[str, str],
    title: str,
    description: str,
) -> alt.Chart:
    """A heatmap of euro amounts (column `bedrag`, tooltip also `projecten`); empty cells mean no activity.

    `titles` names the x and y fields in the tooltip.
    """
    chart = (
        alt.Chart(amounts)
        .mark_rect(stroke="#FFFFFF", strokeWidth=1)
        .encode(
            x=alt.X(
                f"{x}:N",
                title=None,
                sort=x_order,
                axis=alt.Axis(labelAngle=-45, labelLimit=200, labelOverlap=False, orient="top"),
            ),
            y=alt.Y(f"{y}:N", title=None, sort=y_order, axis=alt.Axis(labelLimit=420, labelOverlap=False)),
            color=alt.Color(
                "bedrag:Q",
                title="Bedrag",
                scale=alt.Scale(scheme={"name": "blues", "extent": [0.15, 1]}, domainMin=0),
                legend=alt.Legend(format="$,.0f", orient="top", gradientLength=320, labelOverlap="greedy"),
            ),
            tooltip=[
                alt.Tooltip(f"{y}:N", title=titles[1]),
                alt.Tooltip(f"{x}:N", title=titles[0]),
                alt.Tooltip("bedrag:Q", title="Bedrag", format="$,.0f"),
                alt.Tooltip("projecten:Q", title="Projecten"),
            ],
        )
        .properties(height=alt.Step(20), width=alt.Step(44))
    )
    return finish(chart, title, description)
