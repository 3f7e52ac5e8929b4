"""Page filters bound to the URL (Streamlit's bind="query-params"), with a Dutch warning for link values
that do not exist, instead of dropping them silently."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import streamlit as st


def warn_unknown(key: str, options: Sequence, what: str) -> None:
    """Tell the user which values of query parameter `key` are not among the options."""
    known = {str(o) for o in options}
    unknown = [v for v in st.query_params.get_all(key) if v and v not in known]
    if unknown:
        st.warning(f"Onbekende {what} in de link genegeerd: {', '.join(unknown)}.")


def multi(label: str, key: str, options: Sequence, what: str, format_func: Callable = str, container=st) -> list:
    warn_unknown(key, options, what)
    return container.multiselect(
        label, list(options), key=key, format_func=format_func, bind="query-params", placeholder="Alle"
    )


def single(label: str, key: str, options: Sequence, what: str, format_func: Callable = str, container=st):
    warn_unknown(key, options, what)
    return container.selectbox(label, list(options), key=key, format_func=format_func, bind="query-params")
