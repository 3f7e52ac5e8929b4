"""Page filters that live in the URL by their codes (?thema=wonen&partner=YMERE&project=...).

Streamlit's own bind="query-params" writes the displayed label into the URL, which breaks links with
codes; here the code is the URL value and the label is only shown. The value is kept in a plain
session-state key, so it also survives a visit to another page. Link values that do not exist get a
Dutch warning instead of being dropped silently.
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


def _write_url(key: str, values: list[str]) -> None:
    if not values:
        if key in st.query_params:
            del st.query_params[key]
    elif st.query_params.get_all(key) != values:
        st.query_params[key] = values


def _initial(key: str, options: Sequence[str], what: str) -> list[str]:
    raw = [v for v in st.query_params.get_all(key) if v]
    unknown = [v for v in raw if v not in set(options)]
    if unknown:
        st.warning(f"Onbekende {what} in de link genegeerd: {', '.join(unknown)}.")
    return [v for v in raw if v in set(options)]


def multi(
    label: str, key: str, options: Sequence[str], what: str, format_func: Callable = str, container=st
) -> list[str]:
    """A multiselect whose chosen codes are in the URL as repeated `key` parameters."""
    options, store, widget = list(options), _store(key, "multi"), _widget(key, "multi")
    if store not in st.session_state:
        st.session_state[store] = _initial(key, options, what)
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
    _write_url(key, chosen)
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
    if store not in st.session_state:
        initial = _initial(key, options, what)
        st.session_state[store] = initial[0] if initial else options[0]
    if st.session_state[store] not in set(options):
        st.session_state[store] = options[0]
    st.session_state[widget] = st.session_state[store]
    draw = container.segmented_control if control == "segmented" else container.selectbox
    extra = {"required": True} if control == "segmented" else {}
    draw(
        label, options, key=widget, format_func=format_func, on_change=_sync_from_widget, args=(key, "single"), **extra
    )
    value = st.session_state[store]
    _write_url(key, [] if value == options[0] else [value])
    return value


def date(label: str, key: str, what: str, container=st) -> dt.date | None:
    """An optional date (JJJJ-MM-DD in the URL)."""
    store, widget = _store(key, "date"), _widget(key, "date")
    if store not in st.session_state:
        text = st.query_params.get(key)
        try:
            value = dt.date.fromisoformat(text) if text else None
        except ValueError:
            st.warning(f"{what.capitalize()} '{text}' in de link is geen datum (JJJJ-MM-DD) en is genegeerd.")
            value = None
        st.session_state[store] = value
    st.session_state[widget] = st.session_state[store]
    container.date_input(label, key=widget, format="DD-MM-YYYY", on_change=_sync_from_widget, args=(key, "date"))
    value = st.session_state[store]
    _write_url(key, [value.isoformat()] if value else [])
    return value
