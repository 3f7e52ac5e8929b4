"""The what-if page's parts: the scenario being edited (kept in session state), its controls and its views.

The scenario under construction lives in one plain session-state dict per programme (`_store`), which
survives page switches; the widgets are loaded from it on every run and write back through callbacks.
Amounts in the controls are whole euros; the model works in cents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from decimal import Decimal
from functools import partial

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from data_access.access import EDIT_DATA, PermissionDenied
from data_access.scenarios import ScenarioConflict, ScenarioInvalid, delete_scenario, save_scenario, scenarios
from domain.milestones import milestone_state
from domain.whatif import (
    FUNDED,
    GENERAL,
    MAX_BUDGET_CHANGE,
    NOT_FUNDED,
    SCENARIO_SUFFIX,
    Baseline,
    Evaluation,
    Scenario,
    ScenarioError,
    budget_comparison,
    compare,
    evaluate,
    planning_milestones,
    split_key,
)

from . import auth, static_chart
from . import format as fmt
from .charts import finish
from .data import Snapshot, engine, own_copy, register_read
from .figures import selection_key
from .gantt import gantt_chart, gantt_frame
from .selection import Selection
from .style import project_status_display
from .tables import shared_table, static_table

register_read("scenarios", scenarios)

NOW = "Nu"
REST = "__rest__"  # the unallocated part of the central budget in the move form
MAX_SHIFT = 60
MAX_CHANGE = int(MAX_BUDGET_CHANGE)  # whole euros; also the range of a budget line's control
GANTT_LIMIT = 30
BUDGET_RULE = (
    "Regel: per wijk en categorie krijgen eerst de initiatieven met een besluit hun toegekende bedrag, daarna "
    "de open aanvragen hun aangevraagde bedrag, elk in volgorde van prioriteit, zolang het budget van die "
    "wijk het toelaat. Wat niet meer past, en alles wat daarna komt, wordt niet gefinancierd. Een afgewezen "
    "aanvraag blijft afgewezen."
)


def _euro_cents(cents) -> str:
    return fmt.euro(int(cents) / 100, cents=int(cents) % 100 != 0)


def _signed(cents) -> str:
    cents = int(cents)
    if cents == 0:
        return "€ 0"
    return ("+ " if cents > 0 else "− ") + _euro_cents(abs(cents))


def _metric_delta(cents) -> str:
    """For st.metric: a leading ASCII sign, which sets the arrow (a typographic minus would point up)."""
    return ("- " if int(cents) < 0 else "+ ") + _euro_cents(abs(int(cents)))


# ---------------------------------------------------------------------------------------------- state


def _empty(generation: int = 0) -> dict:
    return {"budget": {}, "partners": {}, "dropped": [], "delays": {}, "loaded": None, "gen": generation}


def _control_key(programme: str, store: dict, name: str) -> str:
    """The key of a scenario control. Each control gets its value from the store as its default.

    The key carries a generation that changes whenever the store is replaced or changed from outside the
    control (loading, resetting, moving money), so the control then starts again from the store. Between
    those, the control keeps its own state: rewriting it on every run would undo quick changes that are
    still on their way from the browser (several arrow-key steps on a slider). The default also matters
    in the browser, which builds a control from it whenever it holds no value of its own (a tab shown
    again, an interrupted run); Streamlit's own default would be the minimum, -€ 1.000.000.000 or -100%.
    """
    return f"wa_w_{programme}_g{store.get('gen', 0)}_{name}"


def _next_generation(programme: str) -> int:
    return int(_store(programme).get("gen", 0)) + 1


def _store(programme: str) -> dict:
    return st.session_state.setdefault(f"wa_{programme}", _empty())


def _state_scenario(store: dict) -> Scenario:
    return Scenario(
        budget_deltas={k: int(v) * 100 for k, v in store["budget"].items()},
        partner_percent={k: Decimal(int(v)) for k, v in store["partners"].items()},
        dropped=frozenset(store["dropped"]),
        delays={k: int(v) for k, v in store["delays"].items() if k in store["delays"]},
    ).normalised()


def current_scenario(programme: str) -> Scenario:
    return _state_scenario(_store(programme))


def _set(programme: str, section: str, item: str, widget_key: str) -> None:
    value = st.session_state[widget_key]
    _store(programme)[section][item] = 0 if value is None else int(value)


def _forget(programme: str, store: dict, names: list[str]) -> None:
    """Drop the state of controls that are about to appear again, so they start from the store."""
    for name in names:
        st.session_state.pop(_control_key(programme, store, name), None)


def _set_partners(programme: str, widget_key: str) -> None:
    store = _store(programme)
    chosen = st.session_state[widget_key]
    _forget(programme, store, [f"p_{p}" for p in chosen if p not in store["partners"]])
    store["partners"] = {p: store["partners"].get(p, 0) for p in chosen}


def _set_dropped(programme: str, widget_key: str) -> None:
    _store(programme)["dropped"] = list(st.session_state[widget_key])


def _set_delayed(programme: str, widget_key: str) -> None:
    store = _store(programme)
    chosen = st.session_state[widget_key]
    _forget(programme, store, [f"m_{p}" for p in chosen if p not in store["delays"]])
    store["delays"] = {p: store["delays"].get(p, 6) for p in chosen}


def _move(programme: str, source_key: str, target_key: str, amount_key: str) -> None:
    store = _store(programme)
    source, target = st.session_state[source_key], st.session_state[target_key]
    amount = int(st.session_state[amount_key] or 0)
    if source == target or amount == 0:
        return
    changed = {
        key: int(store["budget"].get(key, 0)) + sign * amount
        for key, sign in ((source, -1), (target, 1))
        if key != REST
    }
    if any(abs(v) > MAX_CHANGE for v in changed.values()):
        st.session_state["wa_move_error"] = (
            f"Niet verplaatst: een budgetregel kan in een scenario hoogstens {fmt.euro(MAX_CHANGE)} omlaag of omhoog."
        )
        return
    store["budget"].update(changed)
    store["gen"] = _next_generation(programme)


def _reset(programme: str) -> None:
    st.session_state[f"wa_{programme}"] = _empty(_next_generation(programme))


def load_into_state(programme: str, name: str, version: int, payload: str, baseline: Baseline) -> list[str]:
    """Put a saved scenario in the editor; returns notes about parts that no longer match the data."""
    scenario = Scenario.from_json(payload)
    notes = []
    lines = set(baseline.budgets["key"])
    partners = set(baseline.contributions["partner_code"]) | set(baseline.projects["lead_partner_code"])
    projects = set(baseline.projects["code"])
    store = _empty(_next_generation(programme))
    for key, cents in scenario.budget_deltas.items():
        if key not in lines:
            notes.append(f"Budgetregel {key} bestaat niet meer en is weggelaten.")
            continue
        store["budget"][key] = int(cents // 100)  # within the controls' range: Scenario checks it
        if cents % 100:
            notes.append(f"Bedrag bij {key} is afgerond op hele euro's.")
    for code, pct in scenario.partner_percent.items():
        if code not in partners:
            notes.append(f"Partner {code} doet niet (meer) mee en is weggelaten.")
            continue
        store["partners"][code] = int(max(-100, min(100, round(pct))))
        if store["partners"][code] != pct:
            notes.append(f"Het percentage voor {code} is op de schuif afgerond naar {store['partners'][code]}%.")
    store["dropped"] = [c for c in sorted(scenario.dropped) if c in projects]
    store["delays"] = {c: int(max(-MAX_SHIFT, min(MAX_SHIFT, m))) for c, m in scenario.delays.items() if c in projects}
    missing = (scenario.dropped | set(scenario.delays)) - projects
    if missing:
        notes.append(f"Projecten bestaan niet meer en zijn weggelaten: {', '.join(sorted(missing))}.")
    store["loaded"] = {"name": name, "version": int(version)}
    st.session_state[f"wa_{programme}"] = store
    return notes


# ------------------------------------------------------------------------------------------- controls


def budget_controls(programme: str, baseline: Baseline) -> None:
    """Per wijk x category the change in whole euros, and a form to move an amount from one to another."""
    store = _store(programme)
    lines = baseline.budgets
    labels = {
        k: _line_label(w, c, n)
        for k, w, c, n in lines[["key", "wijk_code", "category", "wijk_name"]].itertuples(index=False)
    }
    with st.container(border=True):
        st.markdown("**Geld verplaatsen**")
        c = st.columns([3, 3, 2, 1.4], vertical_alignment="bottom")
        options = [REST, *lines["key"]]
        label = {REST: "Niet toegekend centraal budget", **labels}
        keys = (f"wa_w_{programme}_from", f"wa_w_{programme}_to", f"wa_w_{programme}_amount")
        c[0].selectbox("Van", options, format_func=label.get, key=keys[0])
        c[1].selectbox("Naar", options, index=min(2, len(options) - 1), format_func=label.get, key=keys[1])
        c[2].number_input("Bedrag (€)", min_value=0, max_value=MAX_CHANGE, value=30_000, step=1_000, key=keys[2])
        c[3].button("Verplaatsen", on_click=_move, args=(programme, *keys), width="stretch")
        if problem := st.session_state.pop("wa_move_error", None):
            st.error(problem)
    st.markdown("**Of pas het budget per regel aan** (verandering in hele euro's; min = eraf, plus = erbij)")
    header = st.columns([3, 1.6, 2, 1.6])
    for col, text in zip(header, ("Budgetregel", NOW, "Verandering (€)", "Scenario"), strict=True):
        col.caption(text)
    for key, base in zip(lines["key"], lines["baseline"], strict=True):
        widget = _control_key(programme, store, f"b_{key}")
        row = st.columns([3, 1.6, 2, 1.6], vertical_alignment="center")
        row[0].write(labels[key])
        row[1].write(_euro_cents(base))
        row[2].number_input(
            f"Verandering {labels[key]}",
            min_value=-MAX_CHANGE,
            max_value=MAX_CHANGE,
            value=int(store["budget"].get(key, 0)),
            step=500,
            key=widget,
            on_change=_set,
            args=(programme, "budget", key, widget),
            label_visibility="collapsed",
        )
        row[3].write(_euro_cents(int(base) + int(store["budget"].get(key, 0)) * 100))


def _line_label(wijk_code: str, category: str, wijk_name: str) -> str:
    if category == GENERAL and not wijk_code:
        return "Algemene kosten (programma)"
    return f"{wijk_name}: {'bewonersinitiatieven' if category != GENERAL else 'algemene kosten'}"


def partner_controls(programme: str, baseline: Baseline) -> None:
    store = _store(programme)
    names = (
        baseline.contributions.drop_duplicates("partner_code").set_index("partner_code")["partner_name"].sort_values()
    )
    projects = baseline.projects.sort_values(["wijk_name", "title"])
    project_label = dict(zip(projects["code"], projects["title"] + " (" + projects["wijk_name"] + ")", strict=True))
    key = _control_key(programme, store, "partners")
    st.multiselect(
        "Bijdrage van partners aanpassen",
        list(names.index),
        default=[p for p in store["partners"] if p in names.index],
        format_func=lambda c: names.get(c, c),
        key=key,
        on_change=_set_partners,
        args=(programme, key),
        placeholder="Kies een of meer partners",
    )
    for code in store["partners"]:
        widget = _control_key(programme, store, f"p_{code}")
        st.slider(
            f"{names.get(code, code)}: verandering van de bijdrage (%)",
            min_value=-100,
            max_value=100,
            value=int(store["partners"][code]),
            step=1,
            key=widget,
            on_change=_set,
            args=(programme, "partners", code, widget),
            format="%d%%",
            help="−100% = de partner trekt zijn hele bijdrage terug; +10% = 10% meer. Elke bijdrage wordt "
            "afzonderlijk op de cent afgerond.",
        )
    c = st.columns(2)
    key = _control_key(programme, store, "dropped")
    c[0].multiselect(
        "Projecten laten vervallen",
        list(project_label),
        default=[p for p in store["dropped"] if p in project_label],
        format_func=project_label.get,
        key=key,
        on_change=_set_dropped,
        args=(programme, key),
        placeholder="Kies projecten",
    )
    key = _control_key(programme, store, "delayed")
    c[1].multiselect(
        "Projecten verschuiven",
        list(project_label),
        default=[p for p in store["delays"] if p in project_label],
        format_func=project_label.get,
        key=key,
        on_change=_set_delayed,
        args=(programme, key),
        placeholder="Kies projecten",
    )
    for code in store["delays"]:
        widget = _control_key(programme, store, f"m_{code}")
        c[1].number_input(
            f"{project_label[code]}: maanden later (min = eerder)",
            min_value=-MAX_SHIFT,
            max_value=MAX_SHIFT,
            value=int(store["delays"][code]),
            step=1,
            key=widget,
            on_change=_set,
            args=(programme, "delays", code, widget),
        )


# ---------------------------------------------------------------------------------------------- views


@dataclass(frozen=True)
class Outcome:
    """A scenario evaluated on the current data. Every session that evaluates the same scenario on the same
    data and selection shares the evaluation and the cells of its tables (the first visit of the page is the
    empty scenario for everyone)."""

    key: tuple  # data, selection and the scenario in a canonical form
    ev: Evaluation

    def table(self, name: str, caption: str, build: Callable[[], pd.DataFrame]) -> None:
        """static_table(build(), caption), with `build` called once per outcome and table name."""
        shared_table((*self.key, name), caption, build)


def outcome(snap: Snapshot, sel: Selection, baseline: Baseline, scenario: Scenario) -> Outcome:
    """`baseline` is whatif_baseline(snap, sel), which the key's data and selection determine."""
    s = scenario.normalised()
    canonical = (
        tuple(s.budget_deltas.items()),
        tuple((k, str(v)) for k, v in s.partner_percent.items()),
        tuple(sorted(s.dropped)),
        tuple(s.delays.items()),
    )
    key = (*selection_key(snap, sel), canonical)
    shared = _shared_evaluation(key, baseline, s)
    frames = {f.name: own_copy(v) for f in fields(shared) if isinstance(v := getattr(shared, f.name), pd.DataFrame)}
    return Outcome(key, replace(shared, **frames))


