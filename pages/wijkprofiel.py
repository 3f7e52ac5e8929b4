"""Wijkprofiel: one wijk on one screen: contract, partners, projects with status, targets.

The tables are short (one wijk) and only read: plain tables, shared by every session (ui/tables.py)."""

from functools import partial

import pandas as pd
import streamlit as st

from domain.overview import partner_summary
from domain.project_status import status_counts
from ui import format as fmt
from ui import page, selection
from ui.figures import programme_data, selection_key
from ui.tables import escape_markdown, shared_table
from ui.widgets import target_rule_caption
from ui.wijk_profile import partner_table, project_table, target_table

sel, snap = page.begin()
data = programme_data(snap, sel)

if sel.wijk_code is None:
    st.title("Wijkprofiel")
    st.write("Kies een wijk (ook mogelijk in de zijbalk):")
    cols = st.columns(3)
    for i, w in enumerate(data.wijken.itertuples()):
        cols[i % 3].button(w.name, key=f"pick_{w.code}", on_click=selection.choose_wijk, args=(w.code,))
    st.stop()

wijk = data.wijken.set_index("code").loc[sel.wijk_code]
key = (*selection_key(snap, sel), "wijkprofiel", sel.wijk_code)  # the tables are the same for everyone with it
st.title(wijk["name"])
facts = [wijk["kind"], wijk["city"]]
if pd.notna(wijk["district"]):
    facts.append(f"stadsdeel/wijk {wijk['district']}")
if pd.notna(wijk["population"]):
    facts.append(f"{fmt.number(wijk['population'])} inwoners")
if pd.notna(wijk["cbs_code"]):
    facts.append(f"CBS {wijk['cbs_code'].replace(';', ', ')}")
st.caption(" · ".join(facts) + f" · stand op peildatum {fmt.date_long(sel.reference_date)}")

projects = data.projects[data.projects["wijk_code"] == sel.wijk_code]
targets = data.targets[data.targets["wijk_code"] == sel.wijk_code]
counts = status_counts(projects["status"])

c = st.columns(5)
c[0].metric("Projecten", fmt.number(len(projects)))
c[1].metric("Op schema", fmt.number(counts["op schema"]))
c[2].metric("Aandacht / vertraagd", f"{counts['aandacht']} / {counts['vertraagd']}")
c[3].metric(
    "Partnerbijdragen",
    fmt.euro_compact(projects["budget"].sum()),
    help=f"Som van de partnerbijdragen aan de projecten in deze wijk: {fmt.euro(projects['budget'].sum())}",
)
on_course = int(targets["status"].isin(["gehaald", "op koers"]).sum())
c[4].metric("Doelen gehaald of op koers", f"{on_course} van {len(targets)}" if len(targets) else "–")

st.subheader("Contract")
contracts = data.contracts[data.contracts["wijk_code"] == sel.wijk_code]
if contracts.empty:
    st.info("Voor deze wijk is geen contract vastgelegd.")
reports = snap.frame("report_moments")
for contract in contracts.itertuples():
    signed = (
        f"ondertekend op {fmt.date_long(contract.signed_date)}"
        if pd.notna(contract.signed_date)
        else "niet ondertekend"
    )
    st.markdown(
        f"**{contract.title}** ({contract.kind}), {signed}; looptijd {fmt.date_long(contract.start_date)} "
        f"tot {fmt.date_long(contract.end_date)}."
    )
    own = reports[reports["contract_code"] == contract.code]
    moments = [
        f"- {escape_markdown(r.title)}: {fmt.date_long(r.report_date)} "
        f"({'geweest' if r.report_date.date() <= sel.reference_date else 'gepland'})"
        for r in own.itertuples()
    ]
    if moments:
        st.markdown("\n".join(moments))  # one list, read as one by a screen reader

st.subheader("Projecten")
if projects.empty:
    st.info("Deze wijk heeft nog geen projecten.")
else:
    shared_table((*key, "projecten"), "Projecten", partial(project_table, projects))

st.subheader("Partners")
partners = partner_summary(data.project_partners, projects)
if partners.empty:
    st.info("Geen partnerbijdragen vastgelegd.")
else:
    shared_table((*key, "partners"), "Partners", partial(partner_table, partners))

st.subheader("Doelen")
if targets.empty:
    st.info("Voor deze wijk zijn geen meetbare doelen vastgelegd.")
else:
    shared_table((*key, "doelen"), "Doelen", partial(target_table, targets, data.measurements, sel.reference_date.year))
    target_rule_caption()
