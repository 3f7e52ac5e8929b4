"""Building blocks of the Beheer page: cached reads, problem and summary tables, audit-log downloads."""

from __future__ import annotations

import datetime as dt
import functools
import io
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from data_access import auditlog
from data_access.csv_spec import TableSpec
from data_access.csv_validation import Problem
from data_access.edits import BULK_TABLES, Conflict, editable_frame
from data_access.records import cell_text
from domain.audit import readable
from domain.spreadsheet_safety import safe_frame

from . import format as fmt
from .data import READS, register_read

if "audit_log" not in READS:
    register_read("audit_log", auditlog.audit_frame)
for _table in BULK_TABLES:
    if f"bewerkbaar:{_table}" not in READS:
        register_read(f"bewerkbaar:{_table}", functools.partial(editable_frame, table=_table))

# The page's tabs; only the open one is built (ui.widgets.lazy_tabs).
TABS = ("Import", "Statusupdate", "Metingen", "Bulk bewerken", "Grenzen", "Back-up", "Auditlog")
TAB_KEY = "beheer_tab"

TABLE_LABELS = {
    "programme": "Programma's",
    "wijk": "Wijken",
    "partner": "Partners",
    "contract": "Contracten",
    "report_moment": "Rapportagemomenten",
    "project": "Projecten",
    "project_partner": "Projectpartners (budget)",
    "milestone": "Mijlpalen",
    "status_update": "Statusupdates",
    "indicator": "Indicatoren",
    "target": "Doelen",
    "measurement": "Metingen",
    "budget_allocation": "Centraal budget",
    "charter_agreement": "Charterafspraken",
    "charter_partner": "Charterpartners",
    "project_indicator": "Projectbijdragen aan indicatoren",
    "app_user": "Gebruikers",
    "scenario": "Scenario's",
    "audit_log": "Auditlog",
    "wijk_boundary": "Wijkgrenzen",
    "setting": "Instellingen",
    "meeting": "Stuurgroepvergaderingen",
    "meeting_item": "Besluiten en acties",
    "*": "Hele database",
}


def table_label(table: str) -> str:
    return f"{TABLE_LABELS.get(table, table)} ({table})" if table != "*" else TABLE_LABELS["*"]


def problems_frame(problems: list[Problem]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Bestand": [p.file or "" for p in problems],
            "Regel": [fmt.number(p.line) if p.line else "" for p in problems],
            "Kolom": [p.column or "" for p in problems],
            "Probleem": [p.message for p in problems],
        }
    )


def show_problems(problems: list[Problem], intro: str) -> None:
    st.error(f"{intro} {fmt.number(len(problems))} probleem/problemen gevonden; er is niets opgeslagen.")
    st.dataframe(problems_frame(problems), hide_index=True, width="stretch")


def show_conflicts(conflicts: list[Conflict]) -> None:
    for c in conflicts:
        who = c.changed_by or "een ander"
        when = ""
        if c.changed_at:
            local = local_time(c.changed_at)
            when = f" op {fmt.date_long(local.date())} om {local:%H:%M}"
        verb = "verwijderd" if c.current is None else "gewijzigd"
        st.error(
            f"**{table_label(c.table)} · {c.key}** is intussen {verb} door {who}{when}. "
            "Uw wijziging is niet opgeslagen."
        )
        rows = []
        for column in sorted(set(c.old or {}) | set(c.new or {})):
            rows.append({"Kolom": column, "Was": (c.old or {}).get(column), "Werd": (c.new or {}).get(column)})
        if rows:
            st.caption("De wijziging van de ander:")
            st.dataframe(pd.DataFrame(rows).astype(str), hide_index=True)
        if c.current is not None:
            st.caption("Nu opgeslagen:")
            st.dataframe(pd.DataFrame([c.current]).astype(str), hide_index=True)