@st.cache_resource(show_spinner=False, max_entries=64)
def _shared_evaluation(key: tuple, _baseline: Baseline, _scenario: Scenario) -> Evaluation:
    return evaluate(_baseline, _scenario)


def budget_view(o: Outcome) -> None:
    ev = o.ev
    m = st.columns(4)
    m[0].metric("Centraal budget", _euro_cents(ev.total_cents))
    m[1].metric(
        "Toegekend in scenario",
        _euro_cents(ev.allocated_scenario),
        delta=_metric_delta(ev.allocated_scenario - ev.allocated_baseline)
        if ev.allocated_scenario != ev.allocated_baseline
        else None,
        delta_color="off",
        help=f"Nu toegekend: {_euro_cents(ev.allocated_baseline)}",
    )
    m[2].metric(
        "Niet toegekend in scenario",
        _euro_cents(ev.remaining_scenario),
        help=f"Nu niet toegekend: {_euro_cents(ev.remaining_baseline)}",
    )
    changed = ev.allocations[ev.allocations["state_baseline"] != ev.allocations["state_scenario"]]
    m[3].metric("Initiatieven anders dan nu", fmt.number(len(changed)))
    if ev.over_allocated:
        st.error(
            f"Overbesteding: het scenario kent {_euro_cents(-ev.remaining_scenario)} meer toe dan het centrale "
            f"budget van {_euro_cents(ev.total_cents)}."
        )
    negative = ev.budgets[ev.budgets["scenario"] < 0]
    if not negative.empty:
        names = ", ".join(
            f"{_line_label(w, c, n)} ({_euro_cents(v)})"
            for w, c, n, v in negative[["wijk_code", "category", "wijk_name", "scenario"]].itertuples(index=False)
        )
        st.warning(f"Een budgetregel kan niet negatief worden; nu onder nul: {names}.")
    lines = ev.budgets.assign(
        regel=[
            _line_label(w, c, n)
            for w, c, n in ev.budgets[["wijk_code", "category", "wijk_name"]].itertuples(index=False)
        ]
    )
    long = pd.concat(
        [
            pd.DataFrame({"regel": lines["regel"], "stand": NOW, "bedrag": lines["baseline"] / 100}),
            pd.DataFrame({"regel": lines["regel"], "stand": "Scenario", "bedrag": lines["scenario"] / 100}),
        ],
        ignore_index=True,
    )
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=alt.Y("regel:N", title=None, sort=list(lines["regel"]), axis=alt.Axis(labelLimit=320)),
            yOffset=alt.YOffset("stand:N", sort=[NOW, "Scenario"]),
            x=alt.X("bedrag:Q", title="Bedrag (€)", axis=alt.Axis(format="$,.0f")),
            color=alt.Color(
                "stand:N",
                title=None,
                scale=alt.Scale(domain=[NOW, "Scenario"], range=["#999999", "#0072B2"]),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("regel:N", title="Budgetregel"),
                alt.Tooltip("stand:N", title="Stand"),
                alt.Tooltip("bedrag:Q", title="Bedrag", format="$,.2f"),
            ],
        )
        .properties(height=alt.Step(14))
    )
    # Drawn on the server: as a Vega chart it cost every load of the page 0.24 s of browser time (0.08 s
    # with the browser's cache). A change of the scenario redraws it, 30-50 ms of server time; the drawing
    # of an unchanged scenario is kept.
    static_chart.show_altair(
        finish(
            chart,
            "Centraal budget per wijk en categorie: nu en in het scenario",
            f"Staafdiagram met per budgetregel het toegekende bedrag nu (grijs) en in het scenario (blauw); "
            f"niet toegekend nu {_euro_cents(ev.remaining_baseline)}, "
            f"in het scenario {_euro_cents(ev.remaining_scenario)}.",
        )
    )
    o.table(
        "budget_lines",
        "Centraal budget per budgetregel: nu en in het scenario",
        partial(_budget_lines_table, ev, lines),
    )
    st.markdown("**Bewonersinitiatieven en algemene kosten in het scenario**")
    st.caption(BUDGET_RULE)
    o.table("allocations", "Bewonersinitiatieven en algemene kosten in het scenario", partial(_allocations_table, ev))


