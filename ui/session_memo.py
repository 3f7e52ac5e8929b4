"""Values a browser session builds once and keeps while their inputs stay the same."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

T = TypeVar("T")


def per_session(name: str, args: tuple[Hashable, ...], build: Callable[..., T]) -> T:
    """`build(*args)`, kept in this session's state and built again only when `args` change.

    For objects that are costly to make on every run but must not be shared between sessions (Streamlit
    changes its st.Page objects while a run uses them)."""
    key = f"_per_session_{name}"
    known = st.session_state.get(key)
    if known is not None and known[0] == args:
        return known[1]
    value = build(*args)
    st.session_state[key] = (args, value)
    return value
