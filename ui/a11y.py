"""Accessibility fixes the app applies on every page."""

from __future__ import annotations

import streamlit as st

from .tables import ALIGNMENT_CSS

# Streamlit hard-codes <html lang="en"> (streamlit/streamlit#15726, open), so screen readers would read the Dutch
# pages with English pronunciation (WCAG 3.1.1). The script sets the document language; the style hides the
# otherwise empty element it lives in (no other st.html in the app runs a script). The same style element
# carries the right alignment of the static tables (ui/tables.py).
_DOCUMENT_LANGUAGE = (
    "<script>document.documentElement.lang = 'nl';</script>"
    "<style>[data-testid='stElementContainer']:has(> [data-testid='stHtml'] > script)"
    "{display: none;}"
    f"{ALIGNMENT_CSS}</style>"
)


def document_language() -> None:
    """Declare the page language as Dutch (nl)."""
    st.html(_DOCUMENT_LANGUAGE, unsafe_allow_javascript=True)
