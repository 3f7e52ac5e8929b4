"""The audit log as people read it: filters, and each change as 'column: old → new'."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd

ACTIONS = {"insert": "toegevoegd", "update": "gewijzigd", "delete": "verwijderd", "import": "import"}


def filter_audit(
    frame: pd.DataFrame,
    tables: list[str] | None = None,
    actors: list[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    key: str = "",
) -> pd.DataFrame:
    """Entries of the given tables and actors, from start to end (whole days, inclusive), whose key
    contains `key` (case-insensitive)."""
    keep = pd.Series(True, index=frame.index)
    if tables:
        keep &= frame["table_name"].isin(tables)
    if actors:
        keep &= frame["actor"].isin(actors)
    if start is not None:
        keep &= frame["at"] >= pd.Timestamp(start)
    if end is not None:
        keep &= frame["at"] < pd.Timestamp(end + dt.timedelta(days=1))
    if key.strip():
        keep &= frame["row_key"].str.contains(key.strip(), case=False, regex=False)
    return frame[keep]


def _values(text: str | None) -> dict:
    if not text:
        return {}
    value = json.loads(text)
    return value if isinstance(value, dict) else {"": value}


def _shown(value: object) -> str:
    return "(leeg)" if value is None or value == "" else str(value)


def describe_change(old_values: str | None, new_values: str | None) -> str:
    """'status: op schema → aandacht; progress: 40 → 45'; a new row lists its values, a removed one its old."""
    old, new = _values(old_values), _values(new_values)
    if old and new:
        return "; ".join(f"{c}: {_shown(old.get(c))} → {_shown(new.get(c))}" for c in sorted(set(old) | set(new)))
    values = new or old
    return "; ".join(f"{c}: {_shown(v)}" for c, v in values.items())


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The log with Dutch column names, for the screen and the export."""
    return pd.DataFrame(
        {
            "Tijdstip (UTC)": frame["at"],
            "Wie": frame["actor"],
            "Actie": frame["action"].map(ACTIONS).fillna(frame["action"]),
            "Tabel": frame["table_name"],
            "Sleutel": frame["row_key"],
            "Wijziging": [describe_change(o, n) for o, n in zip(frame["old_values"], frame["new_values"], strict=True)],
            "Oude waarden": frame["old_values"].fillna(""),
            "Nieuwe waarden": frame["new_values"].fillna(""),
        }
    )