def _budget_lines_table(ev: Evaluation, lines: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "Budgetregel": lines["regel"],
            NOW: lines["baseline"].map(_euro_cents),
            "Scenario": lines["scenario"].map(_euro_cents),
            "Verschil": lines["delta"].map(_signed),
        }
    )
    rest = {
        "Budgetregel": "Niet toegekend",
        NOW: _euro_cents(ev.remaining_baseline),
        "Scenario": _euro_cents(ev.remaining_scenario),
        "Verschil": _signed(ev.remaining_scenario - ev.remaining_baseline),
    }
    return pd.concat([table, pd.DataFrame([rest])], ignore_index=True)


def _allocations_table(ev: Evaluation) -> pd.DataFrame:
    alloc = ev.allocations.sort_values(["wijk_name", "category", "priority", "code"])
    symbol = {FUNDED: "✔ gefinancierd", NOT_FUNDED: "✖ niet gefinancierd"}
    return pd.DataFrame(
        {
            "Wijk": alloc["wijk_name"],
            "Prioriteit": alloc["priority"].map(lambda p: "–" if pd.isna(p) else str(int(p))),
            "Initiatief": alloc["title"],
            "Aangevraagd": alloc["requested"].map(_euro_cents),
            "Nu": np.where(
                ~alloc["decided"] & ~alloc["funded_baseline"],
                "○ open aanvraag",
                alloc["state_baseline"].map(lambda s: symbol.get(s, "– " + s)),
            ),
            "Scenario": alloc["state_scenario"].map(lambda s: symbol.get(s, "– " + s)),
            "Bedrag in scenario": alloc["amount_scenario"].map(_euro_cents),
            "Verandert": np.where(alloc["state_baseline"] != alloc["state_scenario"], "ja", ""),
        }
    )


