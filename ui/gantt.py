"""The planning Gantt chart: one facet row per group, bars coloured by status (status also in the tooltip),
milestones as diamonds, the contract period as a band, report dates as dashed rules and the peildatum
as a solid rule. All layers come from one frame with a `kind` column, so each facet gets its own copy of
the reference marks.
"""

from __future__ import annotations

import copy
import datetime as dt
from functools import cache

import altair as alt
import pandas as pd

from . import format as fmt
from .charts import NL_LOCALE
from .style import PROJECT_STATUS_COLOURS, PROJECT_STATUS_LABELS

SELECTION = "project"
CHART_WIDTH = 640  # facets cannot size to the container; labels take the rest of a wide layout
MILESTONE_STATES = {"gehaald": "#222222", "open": "#ffffff", "te laat": "#D55E00"}


def gantt_frame(
    rows: pd.DataFrame,
    milestones: pd.DataFrame,
    reference_date: dt.date,
    period: tuple[pd.Timestamp, pd.Timestamp] | None,
    reports: pd.DataFrame,
) -> pd.DataFrame:
    """Long frame of everything drawn. `rows` from gantt_rows() with a `label`; `milestones` with done/overdue."""
    bars = pd.DataFrame(
        {
            "kind": "project",
            "group": rows["group"],
            "label": rows["label"],
            "code": rows["code"],
            "start": rows["start_date"],
            "end": rows["end_date"],
            "status": rows["status"],
            "status_label": rows["status"].map(PROJECT_STATUS_LABELS),
            "period_text": [
                f"{fmt.date_short(s)} – {fmt.date_short(e)}"
                for s, e in zip(rows["start_date"], rows["end_date"], strict=True)
            ],
            "lead": rows["lead_partner_name"],
            "progress": rows["progress"],
        }
    )
    ms = milestones.merge(rows[["code", "group", "label"]], left_on="project_code", right_on="code")
    ms_state = ms["done"].map({True: "gehaald"}).fillna(ms["overdue"].map({True: "te laat", False: "open"}))
    marks = pd.DataFrame(
        {
            "kind": "milestone",
            "group": ms["group"],
            "label": ms["label"],
            "code": ms["code"],
            "start": ms["due_date"],
            "milestone": ms["title"],
            "milestone_state": ms_state,
            "period_text": ms["due_date"].map(fmt.date_short),
        }
    )
    groups = rows["group"].drop_duplicates()
    reference = [{"kind": "today", "group": g, "start": pd.Timestamp(reference_date)} for g in groups]
    if period is not None:
        reference += [{"kind": "period", "group": g, "start": period[0], "end": period[1]} for g in groups]
    for r in reports.drop_duplicates("report_date").itertuples():
        reference += [{"kind": "report", "group": g, "start": r.report_date, "milestone": r.title} for g in groups]
    return pd.concat([bars, marks, pd.DataFrame(reference)], ignore_index=True)


