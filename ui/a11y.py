"""Accessibility fixes the app applies on every page."""

from __future__ import annotations

import streamlit as st

# Streamlit hard-codes <html lang="en"> (streamlit/streamlit#15726, open), so screen readers would read the Dutch
# pages with English pronunciation (WCAG 3.1.1). The script sets the document language; the style hides the
# otherwise empty element it lives in (no other st.html in the app runs a script).
_DOCUMENT_LANGUAGE = (
    "<script>document.documentElement.lang = 'nl';</script>"
    "<style>[data-testid='stElementContainer']:has(> [data-testid='stHtml'] > script)"
    "{display: none;}</style>"
)


def document_language() -> None:
    """Declare the page language as Dutch (nl)."""
    st.html(_DOCUMENT_LANGUAGE, unsafe_allow_javascript=True)