@dataclass(frozen=True)
class PlanningInputs:
    """What the before/after planning draws besides the projects."""

    milestones: pd.DataFrame
    contracts: pd.DataFrame
    report_moments: pd.DataFrame


def partner_view(o: Outcome, reference_date: dt.date, context: PlanningInputs) -> None:
    ev = o.ev
    projects = ev.projects
    base_total, scen_total = int(projects["budget"].sum()), int(projects["scenario_budget"].sum())
    affected = ev.affected_projects
    m = st.columns(4)
    m[0].metric("Partnerbijdragen nu", fmt.euro_compact(base_total / 100), help=_euro_cents(base_total))
    m[1].metric(
        "Partnerbijdragen in scenario",
        fmt.euro_compact(scen_total / 100),
        delta=_metric_delta(scen_total - base_total) if scen_total != base_total else None,
        delta_color="off",
        help=_euro_cents(scen_total),
    )
    m[2].metric("Projecten geraakt", fmt.number(len(affected)), help="Minder of meer geld, vervallen of verschoven")
    m[3].metric("Doelen: bijdrage in gevaar", fmt.number(len(ev.targets_at_risk)))
    if affected.empty:
        st.info(
            "Geen projecten geraakt: kies hierboven een partner, of projecten om te laten vervallen of te verschuiven."
        )
        return
    st.write(
        f"**Geraakte wijken:** {', '.join(ev.affected_wijken)}  \n**Geraakte thema's:** {', '.join(ev.affected_themes)}"
    )
    st.markdown("**Geraakte projecten en hun financieringstekort**")
    o.table("affected", "Geraakte projecten en hun financieringstekort", partial(_affected_table, affected))
    st.markdown("**Doelen waarvan de bijdrage in gevaar is**")
    st.caption(
        "Projecten dragen bij aan doelen; ze zijn niet de bewezen oorzaak. Een doel staat hier als een project "
        "in dezelfde wijk dat aan die indicator bijdraagt minder geld krijgt, vervalt of later begint. Dit is "
        "geen voorspelling van het effect."
    )
    if ev.targets_at_risk.empty:
        st.write("Geen.")
    else:
        o.table("targets_at_risk", "Doelen waarvan de bijdrage in gevaar is", partial(_risk_table, ev.targets_at_risk))
    planning_view(o, affected, reference_date, context)


