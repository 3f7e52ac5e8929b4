"""Reads and rendering helpers of the Stuurgroep page (meetings, their items and the pack tables)."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace

import altair as alt
import pandas as pd
import streamlit as st

from data_access import meetings as meeting_store
from domain import changes
from domain.changes import ProgrammeFrames
from domain.meeting_pack import MeetingPack, build_pack
from reports.tables import SPECS, display_frame

from . import format as fmt
from .charts import finish
from .data import Snapshot, own_copy, register_read
from .selection import Selection
from .tables import static_table, table_markup
from .target_settings import effective_settings

register_read("meetings", meeting_store.meetings)
register_read("meeting_items", meeting_store.meeting_items)
register_read("audit_changes", meeting_store.audit_changes)


def programme_frames(snap: Snapshot, sel: Selection) -> ProgrammeFrames:
    """The programme's frames at `snap.version`, restricted once and shared by every session."""
    shared = _shared_frames(snap.url, snap.version, sel.programme_code, sel.programme["city"])
    return ProgrammeFrames(**{f.name: own_copy(getattr(shared, f.name)) for f in fields(ProgrammeFrames)})


@st.cache_resource(show_spinner=False, max_entries=32)
def _shared_frames(url: str, version: int, code: str, city: str) -> ProgrammeFrames:
    return changes.programme_frames(Snapshot.of_version(url, version).programme_reader(code), code, city)


def programme_info(sel: Selection) -> dict:
    p = sel.programme
    return {"code": sel.programme_code, "name": p["name"], "city": p["city"], "central_budget": p["central_budget"]}


Cells = dict[str, str]  # table name -> its HTML (ui/tables.py)


def live_pack(
    snap: Snapshot, frames: ProgrammeFrames, sel: Selection, items: pd.DataFrame, previous: dt.date, meeting: dt.date
) -> tuple[MeetingPack, Cells]:
    """The pack computed from the current data, and the HTML of each of its tables.

    `frames` and `items` are the programme's frames at `snap.version`; pack and cells are computed once per
    data version and shared by every session with the same choice; the caller gets its own pack."""
    settings = effective_settings(snap)  # the target thresholds every page of this session uses
    info = programme_info(sel)
    pack, cells = _shared_pack(snap.url, snap.version, tuple(info.items()), previous, meeting, settings, frames, items)
    own = replace(pack, headline=dict(pack.headline), tables={k: own_copy(v) for k, v in pack.tables.items()})
    return own, cells


@st.cache_resource(show_spinner=False, max_entries=32, hash_funcs={ProgrammeFrames: lambda _: None})
def _shared_pack(
    url: str,
    version: int,
    programme: tuple,
    previous: dt.date,
    meeting: dt.date,
    settings,
    frames: ProgrammeFrames,
    items: pd.DataFrame,
) -> tuple[MeetingPack, Cells]:
    # The frames are not hashed (they follow from url, version and programme); the items are small.
    pack = build_pack(frames, items, dict(programme), previous, meeting, settings)
    cells = {
        name: table_markup(display_frame(name, frame), SPECS[name].title)
        for name, frame in pack.tables.items()
        if name in SPECS
    }
    return pack, cells


def table(name: str, frame: pd.DataFrame, cells: Cells | None = None) -> None:
    """A pack table under its Dutch headers, or the spec's 'nothing here' sentence; `cells` are the live
    pack's tables (live_pack), used when this is its table.

    As a plain table, like the printed pack: these are lists to go through in the meeting."""
    spec = SPECS[name]
    if frame.empty:
        st.caption(spec.empty)
        return
    if cells is not None and name in cells:
        st.html(cells[name])
    else:
        static_table(display_frame(name, frame), spec.title)


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
