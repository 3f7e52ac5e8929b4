"""What every page does first: database check, the shared selection in the sidebar, empty-data notice.

Pages call `begin()` themselves rather than relying on the entry script: Streamlit runs a page file
directly (without dashboard.py) on the first run of a fresh server process when a `pages/` folder
exists, e.g. for a deep link from a meeting agenda.
"""

from __future__ import annotations

import streamlit as st

from . import format as fmt
from . import selection
from .data import DatabaseUnavailable, Snapshot, snapshot
from .selection import Selection


def begin() -> tuple[Selection, Snapshot]:
    """Render the sidebar selection; stops the page with a Dutch message when there is nothing to show."""
    st.sidebar.markdown("**Wijkaanpak-dashboard**")
    try:
        snap = snapshot()
    except DatabaseUnavailable as exc:
        st.error(
            "De database is niet bereikbaar. Controleer DATABASE_URL (of .streamlit/secrets.toml) en of de "
            f"databaseserver draait.\n\nMelding: {exc}"
        )
        st.stop()
    sel = selection.sidebar(snap)
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