def _affected_table(affected: pd.DataFrame) -> pd.DataFrame:
    rows = affected.sort_values(["wijk_name", "title"])
    return pd.DataFrame(
        {
            "Project": rows["title"],
            "Wijk": rows["wijk_name"],
            "Thema": rows["theme"],
            "Budget nu": rows["budget"].map(_euro_cents),
            "Budget in scenario": rows["scenario_budget"].map(_euro_cents),
            "Tekort": [
                "vervalt"
                if d
                else (_euro_cents(g) if g > 0 else ("geen" if g == 0 else "overschot " + _euro_cents(-g)))
                for d, g in zip(rows["dropped"], rows["gap"], strict=True)
            ],
            "Verschuiving": rows["delay_months"].map(lambda m: f"{m:+d} maanden" if m else ""),
            "Status nu": rows["status"].map(project_status_display),
        }
    )


def _risk_table(risk: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Wijk": risk["wijk_name"],
            "Doel (indicator)": risk["indicator_name"],
            "Bijdragende projecten": risk["projects"],
            "Reden": risk["reasons"],
            "Beoordeling": "bijdrage in gevaar",
        }
    )


def planning_view(o: Outcome, affected: pd.DataFrame, reference_date: dt.date, context: PlanningInputs) -> None:
    moved = affected[(affected["delay_months"] != 0) | affected["dropped"]].sort_values(["wijk_name", "title"])
    if moved.empty:
        st.write("**Planning:** geen projecten verschoven of vervallen; de planning blijft gelijk.")
        return
    shown = moved.head(GANTT_LIMIT)
    if len(moved) > GANTT_LIMIT:
        st.caption(f"De eerste {GANTT_LIMIT} van {len(moved)} projecten.")
    group = shown["title"] + " (" + shown["wijk_name"] + ")"
    before = shown.assign(group=group, label=NOW)
    kept = ~shown["dropped"]
    after = shown[kept].assign(
        group=group[kept],
        label="Scenario",
        code=shown.loc[kept, "code"] + SCENARIO_SUFFIX,
        start_date=shown.loc[kept, "new_start"],
        end_date=shown.loc[kept, "new_end"],
    )
    rows = pd.concat([before, after], ignore_index=True)
    milestones = milestone_state(planning_milestones(context.milestones, shown), reference_date)
    contracts = context.contracts[context.contracts["wijk_code"].isin(shown["wijk_code"])]
    period = (contracts["start_date"].min(), contracts["end_date"].max()) if not contracts.empty else None
    reports = context.report_moments[context.report_moments["contract_code"].isin(contracts["code"])]
    frame = gantt_frame(rows, milestones, reference_date, period, reports)
    chart = gantt_chart(
        frame,
        "Planning nu en in het scenario",
        f"Gantt-diagram van {len(shown)} verschoven of vervallen projecten: per project een balk 'Nu' en een "
        "balk 'Scenario' (geen balk als het project vervalt), met de mijlpalen (open mijlpalen schuiven mee), "
        "de contractperiode, rapportagemomenten en de peildatum.",
    )
    st.altair_chart(_without_empty_layers(chart, frame), width="content")
    st.caption(
        "Band: contractperiode. Stippellijn: rapportagemoment. Zwarte lijn: peildatum. "
        "Ruit: mijlpaal (zwart gehaald, wit open, rood te laat)."
    )
    with st.expander("Planning als tabel"):
        o.table("planning", "Planning in het scenario", partial(_planning_table, shown))


