"""What-if model: no change is the baseline, money is conserved, cents are never lost, cuts flag projects."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.whatif import (
    FUNDED,
    INITIATIVE,
    NOT_FUNDED,
    REJECTED,
    Baseline,
    Scenario,
    ScenarioError,
    budget_comparison,
    budget_key,
    compare,
    evaluate,
    scale_cents,
)
from tests.sample_facts import rows

PROGRAMME = "HAARLEM-WC"


def _frames_from_csv(programme: str) -> dict:
    """The frames data_access would return, built from the sample CSVs (money as float euros)."""
    wijken = pd.DataFrame(rows("wijk"))
    contracts = {c["code"]: c["wijk_code"] for c in rows("contract")}
    partners = {p["code"]: p["name"] for p in rows("partner")}
    wijk_name = dict(zip(wijken["code"], wijken["name"], strict=True))
    wijk_programme = dict(zip(wijken["code"], wijken["programme_code"], strict=True))
    projects = pd.DataFrame(rows("project"))
    projects["wijk_code"] = projects["contract_code"].map(contracts)
    projects["wijk_name"] = projects["wijk_code"].map(wijk_name)
    projects["programme_code"] = projects["wijk_code"].map(wijk_programme)
    projects["lead_partner_name"] = projects["lead_partner_code"].map(partners)
    projects["start_date"] = pd.to_datetime(projects["start_date"])
    projects["end_date"] = pd.to_datetime(projects["end_date"])
    pp = pd.DataFrame(rows("project_partner"))
    pp["partner_name"] = pp["partner_code"].map(partners)
    pp["amount"] = pp["amount"].astype(float)
    alloc = pd.DataFrame(rows("budget_allocation"))
    for col in ("requested", "approved", "spent"):
        alloc[col] = alloc[col].astype(float)
    alloc["wijk_code"] = alloc["wijk_code"].replace("", None)
    alloc["priority"] = pd.to_numeric(alloc["priority"])
    alloc["decision_date"] = pd.to_datetime(alloc["decision_date"].replace("", None))
    central = float(next(p["central_budget"] for p in rows("programme") if p["code"] == programme))
    return {
        "programme_code": programme,
        "central_budget": central,
        "wijken": wijken,
        "allocations": alloc,
        "projects": projects,
        "project_partners": pp,
        "project_indicators": pd.DataFrame(rows("project_indicator")),
        "targets": pd.DataFrame(rows("target")),
        "indicators": pd.DataFrame(rows("indicator")),
    }


@pytest.fixture(scope="module")
def haarlem() -> Baseline:
    return Baseline.from_frames(**_frames_from_csv("HAARLEM-WC"))


@pytest.fixture(scope="module")
def amsterdam() -> Baseline:
    return Baseline.from_frames(**_frames_from_csv("AMSTERDAM-WA"))


def _cents(text: str) -> int:
    return int(Decimal(text) * 100)


def test_no_change_is_the_baseline_exactly(haarlem, amsterdam):
    for base in (haarlem, amsterdam):
        ev = evaluate(base, Scenario())
        assert (ev.budgets["scenario"] == ev.budgets["baseline"]).all()
        assert (ev.projects["scenario_budget"] == ev.projects["budget"]).all()
        assert not ev.projects["affected"].any()
        assert ev.targets_at_risk.empty
        assert (ev.projects["new_start"] == ev.projects["start_date"]).all()
        for totals in (ev.by_wijk, ev.by_theme, ev.by_partner):
            assert (totals["delta"] == 0).all()
        # Funded exactly the allocations that are really approved.
        approved = ev.allocations["approved"] > 0
        assert (ev.allocations["funded_scenario"] == approved).all()
        assert (ev.allocations["amount_scenario"] == ev.allocations["approved"]).all()


def test_haarlem_baseline_matches_the_csv(haarlem):
    allocations = [a for a in rows("budget_allocation") if a["programme_code"] == PROGRAMME]
    approved = sum(_cents(a["approved"]) for a in allocations)
    ev = evaluate(haarlem, Scenario())
    assert ev.total_cents == _cents("250000.00")
    assert ev.allocated_baseline == approved
    assert ev.remaining_scenario == _cents("34300.00")
    undecided = {a["code"] for a in allocations if not a["decision_date"]}
    states = ev.allocations.set_index("code")["state_scenario"]
    assert set(states[states == NOT_FUNDED].index) == undecided
    rejected = {a["code"] for a in allocations if a["decision_date"] and Decimal(a["approved"]) == 0}
    assert set(states[states == REJECTED].index) == rejected


def test_amsterdam_has_no_central_budget(amsterdam):
    assert not amsterdam.has_central_budget
    assert evaluate(amsterdam, Scenario()).budgets.empty


def test_moving_30000_into_boerhaavewijk_funds_its_open_request(haarlem):
    key = budget_key("HLM-BOERHAAVEWIJK", INITIATIVE)
    ev = evaluate(haarlem, Scenario().move(None, key, _cents("30000")))
    assert ev.remaining_scenario == _cents("4300.00")
    assert not ev.over_allocated
    line = ev.budgets.set_index("key").loc[key]
    own = [a for a in rows("budget_allocation") if a["wijk_code"] == "HLM-BOERHAAVEWIJK"]
    assert line["baseline"] == sum(_cents(a["approved"]) for a in own)
    assert line["scenario"] == line["baseline"] + _cents("30000")
    changed = ev.allocations[ev.allocations["state_baseline"] != ev.allocations["state_scenario"]]
    assert list(changed["code"]) == ["HLM-BOERHAAVEWIJK-BI-06"]
    assert changed["state_scenario"].iloc[0] == FUNDED
    # The wijk total grows by exactly the moved amount.
    wijk = ev.by_wijk.set_index("code").loc["HLM-BOERHAAVEWIJK"]
    assert wijk["delta"] == _cents("30000")


def test_over_allocation_is_flagged(haarlem):
    ev = evaluate(haarlem, Scenario().move(None, budget_key("HLM-CENTRUM", INITIATIVE), _cents("34300.01")))
    assert ev.over_allocated
    assert ev.remaining_scenario == -1


def test_a_cut_unfunds_the_lowest_priority_first(haarlem):
    key = budget_key("HLM-LEIDSEBUURT", INITIATIVE)
    ev = evaluate(haarlem, Scenario().move(key, None, _cents("1")))
    leids = ev.allocations[ev.allocations["key"] == key].sort_values("priority")
    # One cent less: the last approved initiative in priority order no longer fits; the others stay funded.
    assert list(leids["state_scenario"])[-1] == NOT_FUNDED
    assert list(leids["state_scenario"])[:-1] == [FUNDED] * (len(leids) - 1)


def test_ymere_minus_15_percent(haarlem):
    ev = evaluate(haarlem, Scenario(partner_percent={"YMERE": Decimal(-15)}))
    project_codes = set(haarlem.projects["code"])
    ymere = [
        pp for pp in rows("project_partner") if pp["partner_code"] == "YMERE" and pp["project_code"] in project_codes
    ]
    expected = {
        pp["project_code"]: _cents(pp["amount"])
        - _cents((Decimal(pp["amount"]) * Decimal("0.85")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
        for pp in ymere
    }
    assert expected
    gaps = ev.projects.set_index("code")["gap"]
    assert {c: int(gaps[c]) for c in expected} == expected
    assert set(ev.affected_projects["code"]) >= set(expected)
    partner = ev.by_partner.set_index("code").loc["YMERE"]
    assert partner["delta"] == -sum(expected.values())


def test_delay_shifts_the_planning_and_marks_the_targets(haarlem):
    code = "HLM-BOERHAAVEWIJK-02"
    ev = evaluate(haarlem, Scenario(delays={code: 6}))
    row = ev.projects.set_index("code").loc[code]
    project = next(p for p in rows("project") if p["code"] == code)
    start = dt.date.fromisoformat(project["start_date"])
    assert row["new_start"].date() == dt.date(
        start.year + (start.month + 5) // 12, (start.month + 5) % 12 + 1, start.day
    )
    links = {pi["indicator_code"] for pi in rows("project_indicator") if pi["project_code"] == code}
    risk = ev.targets_at_risk
    assert set(risk["indicator_code"]) == links
    assert set(risk["wijk_code"]) == {"HLM-BOERHAAVEWIJK"}
    assert set(risk["reasons"]) == {"begint later"}


def test_dropped_project_loses_all_funding(haarlem):
    code = "HLM-CENTRUM-01"
    ev = evaluate(haarlem, Scenario(dropped=frozenset({code})))
    row = ev.projects.set_index("code").loc[code]
    budget = sum(_cents(pp["amount"]) for pp in rows("project_partner") if pp["project_code"] == code)
    assert row["scenario_budget"] == 0 and row["gap"] == budget and row["dropped"]


def test_full_cut_flags_every_project_of_the_partner(amsterdam):
    partner = "YMERE"
    ev = evaluate(amsterdam, Scenario(partner_percent={partner: Decimal(-100)}))
    own = set(amsterdam.projects["code"])
    involved = {pp["project_code"] for pp in rows("project_partner") if pp["partner_code"] == partner} & own
    involved |= {p["code"] for p in rows("project") if p["lead_partner_code"] == partner and p["code"] in own}
    assert involved
    assert set(ev.affected_projects["code"]) == involved
    assert ev.by_partner.set_index("code").loc[partner, "scenario"] == 0


def test_compare_side_by_side(haarlem):
    a = Scenario().move(None, budget_key("HLM-BOERHAAVEWIJK", INITIATIVE), _cents("30000"))
    b = Scenario(partner_percent={"YMERE": Decimal(-15)})
    table = compare(haarlem, {"A": a, "B": b}, "wijk")
    total = table.set_index("name").loc["Totaal"]
    assert total["A"] == total["Nu"] + _cents("30000")
    assert total["B"] == total["Nu"] + evaluate(haarlem, b).by_partner["delta"].sum()
    budget = budget_comparison(haarlem, {"A": a})
    rest = budget.set_index("wijk_name").loc["Niet toegekend"]
    assert rest["Nu"] == _cents("34300") and rest["A"] == _cents("4300")


def test_payload_round_trip_and_errors():
    s = Scenario(
        budget_deltas={budget_key("W1", INITIATIVE): 123_45, budget_key(None, "algemene kosten"): -100},
        partner_percent={"YMERE": Decimal("-15.5")},
        dropped=frozenset({"P1"}),
        delays={"P2": 6, "P3": 0},
    )
    again = Scenario.from_json(s.to_json())
    assert again == s.normalised()
    assert Scenario.from_json("{}") == Scenario().normalised()
    with pytest.raises(ScenarioError, match="geen geldige JSON"):
        Scenario.from_json("{kapot")
    with pytest.raises(ScenarioError, match="versie"):
        Scenario.from_json('{"versie": 99}')
    with pytest.raises(ScenarioError, match="bereik"):
        Scenario.from_payload({"versie": 1, "partners_procent": {"X": "-150"}})
    with pytest.raises(ScenarioError, match="twee decimalen"):
        Scenario.from_payload({"versie": 1, "centraal_budget": {"W1|bewonersinitiatief": "1.001"}})
    with pytest.raises(ScenarioError, match="categorie"):
        Scenario.from_payload({"versie": 1, "centraal_budget": {"W1|snoep": "1"}})
    # A budget line changes by at most € 1.000.000.000 either way (the range of its control on the page).
    for amount, cents in (("1000000000.00", 10**11), ("-1000000000", -(10**11))):
        edge = Scenario.from_payload({"versie": 1, "centraal_budget": {"W1|bewonersinitiatief": amount}})
        assert edge.budget_deltas == {"W1|bewonersinitiatief": cents}
    for amount in ("1000000000.01", "-3000000000"):
        with pytest.raises(ScenarioError, match=re.escape("€ 1.000.000.000 eraf tot € 1.000.000.000 erbij")):
            Scenario.from_payload({"versie": 1, "centraal_budget": {"W1|bewonersinitiatief": amount}})


# Property tests -------------------------------------------------------------------------------------

amounts = st.lists(st.integers(min_value=0, max_value=300_000_000), min_size=1, max_size=40)
percents = st.decimals(min_value=-100, max_value=200, places=2, allow_nan=False, allow_infinity=False)


@given(amounts, percents)
def test_rounding_per_contribution_never_loses_a_cent(cents, pct):
    scaled = scale_cents(pd.Series(cents).to_numpy(), pd.Series([float(pct)] * len(cents)).to_numpy())
    expected = [int((Decimal(c) * (100 + pct) / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)) for c in cents]
    assert list(scaled) == expected
    assert int(scaled.sum()) == sum(expected)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 5), st.integers(-5_000_000, 5_000_000)), max_size=8))
def test_moves_between_budgets_conserve_the_total(haarlem_moves):
    base = Baseline.from_frames(**_HAARLEM_FRAMES)
    keys = list(base.budgets["key"])
    scenario = Scenario()
    for src, dst, amount in haarlem_moves:
        scenario = scenario.move(keys[src % len(keys)], keys[dst % len(keys)], amount)
    ev = evaluate(base, scenario)
    assert ev.allocated_scenario == ev.allocated_baseline
    assert ev.remaining_scenario == ev.remaining_baseline
    assert ev.by_wijk["scenario"].sum() == ev.by_wijk["baseline"].sum()


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["YMERE", "ELAN-WONEN", "PRE-WONEN", "HLM-STADSZAKEN"]), percents)
def test_partner_totals_are_sums_of_rounded_contributions(partner, pct):
    base = Baseline.from_frames(**_HAARLEM_FRAMES)
    ev = evaluate(base, Scenario(partner_percent={partner: pct}))
    expected = 0
    for pp in rows("project_partner"):
        if pp["project_code"] not in set(base.projects["code"]):
            continue
        amount = Decimal(pp["amount"])
        if pp["partner_code"] == partner:
            amount = (amount * (100 + pct) / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        expected += int(amount * 100)
    assert int(ev.by_partner["scenario"].sum()) == expected
    assert int(ev.projects["scenario_budget"].sum()) == expected
    assert int(ev.by_theme["scenario"].sum()) == expected


_HAARLEM_FRAMES = _frames_from_csv(PROGRAMME)


def test_shift_months_clips_to_the_end_of_the_month():
    import numpy as np

    from domain.whatif import shift_months

    dates = np.array(["2008-01-31", "2008-08-31", "2009-03-15", "2008-02-29"], dtype="datetime64[D]")
    moved = shift_months(dates, np.array([1, 6, -3, 12]))
    expected = [pd.Timestamp(d) + pd.DateOffset(months=m) for d, m in zip(dates, [1, 6, -3, 12], strict=True)]
    assert [pd.Timestamp(d) for d in moved] == expected
    assert str(moved[0]) == "2008-02-29"


def test_planning_milestones_move_only_open_ones(haarlem):
    from domain.whatif import SCENARIO_SUFFIX, planning_milestones

    code = "HLM-BOERHAAVEWIJK-02"
    ev = evaluate(haarlem, Scenario(delays={code: 6}, dropped=frozenset({"HLM-CENTRUM-01"})))
    shown = ev.projects[ev.projects["code"].isin([code, "HLM-CENTRUM-01"])]
    ms = pd.DataFrame(rows("milestone"))
    ms["due_date"] = pd.to_datetime(ms["due_date"])
    ms["done_date"] = pd.to_datetime(ms["done_date"].replace("", None))
    out = planning_milestones(ms, shown)
    own = [m for m in rows("milestone") if m["project_code"] == code]
    after = out[out["project_code"] == code + SCENARIO_SUFFIX].set_index("title")
    assert len(after) == len(own)
    for m in own:
        due = pd.Timestamp(m["due_date"])
        assert after.loc[m["title"], "due_date"] == (due if m["done_date"] else due + pd.DateOffset(months=6))
    # A dropped project keeps its milestones only in the current planning.
    assert not (out["project_code"] == "HLM-CENTRUM-01" + SCENARIO_SUFFIX).any()
    assert (out["project_code"] == "HLM-CENTRUM-01").sum() == sum(
        1 for m in rows("milestone") if m["project_code"] == "HLM-CENTRUM-01"
    )
