"""Project status as of a reference date, computed from the status history.

Rules (one place):
- The status of a project on a date is that of its latest update on or before that date; a project
  without any update by then is "niet gestart".
- A running project (op schema, aandacht, vertraagd, or started without any update) whose latest update
  is older than the reporting rhythm is "verouderd" (stale). Finished and stopped projects never are.
- A project is "over tijd" when its end date has passed and it is neither finished nor stopped.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

STATUSES = ("niet gestart", "op schema", "aandacht", "vertraagd", "afgerond", "gestopt")
RUNNING = ("op schema", "aandacht", "vertraagd")
CLOSED = ("afgerond", "gestopt")
DEFAULT_RHYTHM_DAYS = 28


def project_status(
    projects: pd.DataFrame,
    updates: pd.DataFrame,
    reference_date: dt.date,
    rhythm_days: int = DEFAULT_RHYTHM_DAYS,
) -> pd.DataFrame:
    """One row per project (same order): status, progress, last_update, stale, overdue.

    `projects` needs code, start_date, end_date; `updates` needs project_code, update_date, status,
    progress. Updates after the reference date are ignored, so an earlier date shows how things stood.
    """
    ref = pd.Timestamp(reference_date)
    known = updates[updates["update_date"] <= ref]
    latest = (
        known.sort_values("update_date")
        .groupby("project_code")
        .tail(1)[["project_code", "status", "progress", "update_date"]]
        .rename(columns={"project_code": "code", "update_date": "last_update"})
    )
    out = projects[["code", "start_date", "end_date"]].merge(latest, on="code", how="left")
    out["status"] = out["status"].astype(object).where(out["status"].notna(), "niet gestart")
    out["progress"] = pd.to_numeric(out["progress"]).fillna(0).astype(int)
    out["last_update"] = pd.to_datetime(out["last_update"])
    started = out["start_date"] <= ref
    expected_to_report = out["status"].isin(RUNNING) | ((out["status"] == "niet gestart") & started)
    since = out["last_update"].fillna(out["start_date"])
    out["days_since_update"] = (ref - since).dt.days
    out["stale"] = expected_to_report & (out["days_since_update"] > rhythm_days)
    out["overdue"] = (out["end_date"] < ref) & ~out["status"].isin(CLOSED)
    return out.drop(columns=["start_date", "end_date"]).reset_index(drop=True)


def status_counts(statuses: pd.Series) -> pd.Series:
    """Counts for every status in the fixed order, zeros included."""
    return statuses.value_counts().reindex(list(STATUSES), fill_value=0).astype(int)
