"""Cached reads for the pages.

Each read is cached per data version: every write bumps the version in the database, so a change made
here or in another app instance on the same database is seen on the next run, without per-query
invalidation.
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
    )
}


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


@st.cache_data(show_spinner=False, max_entries=128)
def _read(url: str, name: str, version: int) -> pd.DataFrame:
    return READS[name](_engine(url))


class Snapshot:
    """The data as of one data version; pages ask it for frames by query name."""

    def __init__(self) -> None:
        self.url = database_url()
        self.version = versioning.current(_engine(self.url))

    def frame(self, name: str) -> pd.DataFrame:
        # A copy, so a page that adds columns never alters the cached frame.
        return _read(self.url, name, self.version).copy()


def snapshot() -> Snapshot:
    return Snapshot()


def engine() -> Engine:
    """The engine for write functions; their version bump makes every cached read fetch fresh data."""
    return _engine(database_url())
