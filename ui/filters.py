"""Page filters that live in the URL by their codes (?thema=wonen&partner=YMERE&project=...).

Streamlit's own bind="query-params" writes the displayed label into the URL, which breaks links with
codes; here the code is the URL value and the label is only shown. The value is kept in a plain
session-state key, so it also survives a visit to another page. A URL value that differs from what the
page last wrote came from a link (a new tab, or an in-app link such as Charter -> Partners) and wins.
Link values that do not exist get a Dutch warning instead of being dropped silently.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

import streamlit as st


# Stores are per kind of control: ?partner= is a multiselect on one page and a single choice on another.
def _store(key: str, kind: str) -> str:
    return f"filter_{kind}_{key}"


def _widget(key: str, kind: str) -> str:
    return f"w_filter_{kind}_{key}"


def set_value(key: str, value, kind: str = "single") -> None:
    """Set a filter from code (e.g. a click in a chart); use from callbacks, before the widget is drawn."""
    st.session_state[_store(key, kind)] = value


def _sync_from_widget(key: str, kind: str) -> None:
    st.session_state[_store(key, kind)] = st.session_state[_widget(key, kind)]


def _written(key: str, kind: str) -> str:
    return f"url_{kind}_{key}"


def _write_url(key: str, kind: str, values: list[str]) -> None:
    st.session_state[_written(key, kind)] = values
    if not values:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != values:
        st.query_params[key] = values


def _linked(key: str, kind: str) -> list[str] | None:
    """The URL values of `key` when they came from a link rather than from this page; else None."""
    raw = [v for v in st.query_params.get_all(key) if v]
    if not raw or raw == st.session_state.get(_written(key, kind)):
        return None
    return raw


def _known(raw: list[str], options: Sequence[str], what: str) -> list[str]:
    unknown = [v for v in raw if v not in set(options)]
    if unknown:
        st.warning(f"Onbekende {what} in de link genegeerd: {', '.join(unknown)}.")
    return [v for v in raw if v in set(options)]


def multi(
    label: str, key: str, options: Sequence[str], what: str, format_func: Callable = str, container=st
) -> list[str]:
    """A multiselect whose chosen codes are in the URL as repeated `key` parameters."""
    options, store, widget = list(options), _store(key, "multi"), _widget(key, "multi")
    linked = _linked(key, "multi")
    if linked is not None:
        st.session_state[store] = _known(linked, options, what)
    elif store not in st.session_state:
        st.session_state[store] = []
    chosen = [v for v in st.session_state[store] if v in set(options)]
    st.session_state[store] = st.session_state[widget] = chosen
    container.multiselect(
        label,
        options,
        key=widget,
        format_func=format_func,
        placeholder="Alle",
        on_change=_sync_from_widget,
        args=(key, "multi"),
    )
    _write_url(key, "multi", chosen)
    return chosen


def single(
    label: str,
    key: str,
    options: Sequence[str],
    what: str,
    format_func: Callable = str,
    container=st,
    control: str = "selectbox",
) -> str:
    """One choice (the first option is the default and stays out of the URL)."""
    options, store, widget = list(options), _store(key, "single"), _widget(key, "single")
    linked = _linked(key, "single")
    if linked is not None:
        known = _known(linked[:1], options, what)
        st.session_state[store] = known[0] if known else options[0]
    elif store not in st.session_state:
        st.session_state[store] = options[0]
    if st.session_state[store] not in set(options):
        st.session_state[store] = options[0]
    st.session_state[widget] = st.session_state[store]
    draw = container.segmented_control if control == "segmented" else container.selectbox
    extra = {"required": True} if control == "segmented" else {}
    draw(
        label, options, key=widget, format_func=format_func, on_change=_sync_from_widget, args=(key, "single"), **extra
    )
    value = st.session_state[store]
    _write_url(key, "single", [] if value == options[0] else [value])
    return value


def date(label: str, key: str, what: str, container=st) -> dt.date | None:
    """An optional date (JJJJ-MM-DD in the URL)."""
    store, widget = _store(key, "date"), _widget(key, "date")
    linked = _linked(key, "date")
    if linked is not None:
        try:
            st.session_state[store] = dt.date.fromisoformat(linked[0])
        except ValueError:
            st.warning(f"{what.capitalize()} '{linked[0]}' in de link is geen datum (JJJJ-MM-DD) en is genegeerd.")
            st.session_state[store] = None
    elif store not in st.session_state:
        st.session_state[store] = None
    st.session_state[widget] = st.session_state[store]
    container.date_input(label, key=widget, format="DD-MM-YYYY", on_change=_sync_from_widget, args=(key, "date"))
    value = st.session_state[store]
    _write_url(key, "date", [value.isoformat()] if value else [])
    return value
