"""Cached reads for the pages.

Each read is cached per data version: every write bumps the version in the database, so a change made
here is seen on the next run, and one made in another app instance on the same database within a second
(`versioning.recent`), without per-query invalidation.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from data_access import queries, versioning
from data_access.bootstrap import ensure_ready
from data_access.config import database_url

# Every cached read by name. Modules with reads of their own add them with `register_read`.
READS = {
    name: getattr(queries, name)
    for name in (
        "programmes",
        "wijken",
        "partners",
        "contracts",
        "report_moments",
        "projects",
        "project_partners",
        "status_updates",
        "milestones",
        "indicators",
        "targets",
        "measurements",
        "project_indicators",
        "budget_allocations",
        "charter_agreements",
        "charter_partners",
        "last_data_dates",
        "programme_totals",
    )
}


# Reads that can fetch one programme's rows only (a `programme=` argument): at national scale these tables
# hold hundreds of thousands of rows, and a page needs one programme's share.
PROGRAMME_READS = frozenset(
    {
        "projects",
        "project_partners",
        "project_indicators",
        "status_updates",
        "milestones",
        "measurements",
        "last_data_dates",
    }
)


def register_read(name: str, read: Callable[[Engine], pd.DataFrame]) -> None:
    if READS.get(name, read) is not read:
        raise ValueError(f"read {name!r} is already registered")
    READS[name] = read


class DatabaseUnavailable(Exception):
    pass


@st.cache_resource(show_spinner="Database wordt voorbereid…")
def _engine(url: str) -> Engine:
    try:
        return ensure_ready(url)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        raise DatabaseUnavailable(detail) from exc


# One frame per key, shared by all sessions (not pickled per call as st.cache_data would): readers get a
# shallow copy, and pandas' copy-on-write keeps any change a page makes out of the shared frame.
@st.cache_resource(show_spinner=False, max_entries=256)
def _read(url: str, name: str, version: int, programme: str | None = None) -> pd.DataFrame:
    if programme is None:
        return READS[name](_engine(url))
    return READS[name](_engine(url), programme=programme)


def own_copy(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame of the caller's own over shared data: copy-on-write copies a column only when it is changed."""
    return frame.copy(deep=False)


class Snapshot:
    """The data as of one data version; pages ask it for frames by query name."""

    def __init__(self) -> None:
        self.url = database_url()
        self.version = versioning.recent(_engine(self.url))

    @classmethod
    def of_version(cls, url: str, version: int) -> Snapshot:
        """The snapshot of a known version, for cached computations keyed on it (no database round trip)."""
        snap = cls.__new__(cls)
        snap.url, snap.version = url, version
        return snap

    def frame(self, name: str, programme: str | None = None) -> pd.DataFrame:
        """The read's frame; with `programme`, reads in PROGRAMME_READS return only that programme's rows
        (the others return every row, so callers still filter)."""
        scoped = programme if name in PROGRAMME_READS else None
        return own_copy(_read(self.url, name, self.version, scoped))

    def programme_reader(self, programme: str) -> Callable[[str], pd.DataFrame]:
        return lambda name: self.frame(name, programme)


def snapshot() -> Snapshot:
    return Snapshot()


def engine() -> Engine:
    """The engine for write functions; their version bump makes every cached read fetch fresh data."""
    return _engine(database_url())