def _planning_table(shown: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Project": shown["title"],
            "Wijk": shown["wijk_name"],
            "Start nu": shown["start_date"].map(fmt.date_short),
            "Einde nu": shown["end_date"].map(fmt.date_short),
            "Start scenario": np.where(shown["dropped"], "vervalt", shown["new_start"].map(fmt.date_short)),
            "Einde scenario": np.where(shown["dropped"], "vervalt", shown["new_end"].map(fmt.date_short)),
        }
    )


def _without_empty_layers(chart, frame: pd.DataFrame):
    """Layers with nothing to draw (e.g. no report dates) get no ARIA role, so screen readers skip them."""
    kinds = set(frame["kind"])
    for layer in chart.spec.layer:
        filters = [str(t.get("filter", "")) for t in layer.to_dict(validate=False).get("transform", [])]
        if filters and not any(f"'{kind}'" in f for kind in kinds for f in filters):
            layer.mark.aria = False
    return chart


def totals_view(o: Outcome, has_budget: bool) -> None:
    ev = o.ev
    st.markdown("**Totalen: nu en in het scenario**")
    st.caption(
        "Per wijk: partnerbijdragen aan de projecten plus het centrale budget van die wijk"
        + (" (algemene kosten als aparte regel)." if has_budget else ".")
        + " Per thema en per partner: partnerbijdragen."
    )
    tabs = st.tabs(["Per wijk", "Per thema", "Per partner"])
    for tab, frame, label in zip(
        tabs, (ev.by_wijk, ev.by_theme, ev.by_partner), ("Wijk", "Thema", "Partner"), strict=True
    ):
        with tab:
            o.table(
                f"totals_{label}",
                f"Bedragen per {label.lower()}: nu en in het scenario",
                partial(totals_table, frame, label),
            )


