"""What every page does first: database check, the shared selection in the sidebar, empty-data notice.

Streamlit still has a legacy mode for apps with a `pages/` folder: until some run has called
st.navigation, a deep link (e.g. /planning from a meeting agenda) runs the page file directly, without
dashboard.py, and shows a navigation built from file names. `begin()` detects that mode, switches it
off and reruns, so the entry script builds the real navigation and opens the same page.
"""

from __future__ import annotations

import streamlit as st

from . import auth, selection
from . import format as fmt
from .data import DatabaseUnavailable, Snapshot, snapshot
from .selection import Selection


def _leave_legacy_pages_mode() -> None:
    from streamlit.runtime.pages_manager import PagesManager

    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False  # what st.navigation itself sets
        st.rerun()


def begin(require_data: bool = True) -> tuple[Selection, Snapshot]:
    """Render the sidebar selection; stops the page with a Dutch message when there is nothing to show.

    With `require_data=False` (the Beheer page, which can fill an empty database) the selection is None
    for an empty database instead."""
    _leave_legacy_pages_mode()
    st.sidebar.markdown("**Wijkaanpak-dashboard**")
    auth.gate()  # lokale modus from another address, not logged in or not admitted: stops here
    try:
        snap = snapshot()
    except DatabaseUnavailable as exc:
        st.error(
            "De database is niet bereikbaar. Controleer DATABASE_URL (of .streamlit/secrets.toml) en of de "
            f"databaseserver draait.\n\nMelding: {exc}"
        )
        st.stop()
    sel = selection.sidebar(snap)
    if sel is None and not require_data:
        return None, snap
    if sel is None:
        st.info(
            "De database bevat nog geen gegevens. Laad een map met CSV-bestanden met "
            "`python -m data_access seed MAP` (zie README), bijvoorbeeld de voorbeelddata in `sample_data/`."
        )
        st.stop()
    if "voorbeelddata" in str(sel.programme.get("description") or "").lower():
        st.sidebar.caption("Voorbeelddata: illustratieve cijfers, geen officiële gegevens.")
    st.sidebar.caption(f"Peildatum: {fmt.date_long(sel.reference_date)}")
    return sel, snap
