"""Wat als page with AppTest: the figures on screen against figures computed here from the sample CSVs."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest

from data_access.access import Actor
from tests.apptest_helpers import (
    chart_data,
    metric_help,
    metrics,
    no_exceptions,
    open_tab,
    static_chart,
    table_frames,
)
from tests.sample_facts import programme_facts, project_rows, rows
from ui import format as fmt

HAARLEM, AMSTERDAM = "HAARLEM-WC", "AMSTERDAM-WA"
PAGE = "pages/wat_als.py"
BOERHAAVE_LABEL = "Verandering Boerhaavewijk: bewonersinitiatieven"
BUDGET_TAB, PARTNER_TAB = "Centraal budget", "Partnerbijdragen en planning"


def open_page(app, programme: str = HAARLEM, tab: str | None = None):
    app.query_params["programma"] = programme
    app.run()
    app.switch_page(PAGE).run()
    no_exceptions(app)
    return open_tab(app, f"wa_tab_{programme}", tab) if tab else app


def widget(app, kind: str, key: str):
    return next(w for w in app.get(kind) if w.key == key)


def control(app, kind: str, label: str):
    """A scenario control by its label (their keys carry a generation number)."""
    return next(w for w in app.get(kind) if w.label == label)


def table_with(app, column: str):
    return next(d for d in table_frames(app) if column in d.columns)


def euro(amount: Decimal) -> str:
    return fmt.euro(amount, cents=amount != amount.to_integral_value())


def test_haarlem_baseline(app):
    open_page(app)
    facts = programme_facts(HAARLEM)
    shown = metrics(app)
    assert shown["Centraal budget"] == euro(facts["central_budget"])
    assert shown["Toegekend in scenario"] == euro(facts["approved"])
    assert shown["Niet toegekend in scenario"] == euro(facts["remaining"]) == "€ 34.300"
    assert shown["Initiatieven anders dan nu"] == "0"
    assert shown["Projecten geraakt"] == "0"
    initiatives = table_with(app, "Initiatief")
    undecided = [a for a in rows("budget_allocation") if a["programme_code"] == HAARLEM and not a["decision_date"]]
    assert len(initiatives) == sum(1 for a in rows("budget_allocation") if a["programme_code"] == HAARLEM)
    assert (initiatives["Scenario"] == "✖ niet gefinancierd").sum() == len(undecided) == 4
    assert (initiatives["Nu"] == "○ open aanvraag").sum() == len(undecided)
    rejected = [a for a in rows("budget_allocation") if a["decision_date"] and Decimal(a["approved"]) == 0]
    assert (initiatives["Nu"] == "– afgewezen (besluit)").sum() == len(rejected) > 0


def test_30000_into_boerhaavewijk(app):
    open_page(app)
    control(app, "number_input", BOERHAAVE_LABEL).set_value(30_000).run()
    no_exceptions(app)
    facts = programme_facts(HAARLEM)
    shown = metrics(app)
    assert shown["Niet toegekend in scenario"] == euro(facts["remaining"] - 30_000) == "€ 4.300"
    assert shown["Toegekend in scenario"] == euro(facts["approved"] + 30_000)
    assert shown["Initiatieven anders dan nu"] == "1"
    initiatives = table_with(app, "Initiatief")
    changed = initiatives[initiatives["Verandert"] == "ja"]
    ehbo = next(a for a in rows("budget_allocation") if a["code"] == "HLM-BOERHAAVEWIJK-BI-06")
    assert list(changed["Initiatief"]) == [ehbo["title"]]
    assert list(changed["Scenario"]) == ["✔ gefinancierd"]
    assert list(changed["Bedrag in scenario"]) == [euro(Decimal(ehbo["requested"]))]
    budget = table_with(app, "Budgetregel")
    own = sum(Decimal(a["approved"]) for a in rows("budget_allocation") if a["wijk_code"] == "HLM-BOERHAAVEWIJK")
    row = budget[budget["Budgetregel"] == "Boerhaavewijk: bewonersinitiatieven"].iloc[0]
    assert (row["Nu"], row["Scenario"]) == (euro(own), euro(own + 30_000))
    # The chart (drawn on the server) has a bar now and one in the scenario per line, with the same amounts.
    bars = static_chart(app, "Centraal budget per wijk en categorie: nu en in het scenario").marks("bar")
    assert len(bars) == 2 * (len(budget) - 1)  # the table's last line, Niet toegekend, is not a bar
    amounts = bars.set_index(["Budgetregel", "Stand"])["Bedrag"]
    line = "Boerhaavewijk: bewonersinitiatieven"
    assert (amounts[(line, "Nu")], amounts[(line, "Scenario")]) == (
        fmt.euro(own, cents=True),
        fmt.euro(own + 30_000, cents=True),
    )


def test_move_form_and_over_allocation(app):
    open_page(app)
    widget(app, "selectbox", f"wa_w_{HAARLEM}_to").set_value("HLM-CENTRUM|bewonersinitiatief")
    widget(app, "number_input", f"wa_w_{HAARLEM}_amount").set_value(40_000)
    next(b for b in app.button if b.label == "Verplaatsen").click().run()
    no_exceptions(app)
    facts = programme_facts(HAARLEM)
    assert metrics(app)["Niet toegekend in scenario"] == euro(facts["remaining"] - 40_000)
    assert any("Overbesteding" in e.value and "€ 5.700" in e.value for e in app.error)
    centrum = next(w["name"] for w in rows("wijk") if w["code"] == "HLM-CENTRUM")
    assert control(app, "number_input", f"Verandering {centrum}: bewonersinitiatieven").value == 40_000
    general = sum(Decimal(a["approved"]) for a in rows("budget_allocation") if a["category"] == "algemene kosten")
    control(app, "number_input", "Verandering Algemene kosten (programma)").set_value(-100_000).run()
    no_exceptions(app)
    assert any("negatief" in w.value and euro(general - 100_000) in w.value for w in app.warning)


def _ymere_cut(programme: str, percent: int) -> tuple[Decimal, Decimal, set[str]]:
    projects = project_rows(programme)
    total = scenario = Decimal(0)
    hit = set()
    for pp in rows("project_partner"):
        if pp["project_code"] not in projects:
            continue
        amount = Decimal(pp["amount"])
        total += amount
        if pp["partner_code"] == "YMERE":
            hit.add(pp["project_code"])
            amount = (amount * (100 + percent) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        scenario += amount
    hit |= {code for code, p in projects.items() if p["lead_partner_code"] == "YMERE"}
    return total, scenario, hit


@pytest.mark.parametrize("programme", [HAARLEM, AMSTERDAM])
def test_ymere_minus_15_percent(app, programme):
    open_page(app, programme, PARTNER_TAB)
    control(app, "multiselect", "Bijdrage van partners aanpassen").set_value(["YMERE"]).run()
    control(app, "slider", "Ymere: verandering van de bijdrage (%)").set_value(-15).run()
    no_exceptions(app)
    total, scenario, hit = _ymere_cut(programme, -15)
    assert metric_help(app, "Partnerbijdragen nu") == euro(total)
    assert metric_help(app, "Partnerbijdragen in scenario") == euro(scenario)
    assert metrics(app)["Projecten geraakt"] == str(len(hit))
    affected = table_with(app, "Tekort")
    titles = {project_rows(programme)[c]["title"] for c in hit}
    assert set(affected["Project"]) == titles
    assert metrics(app)["Doelen: bijdrage in gevaar"] != "0"
    risk = table_with(app, "Doel (indicator)")
    assert set(risk["Beoordeling"]) == {"bijdrage in gevaar"}


def test_amsterdam_says_it_has_no_central_budget(app):
    open_page(app, AMSTERDAM)
    assert any("geen centraal budget" in i.value for i in app.info)
    assert "Centraal budget" not in metrics(app)
    assert "Partnerbijdragen nu" in metrics(app)


def test_delay_shows_planning_before_and_after(app):
    open_page(app, tab=PARTNER_TAB)
    code = "HLM-BOERHAAVEWIJK-02"
    control(app, "multiselect", "Projecten verschuiven").set_value([code]).run()
    no_exceptions(app)
    project = project_rows(HAARLEM)[code]
    wijk = next(w["name"] for w in rows("wijk") if w["code"] == "HLM-BOERHAAVEWIJK")
    months = control(app, "number_input", f"{project['title']} ({wijk}): maanden later (min = eerder)")
    assert months.value == 6
    planning = table_with(app, "Start scenario")
    project = project_rows(HAARLEM)[code]
    row = planning.iloc[0]
    assert row["Start nu"] == fmt.date_short(pd.Timestamp(project["start_date"]))
    assert row["Start scenario"] != row["Start nu"]
    chart = next(c for c in app.get("vega_lite_chart") if "Planning nu en in het scenario" in c.proto.spec)
    data = chart_data(chart)
    bars = data[data["kind"] == "project"].set_index("label")
    start = pd.Timestamp(project["start_date"])
    assert list(bars.index) == ["Nu", "Scenario"]
    assert pd.Timestamp(bars.loc["Nu", "start"]) == start
    assert pd.Timestamp(bars.loc["Scenario", "start"]) == start + pd.DateOffset(months=6)
    marks = data[data["kind"] == "milestone"]
    own = [m for m in rows("milestone") if m["project_code"] == code]
    assert (marks["label"] == "Nu").sum() == (marks["label"] == "Scenario").sum() == len(own)


def test_save_load_and_compare(app, tmp_path, monkeypatch):
    # A database of its own: this test writes.
    from data_access.config import SAMPLE_DATA_DIR
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    url = f"sqlite:///{tmp_path / 'own.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    monkeypatch.setenv("DATABASE_URL", url)
    open_page(app)
    control(app, "number_input", BOERHAAVE_LABEL).set_value(30_000).run()
    next(t for t in app.text_input if t.label == "Naam van het scenario").input("Boerhaave +30k")
    next(b for b in app.button if b.label == "Scenario opslaan").click().run()
    no_exceptions(app)
    assert any("opgeslagen" in s.value for s in app.success)
    from data_access.scenarios import scenarios

    saved = scenarios(engine)
    assert list(saved["name"]) == ["Boerhaave +30k"]
    # Back to now, then load it again.
    next(b for b in app.button if b.label == "Alles terug naar nu").click().run()
    assert metrics(app)["Niet toegekend in scenario"] == "€ 34.300"
    assert control(app, "number_input", BOERHAAVE_LABEL).value == 0
    next(b for b in app.button if b.label == "Laden").click().run()
    no_exceptions(app)
    assert metrics(app)["Niet toegekend in scenario"] == "€ 4.300"
    assert control(app, "number_input", BOERHAAVE_LABEL).value == 30_000
    widget(app, "multiselect", f"wa_w_{HAARLEM}_compare").set_value(["Boerhaave +30k"]).run()
    no_exceptions(app)
    per_wijk = table_with(app, "Boerhaave +30k")
    row = per_wijk[per_wijk["Wijk"] == "Boerhaavewijk"].iloc[0]
    contracts = {c["code"] for c in rows("contract") if c["wijk_code"] == "HLM-BOERHAAVEWIJK"}
    projects = {p["code"] for p in rows("project") if p["contract_code"] in contracts}
    now = sum(Decimal(pp["amount"]) for pp in rows("project_partner") if pp["project_code"] in projects)
    now += sum(Decimal(a["approved"]) for a in rows("budget_allocation") if a["wijk_code"] == "HLM-BOERHAAVEWIJK")
    assert (row["Nu"], row["Boerhaave +30k"]) == (euro(now), euro(now + 30_000))
    total = per_wijk[per_wijk["Wijk"] == "Totaal"].iloc[0]
    facts = programme_facts(HAARLEM)
    assert total["Nu"] == euro(facts["partner_contributions"] + facts["approved"])
    assert app.get("download_button")


def test_viewer_plays_but_cannot_save(app, monkeypatch):
    import ui.auth

    monkeypatch.setattr(ui.auth, "current_actor", lambda: Actor("k@example.org", "Kijker", "kijker"))
    open_page(app)
    control(app, "number_input", BOERHAAVE_LABEL).set_value(30_000).run()
    no_exceptions(app)
    assert metrics(app)["Niet toegekend in scenario"] == "€ 4.300"
    assert not [b for b in app.button if b.label == "Scenario opslaan"]
    assert any("mag scenario's niet opslaan" in i.value for i in app.info)


def test_the_scenario_survives_switching_tabs(app):
    open_page(app)  # Haarlem opens on the central budget
    control(app, "number_input", BOERHAAVE_LABEL).set_value(30_000).run()
    assert metrics(app)["Niet toegekend in scenario"] == "€ 4.300"
    open_tab(app, f"wa_tab_{HAARLEM}", PARTNER_TAB)
    assert not [w for w in app.number_input if w.label == BOERHAAVE_LABEL]  # only the open tab is built
    assert metrics(app)["Niet toegekend in scenario"] == "€ 4.300"
    open_tab(app, f"wa_tab_{HAARLEM}", BUDGET_TAB)
    assert control(app, "number_input", BOERHAAVE_LABEL).value == 30_000


def test_a_control_shown_again_starts_from_the_scenario(app):
    open_page(app, tab=PARTNER_TAB)
    code = "HLM-BOERHAAVEWIJK-02"
    project = project_rows(HAARLEM)[code]
    wijk = next(w["name"] for w in rows("wijk") if w["code"] == "HLM-BOERHAAVEWIJK")
    label = f"{project['title']} ({wijk}): maanden later (min = eerder)"
    control(app, "multiselect", "Projecten verschuiven").set_value([code]).run()
    control(app, "number_input", label).set_value(3).run()
    control(app, "multiselect", "Projecten verschuiven").set_value([]).run()
    control(app, "multiselect", "Projecten verschuiven").set_value([code]).run()
    no_exceptions(app)
    assert control(app, "number_input", label).value == 6
    planning = table_with(app, "Start scenario")
    start = pd.Timestamp(project["start_date"])
    assert planning.iloc[0]["Start scenario"] == fmt.date_short(start + pd.DateOffset(months=6))


def test_every_control_gives_the_browser_its_scenario_value(app):
    """The browser builds a control from its default whenever it has no value of its own for it (a tab
    shown again, an interrupted run). That default must be the scenario's value: a control's minimum would
    put -€ 1.000.000.000 on a budget line or -100% on a partner at the next click."""
    open_page(app)
    control(app, "number_input", BOERHAAVE_LABEL).set_value(30_000).run()
    lines = [w for w in app.number_input if w.label.startswith("Verandering ")]
    assert len(lines) > 2
    assert {w.label: w.proto.default for w in lines} == {
        w.label: 30_000 if w.label == BOERHAAVE_LABEL else 0 for w in lines
    }
    open_tab(app, f"wa_tab_{HAARLEM}", PARTNER_TAB)
    control(app, "multiselect", "Bijdrage van partners aanpassen").set_value(["YMERE"]).run()
    slider = control(app, "slider", "Ymere: verandering van de bijdrage (%)")
    assert list(slider.proto.default) == [0]
    slider.set_value(-15).run()
    assert list(control(app, "slider", "Ymere: verandering van de bijdrage (%)").proto.default) == [-15]
    code = "HLM-BOERHAAVEWIJK-02"
    control(app, "multiselect", "Projecten verschuiven").set_value([code]).run()
    project = project_rows(HAARLEM)[code]
    label = f"{project['title']} (Boerhaavewijk): maanden later (min = eerder)"
    assert control(app, "number_input", label).proto.default == 6
    for name in ("Projecten verschuiven", "Bijdrage van partners aanpassen"):
        chosen = control(app, "multiselect", name)
        assert len(chosen.indices) == 1 and list(chosen.proto.default) == list(chosen.indices)
    no_exceptions(app)


def test_a_budget_line_stays_within_its_control(app):
    """A line changes by at most € 1.000.000.000 (its control's range, and what a saved scenario may hold):
    a move beyond it is refused with a message instead of an error box."""
    line = "HLM-CENTRUM|bewonersinitiatief"
    open_page(app)
    widget(app, "selectbox", f"wa_w_{HAARLEM}_to").set_value(line)
    widget(app, "number_input", f"wa_w_{HAARLEM}_amount").set_value(10**9)
    next(b for b in app.button if b.label == "Verplaatsen").click().run()
    after_one = metrics(app)["Niet toegekend in scenario"]
    next(b for b in app.button if b.label == "Verplaatsen").click().run()
    no_exceptions(app)
    assert any("Niet verplaatst" in e.value and "€ 1.000.000.000" in e.value for e in app.error)
    assert metrics(app)["Niet toegekend in scenario"] == after_one  # the second move did nothing
    centrum = next(w["name"] for w in rows("wijk") if w["code"] == "HLM-CENTRUM")
    assert control(app, "number_input", f"Verandering {centrum}: bewonersinitiatieven").value == 10**9
