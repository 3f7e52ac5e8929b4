"""Wijkaanpak-dashboard: entry point. Page setup, the shared selection and the navigation."""

import streamlit as st

from ui import format as fmt
from ui import selection
from ui.data import DatabaseUnavailable, snapshot

st.set_page_config(page_title="Wijkaanpak-dashboard", page_icon=":material/holiday_village:", layout="wide")

PAGES = [
    st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", url_path="overzicht", default=True),
    st.Page("pages/wijkprofiel.py", title="Wijkprofiel", icon=":material/location_city:", url_path="wijkprofiel"),
]

navigation = st.navigation(PAGES)
st.sidebar.title("Wijkaanpak")
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
st.session_state["selection"] = sel
if "voorbeelddata" in str(sel.programme.get("description") or "").lower():
    st.sidebar.caption("Voorbeelddata: illustratieve cijfers, geen officiële gegevens.")
st.sidebar.caption(f"Peildatum: {fmt.date_long(sel.reference_date)}")
navigation.run()