def gantt_chart(frame: pd.DataFrame, title: str, description: str) -> alt.FacetChart:
    labels = list(frame.loc[frame["kind"] == "project", "label"])
    base = alt.Chart(frame)
    y = alt.Y("label:N", sort=labels, title=None, axis=alt.Axis(labelLimit=260))
    x_time = alt.Axis(format="%b %Y", labelAngle=0, title=None)
    select = alt.selection_point(name=SELECTION, fields=["code"], on="click")

    band = (
        base.transform_filter(alt.datum.kind == "period")
        .mark_rect(color="#1f4e79", opacity=0.07)
        .encode(x=alt.X("start:T", axis=x_time), x2="end:T")
    )
    reports = (
        base.transform_filter(alt.datum.kind == "report")
        .mark_rule(strokeDash=[4, 3], color="#555555")
        .encode(
            x="start:T",
            tooltip=[
                alt.Tooltip("milestone:N", title="Rapportage"),
                alt.Tooltip("start:T", title="Datum", format="%d %b %Y"),
            ],
        )
    )
    bars = (
        base.transform_filter(alt.datum.kind == "project")
        .mark_bar(height={"band": 0.7}, cornerRadius=2)
        .encode(
            x=alt.X("start:T", axis=x_time),
            x2="end:T",
            y=y,
            color=alt.Color(
                "status:N",
                title="Status",
                scale=alt.Scale(domain=list(PROJECT_STATUS_COLOURS), range=list(PROJECT_STATUS_COLOURS.values())),
                legend=alt.Legend(orient="top"),
            ),
            opacity=alt.condition(select, alt.value(1.0), alt.value(0.35)),
            tooltip=[
                alt.Tooltip("label:N", title="Project"),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("period_text:N", title="Looptijd"),
                alt.Tooltip("lead:N", title="Trekker"),
                alt.Tooltip("progress:Q", title="Voortgang (%)"),
            ],
        )
        .add_params(select)
    )
    milestones = (
        base.transform_filter(alt.datum.kind == "milestone")
        .mark_point(shape="diamond", size=80, strokeWidth=1.5, filled=True, stroke="#222222")
        .encode(
            x="start:T",
            y=y,
            fill=alt.Fill(
                "milestone_state:N",
                title="Mijlpaal",
                scale=alt.Scale(domain=list(MILESTONE_STATES), range=list(MILESTONE_STATES.values())),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("milestone:N", title="Mijlpaal"),
                alt.Tooltip("milestone_state:N", title="Stand"),
                alt.Tooltip("period_text:N", title="Gepland"),
                alt.Tooltip("label:N", title="Project"),
            ],
        )
    )
    today = (
        base.transform_filter(alt.datum.kind == "today")
        .mark_rule(color="#000000", strokeWidth=2)
        .encode(x="start:T", tooltip=[alt.Tooltip("start:T", title="Peildatum", format="%d %b %Y")])
    )
    layered = alt.layer(band, reports, bars, milestones, today).properties(width=CHART_WIDTH, height=alt.Step(22))
    chart = layered.facet(
        row=alt.Row(
            "group:N",
            title=None,
            header=alt.Header(
                labelAngle=0, labelAnchor="start", labelFontWeight="bold", labelOrient="top", labelFontSize=12
            ),
        ),
        spacing=8,
    ).resolve_scale(y="independent")
    return chart.properties(title=title, description=description).configure(locale=NL_LOCALE)


@cache
def _gantt_template() -> dict:
    """gantt_chart's Vega-Lite spec without data, labels, title and description: built (and validated) once."""
    empty = pd.DataFrame({"kind": pd.Series(dtype=str), "label": pd.Series(dtype=str)})
    spec = gantt_chart(empty, "", "").to_dict()
    spec.pop("datasets", None)
    spec.pop("data", None)
    spec["config"].pop("view", None)  # Altair's default theme; st.altair_chart renders without it
    return spec


def gantt_spec(frame: pd.DataFrame, title: str, description: str) -> dict:
    """The same chart as gantt_chart, as a spec for st.vega_lite_chart(frame, spec): building the Altair
    objects of this chart took about a third of a Planning run, filling in the template takes none."""
    spec = copy.deepcopy(_gantt_template())
    labels = list(frame.loc[frame["kind"] == "project", "label"])
    for layer in spec["spec"]["layer"]:
        y = layer.get("encoding", {}).get("y")
        if y is not None and y.get("field") == "label":
            y["sort"] = labels
    spec["title"], spec["description"] = title, description
    return spec


def summary_chart(groups: pd.DataFrame, reference_date, title: str, group_by: str) -> alt.LayerChart:
    """Collapsed view: one bar per group from first start to last end, coloured by rolled-up status."""
    frame = groups.assign(
        status_label=groups["status"].map(PROJECT_STATUS_LABELS).fillna(groups["status"]),
        period_text=[
            f"{fmt.date_short(s)} – {fmt.date_short(e)}"
            for s, e in zip(groups["start_date"], groups["end_date"], strict=True)
        ],
    )
    colours = {**PROJECT_STATUS_COLOURS}
    bars = (
        alt.Chart(frame)
        .mark_bar(height={"band": 0.7})
        .encode(
            x=alt.X("start_date:T", axis=alt.Axis(format="%b %Y", title=None)),
            x2="end_date:T",
            y=alt.Y("group:N", title=None, axis=alt.Axis(labelLimit=260)),
            color=alt.Color(
                "status:N",
                title="Status (slechtste telt)",
                scale=alt.Scale(domain=list(colours), range=list(colours.values())),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("group:N", title=group_by.capitalize()),
                alt.Tooltip("status_label:N", title="Status"),
                alt.Tooltip("projects:Q", title="Projecten"),
                alt.Tooltip("period_text:N", title="Looptijd"),
            ],
        )
    )
    today = (
        alt.Chart(pd.DataFrame({"date": [pd.Timestamp(reference_date)]}))
        .mark_rule(color="#000000", strokeWidth=2)
        .encode(x="date:T")
    )
    description = f"Gantt-diagram samengevat: per {group_by} de looptijd van alle projecten en de slechtste status."
    return (
        (bars + today).properties(height=alt.Step(26), title=title, description=description).configure(locale=NL_LOCALE)
    )