def changed_rows(spec: TableSpec, base: pd.DataFrame, edited: pd.DataFrame) -> tuple[list[dict], list[int]]:
    """Rows of the data editor that differ from what was loaded (new rows included), and the numbers of
    existing rows whose key columns were changed (those are not saved)."""
    columns = list(spec.column_names)
    key = set(spec.keys[0])

    def texts(row: pd.Series) -> dict[str, str]:
        return {c: cell_text(row[c], spec.column(c).kind) for c in columns}

    rows, key_changes = [], []
    for i in range(len(edited)):
        row = edited.iloc[i]
        if i >= len(base) and not any(texts(row).values()):
            continue  # an empty row the editor added
        if i < len(base):
            before, after = texts(base.iloc[i]), texts(row)
            if before == after:
                continue
            if any(before[c] != after[c] for c in key):
                key_changes.append(i + 1)
                continue
        rows.append(row.to_dict())
    return rows, key_changes


def bulk_editor_start(state: dict, table: str, base: pd.DataFrame, editor_alive: bool) -> pd.DataFrame:
    """The frame the bulk editor of `table` starts from: what was loaded (`base`), or what the user had typed.

    The editor is drawn only while its tab is open, and Streamlit forgets a widget's edits in a run that does
    not draw it; so each run's result is kept with keep_bulk_draft() and a fresh editor starts from it. A
    living editor keeps the frame it started from: its edits are relative to that frame."""
    starts = state.setdefault("starts", {})
    if not editor_alive or table not in starts:
        starts[table] = state.get("drafts", {}).get(table, base)
    return starts[table]


def keep_bulk_draft(state: dict, table: str, edited: pd.DataFrame) -> None:
    state.setdefault("drafts", {})[table] = edited


def forget_bulk(bases: dict, state: dict, also: tuple[str, ...] = ()) -> None:
    """After a save: forget the loaded data of every bulk table without typed edits (it is reloaded) and
    of the tables in `also` (just saved, or reloaded on request). Typed edits of other tables are kept
    with the data they were typed on; a save refuses them if that data has changed since (versions)."""
    drafts, starts = state.get("drafts", {}), state.get("starts", {})
    untouched = [t for t in bases if t not in drafts or drafts[t].equals(bases[t])]
    for table in {*untouched, *also}:
        bases.pop(table, None)
        drafts.pop(table, None)
        starts.pop(table, None)


def summary_frame(summary) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Tabel": [table_label(s.table) for s in summary],
            "Toegevoegd": [s.added for s in summary],
            "Gewijzigd": [s.changed for s in summary],
            "Ongewijzigd": [s.unchanged for s in summary],
            "Gewijzigde kolommen": [
                ", ".join(f"{c} ({fmt.number(n)}×)" for c, n in s.changed_columns.items()) for s in summary
            ],
        }
    )


LOCAL_ZONE = ZoneInfo("Europe/Amsterdam")


def local_time(at: dt.datetime) -> dt.datetime:
    """An audit time (naive UTC, as stored) in Dutch local time."""
    return at.replace(tzinfo=dt.UTC).astimezone(LOCAL_ZONE)


def moment(at: dt.datetime) -> str:
    """'5 jan 2026 11:30:00' in Dutch local time."""
    local = local_time(at)
    return f"{fmt.date_short(local.date())} {local:%H:%M:%S}"


def audit_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The readable log with the time as text in Dutch notation and local time."""
    out = readable(frame).rename(columns={"Tijdstip (UTC)": "Tijdstip"})
    out["Tijdstip"] = [moment(t.to_pydatetime()) for t in frame["at"]]
    return out


def audit_csv(frame: pd.DataFrame) -> bytes:
    out = safe_frame(audit_table(frame)).to_csv(index=False)
    return ("\ufeff" + out).encode("utf-8")


def audit_xlsx(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    table = readable(frame)  # the time as a real date-time cell, in UTC as stored
    safe_frame(table).to_excel(out, index=False, sheet_name="auditlog", engine="openpyxl")
    return out.getvalue()
