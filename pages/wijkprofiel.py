"""Wijkprofiel: one wijk on one screen: contract, partners, projects with status, targets."""

import pandas as pd
import streamlit as st

from domain.overview import latest_city_average, partner_summary
from domain.project_status import status_counts
from ui import format as fmt
from ui import page, selection
from ui.figures import programme_data
from ui.style import project_status_display
from ui.widgets import target_rule_caption

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
    for r in own.itertuples():
        when = "geweest" if r.report_date.date() <= sel.reference_date else "gepland"
        st.markdown(f"- {r.title}: {fmt.date_long(r.report_date)} ({when})")

st.subheader("Projecten")
if projects.empty:
    st.info("Deze wijk heeft nog geen projecten.")
else:
    table = pd.DataFrame(
        {
            "Status": projects["status"].map(project_status_display),
            "Project": projects["title"],
            "Thema": projects["theme"],
            "Trekker": projects["lead_partner_name"],
            "Voortgang": projects["progress"],
            "Start": projects["start_date"].map(fmt.date_short),
            "Einde": projects["end_date"].map(fmt.date_short),
            "Budget": projects["budget"].map(fmt.euro),
            "Laatste update": projects["last_update"].map(fmt.date_short),
            "Signalen": [
                ", ".join(s for s, on in (("verouderd", stale), ("over tijd", overdue)) if on)
                for stale, overdue in zip(projects["stale"], projects["overdue"], strict=True)
            ],
        }
    )
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "Voortgang": st.column_config.ProgressColumn("Voortgang", min_value=0, max_value=100, format="%d%%"),
        },
    )

st.subheader("Partners")
partners = partner_summary(data.project_partners, projects)
if partners.empty:
    st.info("Geen partnerbijdragen vastgelegd.")
else:
    st.dataframe(
        pd.DataFrame(
            {
                "Partner": partners["partner_name"],
                "Soort": partners["partner_kind"],
                "Projecten": partners["projecten"],
                "Trekker van": partners["trekker"],
                "Bijdrage": partners["bijdrage"].map(fmt.euro),
            }
        ),
        hide_index=True,
        width="stretch",
    )

st.subheader("Doelen")
if targets.empty:
    st.info("Voor deze wijk zijn geen meetbare doelen vastgelegd.")
else:
    rows = []
    for t in targets.sort_values(["theme", "indicator_name"]).itertuples():
        city = latest_city_average(data.measurements, t.indicator_code, t.latest_year or sel.reference_date.year)
        rows.append(
            {
                "Thema": t.theme,
                "Indicator": t.indicator_name,
                "Beter is": t.direction,
                "Nulmeting": f"{fmt.value_with_unit(t.baseline_value, t.unit)} ({t.baseline_year})",
                "Doel": f"{fmt.value_with_unit(t.target_value, t.unit)} ({t.target_year})",
                "Laatste meting": (
                    f"{fmt.value_with_unit(t.latest_value, t.unit)} ({t.latest_year})" if t.latest_year else "–"
                ),
                "Stadsgemiddelde": f"{fmt.value_with_unit(city[1], t.unit)} ({city[0]})" if city else "–",
                "Status": t.status,
            }
        )
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    target_rule_caption()
