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


def status_bar(counts: pd.DataFrame, colours: dict[str, str], title: str, description: str) -> alt.Chart:
    """Horizontal bars of counts per status; `counts` has columns status, label, aantal."""
    chart = (
        alt.Chart(counts)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=list(counts["label"]), axis=alt.Axis(labelLimit=240)),
            x=alt.X("aantal:Q", title="Aantal", axis=alt.Axis(format="d", tickMinStep=1)),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=None,
            ),
            tooltip=[alt.Tooltip("label:N", title="Status"), alt.Tooltip("aantal:Q", title="Aantal")],
        )
    )
    text = chart.mark_text(align="left", dx=4, color="#222222").encode(text="aantal:Q", color=alt.value("#222222"))
    return finish((chart + text).properties(height=alt.Step(28)), title, description)
