"""Wijkaanpak-dashboard: entry point. Page setup and the navigation; each page renders the selection."""

import copy

import streamlit as st

from data_access.access import EDIT_PROJECT, MANAGE
from ui import auth
from ui.a11y import document_language
from ui.gc_tuning import tune_once
from ui.session_memo import per_session

tune_once()  # once per server process: see ui/gc_tuning.py
st.set_page_config(page_title="Wijkaanpak-dashboard", page_icon=":material/holiday_village:", layout="wide")
document_language()  # <html lang="nl">


def navigation_pages(manage: str, edit: str) -> list[st.Page]:
    """The pages in navigation order; `manage` and `edit` are the visibility of the pages behind a right."""
    return [
        st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", default=True),
        st.Page("pages/stuurgroep.py", title="Stuurgroep", icon=":material/groups:"),
        st.Page("pages/wijkprofiel.py", title="Wijkprofiel", icon=":material/location_city:"),
        st.Page("pages/doelen.py", title="Doelen & indicatoren", icon=":material/flag:"),
        st.Page("pages/planning.py", title="Planning", icon=":material/view_timeline:"),
        st.Page("pages/partners.py", title="Partners", icon=":material/handshake:"),
        st.Page("pages/wat_als.py", title="Wat als", icon=":material/calculate:"),
        st.Page("pages/charter.py", title="Charter", icon=":material/gavel:"),
        st.Page("pages/gebruikers.py", title="Gebruikers", icon=":material/group:", visibility=manage),
        st.Page("pages/beheer.py", title="Beheer", icon=":material/database:", visibility=edit),
    ]


# st.Page looks its file up on disk, about 0.5 ms a page on every run: a session keeps its pages while its
# rights stay the same. Each run gets copies: st.navigation and Page.run flag the page to run on the object,
# and a stopped run may still reach page.run() while the next run has begun.
PAGES = [
    copy.copy(p) for p in per_session("pages", (auth.shown_to(MANAGE), auth.shown_to(EDIT_PROJECT)), navigation_pages)
]

# A browser that may not see data (lokale modus from another address, not logged in, not admitted) gets
# only the refusal.
page = st.navigation(auth.navigation_pages(PAGES))
# Each page its own document title, for browser tabs, history and screen readers (WCAG 2.4.2).
st.set_page_config(page_title=f"{page.title} · Wijkaanpak-dashboard")
page.run()
