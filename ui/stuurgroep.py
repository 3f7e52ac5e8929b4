"""Reads and rendering helpers of the Stuurgroep page (meetings, their items and the pack tables)."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from data_access import meetings as meeting_store
from domain.changes import ProgrammeFrames
from domain.meeting_pack import MeetingPack, build_pack
from reports.tables import SPECS, display_frame

from . import format as fmt
from .charts import finish
from .data import Snapshot, register_read
from .selection import Selection

register_read("meetings", meeting_store.meetings)
register_read("meeting_items", meeting_store.meeting_items)
register_read("audit_changes", meeting_store.audit_changes)


def programme_frames(snap: Snapshot, sel: Selection) -> ProgrammeFrames:
    code = sel.programme_code
    projects = snap.frame("projects")
    projects = projects[projects["programme_code"] == code].reset_index(drop=True)
    codes = set(projects["code"])
    updates = snap.frame("status_updates")
    milestones = snap.frame("milestones")
    partners = snap.frame("project_partners")
    wijken = snap.frame("wijken")
    targets = snap.frame("targets")
    measurements = snap.frame("measurements")
    allocations = snap.frame("budget_allocations")
    charter = snap.frame("charter_agreements")
    return ProgrammeFrames(
        projects=projects,
        updates=updates[updates["project_code"].isin(codes)],
        milestones=milestones[milestones["project_code"].isin(codes)],
        project_partners=partners[partners["project_code"].isin(codes)],
        wijken=wijken[wijken["programme_code"] == code].reset_index(drop=True),
        targets=targets[targets["programme_code"] == code].reset_index(drop=True),
        indicators=snap.frame("indicators"),
        measurements=measurements[measurements["city"] == sel.programme["city"]],
        allocations=allocations[allocations["programme_code"] == code],
        charter=charter[charter["programme_code"] == code].reset_index(drop=True),
        charter_partners=snap.frame("charter_partners"),
        audit=snap.frame("audit_changes"),
    )


def programme_info(sel: Selection) -> dict:
    p = sel.programme
    return {"code": sel.programme_code, "name": p["name"], "city": p["city"], "central_budget": p["central_budget"]}


def live_pack(
    frames: ProgrammeFrames, sel: Selection, items: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> MeetingPack:
    return build_pack(frames, items, programme_info(sel), previous, meeting)


def table(name: str, frame: pd.DataFrame, key: str | None = None) -> None:
    """A pack table under its Dutch headers, or the spec's 'nothing here' sentence."""
    spec = SPECS[name]
    if frame.empty:
        st.caption(spec.empty)
        return
    st.dataframe(display_frame(name, frame), hide_index=True, width="stretch", key=key)


def changes_per_wijk_chart(by_wijk: pd.DataFrame, previous: dt.date, meeting: dt.date) -> alt.Chart:
    """Bars of the number of changes per wijk, the count as a label on each bar (readable without colour)."""
    data = pd.DataFrame({"wijk": by_wijk["wijk_name"], "aantal": by_wijk["total"].astype(int)})
    base = alt.Chart(data).encode(
        y=alt.Y("wijk:N", title=None, sort=list(data["wijk"]), axis=alt.Axis(labelLimit=320)),
        x=alt.X("aantal:Q", title="Aantal wijzigingen", axis=alt.Axis(format="d", tickMinStep=1)),
        tooltip=[alt.Tooltip("wijk:N", title="Wijk"), alt.Tooltip("aantal:Q", title="Wijzigingen")],
    )
    chart = base.mark_bar(color="#0072B2") + base.mark_text(align="left", dx=4, color="#222222").encode(text="aantal:Q")
    description = (
        f"Staafdiagram: aantal wijzigingen per wijk tussen {fmt.date_long(previous)} en {fmt.date_long(meeting)}, "
        f"{int(data['aantal'].sum())} in totaal."
    )
    return finish(chart.properties(height=alt.Step(26)), "Wijzigingen per wijk", description)