def totals_table(frame: pd.DataFrame, label: str) -> pd.DataFrame:
    total = {"name": "Totaal", "baseline": frame["baseline"].sum(), "scenario": frame["scenario"].sum()}
    total["delta"] = total["scenario"] - total["baseline"]
    rows = pd.concat([frame[["name", "baseline", "scenario", "delta"]], pd.DataFrame([total])], ignore_index=True)
    return pd.DataFrame(
        {
            label: rows["name"],
            NOW: rows["baseline"].map(_euro_cents),
            "Scenario": rows["scenario"].map(_euro_cents),
            "Verschil": rows["delta"].map(_signed),
        }
    )


def describe(scenario: Scenario, baseline: Baseline) -> str:
    """The changes of a scenario in one Dutch sentence list."""
    parts = []
    names = dict(zip(baseline.budgets["key"], baseline.budgets["wijk_name"], strict=True))
    for key, cents in scenario.budget_deltas.items():
        wijk, category = split_key(key)
        parts.append(f"{_line_label(wijk or '', category, names.get(key, wijk or ''))} {_signed(cents)}")
    partner_names = dict(
        zip(baseline.contributions["partner_code"], baseline.contributions["partner_name"], strict=True)
    )
    for code, pct in scenario.partner_percent.items():
        parts.append(f"{partner_names.get(code, code)} {'+' if pct > 0 else ''}{fmt.number(pct, 2 if pct % 1 else 0)}%")
    titles = dict(zip(baseline.projects["code"], baseline.projects["title"], strict=True))
    for code in sorted(scenario.dropped):
        parts.append(f"{titles.get(code, code)} vervalt")
    for code, months in scenario.delays.items():
        parts.append(f"{titles.get(code, code)} {months:+d} maanden")
    return "; ".join(parts) if parts else "geen wijzigingen"


# ----------------------------------------------------------------------------------------- saving


def _save(programme: str, name_key: str) -> None:
    """Button callback: save the scenario as it is in the editor now."""
    store = _store(programme)
    loaded = store.get("loaded")
    name = (st.session_state.get(name_key) or "").strip()
    scenario = _state_scenario(store)
    if scenario.is_empty:
        st.session_state["wa_save_error"] = "Een scenario zonder wijzigingen valt niet op te slaan."
        return
    expected = loaded["version"] if loaded and loaded["name"] == name else None
    try:
        version = save_scenario(engine(), auth.current_actor(), programme, name, scenario.to_json(), expected)
    except (ScenarioConflict, ScenarioInvalid, PermissionDenied) as exc:
        st.session_state["wa_save_error"] = str(exc)
        return
    store["loaded"] = {"name": name, "version": version}
    st.session_state["wa_flash"] = f"Scenario '{name}' is opgeslagen (versie {version})."
    st.session_state["wa_full_rerun"] = True


def rerun_after_save() -> None:
    """Inside the fragment: after a save, rerun the whole page so the list of saved scenarios is fresh."""
    if st.session_state.pop("wa_full_rerun", False):
        st.rerun()


def save_controls(programme: str) -> None:
    """Name and save the scenario; for a role that may not save, an explanation instead."""
    actor = auth.current_actor()
    loaded = _store(programme).get("loaded")
    if not actor.can(EDIT_DATA):
        st.info(
            f"Uw rol ({actor.role}) mag scenario's niet opslaan; spelen met de cijfers kan wel. "
            "Vraag een redacteur of beheerder om een scenario te bewaren."
        )
        return
    if problem := st.session_state.pop("wa_save_error", None):
        st.error(problem)
    c = st.columns([3, 1.2], vertical_alignment="bottom")
    name_key = f"wa_w_{programme}_name_{loaded['name'] if loaded else ''}"
    c[0].text_input("Naam van het scenario", value=loaded["name"] if loaded else "", max_chars=200, key=name_key)
    c[1].button(
        "Scenario opslaan",
        type="primary",
        width="stretch",
        key=f"wa_w_{programme}_save",
        on_click=_save,
        args=(programme, name_key),
    )
    if loaded:
        st.caption(
            f"Geladen: '{loaded['name']}' (versie {loaded['version']}). Opslaan onder dezelfde naam overschrijft "
            "het; een andere naam maakt een nieuw scenario."
        )


