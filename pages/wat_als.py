"""Wat als: play with the central budget and the partner contributions without touching the real figures."""

from functools import partial

import streamlit as st

from domain.whatif import Scenario, ScenarioError
from ui import format as fmt
from ui import page
from ui import whatif as ui
from ui.figures import programme_data, whatif_baseline
from ui.whatif_export import comparison_workbook
from ui.widgets import XLSX_MIME, lazy_tabs

sel, snap = page.begin()
data = programme_data(snap, sel)
programme = sel.programme_code
baseline = whatif_baseline(snap, sel)
saved = ui.saved_for(snap.frame("scenarios"), programme)
planning = ui.PlanningInputs(snap.frame("milestones", programme), data.contracts, snap.frame("report_moments"))

st.title(f"Wat als · {sel.programme['name']}")
st.caption(
    "Speel met het centrale budget en de partnerbijdragen. Een scenario verandert nooit de echte cijfers; "
    f"het geldt voor het hele programma. Status en peildatum: {fmt.date_long(sel.reference_date)}."
)
ui.messages()

with st.expander(f"Opgeslagen scenario's ({len(saved)})", expanded=not saved.empty):
    ui.load_controls(programme, saved, baseline)


@st.fragment
def editor() -> None:
    """Only this part reruns when a control changes."""
    ui.rerun_after_save()
    if not baseline.has_central_budget:
        st.info(
            "Dit programma heeft geen centraal budget in de gegevens (€ 0 en geen toekenningen). "
            "Wat-als voor partnerbijdragen, vervallen en verschoven projecten kan wel."
        )
    names = ["Centraal budget", "Partnerbijdragen en planning"]
    budget_tab, partner_tab = lazy_tabs(
        names, key=f"wa_tab_{programme}", default=names[0] if baseline.has_central_budget else names[1]
    )
    if budget_tab.open:  # the scenario lives in the session, not in the controls of the closed tab
        with budget_tab:
            if baseline.has_central_budget:
                ui.budget_controls(programme, baseline)
            else:
                st.write("Geen centraal budget in de gegevens van dit programma.")
    if partner_tab.open:
        with partner_tab:
            ui.partner_controls(programme, baseline)
    scenario = ui.current_scenario(programme)
    result = ui.outcome(snap, sel, baseline, scenario)
    st.divider()
    st.subheader("Uitkomst van het scenario")
    st.caption(f"Wijzigingen: {ui.describe(scenario, baseline)}.")
    if baseline.has_central_budget:
        st.markdown("#### Centraal budget")
        ui.budget_view(result)
    st.markdown("#### Partnerbijdragen en planning")
    ui.partner_view(result, sel.reference_date, planning)
    ui.totals_view(result, baseline.has_central_budget)
    st.divider()
    st.subheader("Scenario opslaan")
    ui.save_controls(programme)


editor()

st.divider()
st.subheader("Scenario's vergelijken")
if saved.empty:
    st.caption("Sla eerst een of meer scenario's op; dan staan ze hier naast de huidige cijfers.")
else:
    chosen = st.multiselect(
        "Scenario's naast de huidige cijfers (hoogstens drie)",
        list(saved["name"]),
        max_selections=3,
        key=f"wa_w_{programme}_compare",
        placeholder="Kies scenario's",
    )
    scenarios, descriptions = {}, {}
    for row in saved[saved["name"].isin(chosen)].itertuples(index=False):
        try:
            scenarios[row.name] = Scenario.from_json(row.payload)
        except ScenarioError as exc:
            st.warning(f"Het scenario '{row.name}' is onleesbaar en wordt overgeslagen: {exc}")
            continue
        descriptions[row.name] = (
            row.author,
            fmt.date_short(row.created_at),
            ui.describe(scenarios[row.name], baseline),
        )
    if scenarios:
        ui.comparison_view(baseline, scenarios)
        st.download_button(
            "Vergelijking als Excel",
            partial(comparison_workbook, baseline, scenarios, sel.programme["name"], descriptions),
            file_name=f"wat-als-{programme}.xlsx".lower(),
            mime=XLSX_MIME,
            on_click="ignore",
            icon=":material/download:",
        )
