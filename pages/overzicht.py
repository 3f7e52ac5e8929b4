"""Overzicht: the programme at a glance, every figure computed from the database."""

from functools import partial

import streamlit as st

from domain.project_status import DEFAULT_RHYTHM_DAYS
from ui import format as fmt
from ui import page
from ui.figures import overview_figures, programme_data, selection_key
from ui.overview_tables import budget_categories, programme_table, wijk_table
from ui.style import PROJECT_STATUS_COLOURS, PROJECT_STATUS_LABELS, TARGET_STATUS_COLOURS
from ui.tables import shared_table
from ui.widgets import status_counts_section, target_rule_caption

sel, snap = page.begin()
data = programme_data(snap, sel)
figures = overview_figures(snap, sel)
key = selection_key(snap, sel)  # the tables below are the same for everyone with this key
prog = sel.programme
ov = figures.overview

st.title(f"Overzicht · {prog['name']}")
st.caption(
    f"{prog['city']} · looptijd {fmt.date_long(prog['start_date'])} tot {fmt.date_long(prog['end_date'])} · "
    f"stand op peildatum {fmt.date_long(sel.reference_date)}"
)

c = st.columns(5)
c[0].metric("Wijken", fmt.number(ov.wijken))
c[1].metric("Contracten", fmt.number(ov.contracts))
c[2].metric("Projecten", fmt.number(ov.projects))
c[3].metric(
    "Partnerbijdragen",
    fmt.euro_compact(ov.partner_contributions),
    help=f"Som van de bijdragen van alle partners aan de projecten: {fmt.euro(ov.partner_contributions)}",
)
c[4].metric("Partners betrokken", fmt.number(ov.partners_involved))

left, right = st.columns(2)
with left:
    st.subheader("Projecten naar status")
    status_counts_section(
        ov.project_status, PROJECT_STATUS_COLOURS, PROJECT_STATUS_LABELS, "projecten", sel.reference_date, key
    )
    st.caption(
        f"{ov.stale_projects} lopende projecten zijn verouderd (langer dan {DEFAULT_RHYTHM_DAYS} dagen geen "
        f"statusupdate); {ov.overdue_projects} projecten zijn over tijd (einddatum voorbij, niet afgerond)."
    )
with right:
    st.subheader("Doelen naar status")
    if ov.target_status.sum() == 0:
        st.info("Voor dit programma zijn geen meetbare doelen vastgelegd.")
    else:
        status_counts_section(ov.target_status, TARGET_STATUS_COLOURS, {}, "doelen", sel.reference_date, key)
        target_rule_caption()

st.subheader("Centraal budget")
cb = ov.central_budget
if cb.total == 0 and data.allocations.empty:
    st.info("Dit programma heeft geen centraal budget in de gegevens.")
else:
    b = st.columns(5)
    b[0].metric("Centraal budget", fmt.euro(cb.total))
    b[1].metric("Toegekend", fmt.euro(cb.approved))
    b[2].metric("Besteed", fmt.euro(cb.spent))
    b[3].metric("Nog beschikbaar", fmt.euro(cb.remaining))
    b[4].metric("Aangevraagd, niet toegekend", fmt.euro(cb.pending_requests))
    if cb.over_allocated:
        st.error(f"Er is {fmt.euro(-cb.remaining)} meer toegekend dan het centrale budget.")
    shared_table(
        (*key, "budget_categories"), "Centraal budget per categorie", partial(budget_categories, data.allocations)
    )

st.subheader("Per wijk")
shared_table(
    (*key, "wijken"),
    "Per wijk",
    partial(wijk_table, figures.per_wijk, sel.programme_code, sel.reference_date),
    links={"Profiel": "Openen"},  # the row and column name the wijk and purpose
)

st.caption(
    "Status per wijk: de slechtste status van de lopende projecten (vertraagd boven aandacht boven op schema); "
    "zonder lopende projecten 'afgerond' als alles klaar is, anders 'niet gestart'."
)

st.subheader("Alle programma's")
shared_table((*key, "programmes"), "Alle programma's", partial(programme_table, figures.comparison))