def saved_for(snapshot_frame: pd.DataFrame, programme: str) -> pd.DataFrame:
    return snapshot_frame[snapshot_frame["programme_code"] == programme].reset_index(drop=True)


def _load(programme: str, name: str, version: int, payload: str, baseline: Baseline) -> None:
    try:
        notes = load_into_state(programme, name, version, payload, baseline)
    except ScenarioError as exc:
        st.session_state["wa_problem"] = f"Het scenario '{name}' kan niet worden geladen: {exc}"
    else:
        st.session_state["wa_flash"] = " ".join([f"Scenario '{name}' is geladen.", *notes])


def _delete(programme: str, name: str, version: int) -> None:
    store = _store(programme)
    try:
        delete_scenario(engine(), auth.current_actor(), programme, name, version)
    except (ScenarioConflict, PermissionDenied) as exc:
        st.session_state["wa_problem"] = str(exc)
    else:
        if store.get("loaded") and store["loaded"]["name"] == name:
            store["loaded"] = None
        st.session_state["wa_flash"] = f"Scenario '{name}' is verwijderd."


def messages() -> None:
    """What the last save, load or delete did. Called at the top of a full run, which also makes the
    fragment's request for a full rerun (after a save) unnecessary."""
    st.session_state.pop("wa_full_rerun", None)
    if flash := st.session_state.pop("wa_flash", None):
        st.success(flash)
    if problem := st.session_state.pop("wa_problem", None):
        st.error(problem)


def load_controls(programme: str, saved: pd.DataFrame, baseline: Baseline) -> None:
    if saved.empty:
        st.caption("Nog geen opgeslagen scenario's voor dit programma.")
        st.button("Alles terug naar nu", on_click=_reset, args=(programme,), key=f"wa_w_{programme}_reset")
        return
    labels = {
        n: f"{n} — {a}, {fmt.date_short(t)}"
        for n, a, t in saved[["name", "author", "created_at"]].itertuples(index=False)
    }
    c = st.columns([4, 1.2, 1.2, 1.4], vertical_alignment="bottom")
    name = c[0].selectbox("Opgeslagen scenario", list(labels), format_func=labels.get, key=f"wa_w_{programme}_pick")
    row = saved.set_index("name").loc[name]
    version, payload = int(row["version"]), row["payload"]
    c[1].button("Laden", width="stretch", on_click=_load, args=(programme, name, version, payload, baseline))
    may_edit = auth.current_actor().can(EDIT_DATA)
    if may_edit:
        with c[2].popover("Verwijderen", width="stretch"):
            st.write(f"Scenario '{name}' verwijderen? De echte cijfers veranderen niet.")
            st.button("Ja, verwijderen", type="primary", on_click=_delete, args=(programme, name, version))
    else:
        c[2].button("Verwijderen", width="stretch", disabled=True, help="Uw rol mag geen scenario's verwijderen.")
    c[3].button(
        "Alles terug naar nu", on_click=_reset, args=(programme,), width="stretch", key=f"wa_w_{programme}_reset"
    )
    try:
        st.caption(f"Wijzigingen in '{name}': {describe(Scenario.from_json(payload), baseline)}.")
    except ScenarioError as exc:
        st.warning(f"Het scenario '{name}' is onleesbaar: {exc}")


# ------------------------------------------------------------------------------------------ compare


def comparison_view(baseline: Baseline, chosen: dict[str, Scenario]) -> None:
    """Side by side: the current figures and each chosen scenario, per wijk, theme, partner (and budget)."""
    names = list(chosen)
    tabs = ["Per wijk", "Per thema", "Per partner"] + (["Centraal budget"] if baseline.has_central_budget else [])
    parts = st.tabs(tabs)
    for tab, dimension in zip(parts, ("wijk", "thema", "partner"), strict=False):
        with tab:
            frame = compare(baseline, chosen, dimension)
            out = pd.DataFrame({dimension.capitalize(): frame["name"]})
            for column in (NOW, *names):
                out[column] = frame[column].map(_euro_cents)
            static_table(out, f"Scenario's naast elkaar per {dimension}")
    if baseline.has_central_budget:
        with parts[3]:
            frame = budget_comparison(baseline, chosen)
            out = pd.DataFrame(
                {
                    "Budgetregel": [
                        _line_label(split_key(k)[0] or "", c, n) if k else n
                        for k, c, n in frame[["key", "category", "wijk_name"]].itertuples(index=False)
                    ]
                }
            )
            for column in (NOW, *names):
                out[column] = frame[column].map(_euro_cents)
            static_table(out, "Scenario's naast elkaar: centraal budget per budgetregel")
