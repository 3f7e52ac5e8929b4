"""Milestones as of a reference date.

- done: completed on or before the reference date (a later completion did not exist yet then);
- te laat (overdue): due before the reference date and not done by then;
- binnenkort (due soon): not done, due within `horizon_days` from the reference date (inclusive).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

DUE_SOON_DAYS = 28


def milestone_state(
    milestones: pd.DataFrame, reference_date: dt.date, horizon_days: int = DUE_SOON_DAYS
) -> pd.DataFrame:
    """Adds done, overdue, due_soon and days_late columns (days_late: past due and not done, else 0)."""
    ref = pd.Timestamp(reference_date)
    out = milestones.copy()
    out["done"] = out["done_date"].notna() & (out["done_date"] <= ref)
    out["overdue"] = ~out["done"] & (out["due_date"] < ref)
    out["due_soon"] = (
        ~out["done"] & (out["due_date"] >= ref) & (out["due_date"] <= ref + pd.Timedelta(days=horizon_days))
    )
    out["days_late"] = ((ref - out["due_date"]).dt.days).where(out["overdue"], 0).astype(int)
    return out
