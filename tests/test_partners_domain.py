"""Rules of domain/partners.py on small hand-made frames."""

import datetime as dt

import pandas as pd
import pytest

from domain.partners import (
    RANKING_COLUMNS,
    involvement,
    partner_projects,
    partner_ranking,
    status_breakdown,
    wijk_partner_amounts,
    wijk_partner_matrix,
)

REF = dt.date(2009, 6, 1)

PARTNERS = pd.DataFrame(
    {
        "code": ["CORP", "WELZ", "GEM", "IDLE"],
        "name": ["Corporatie", "Welzijn", "Gemeente", "Zonder projecten"],
        "kind": ["corporatie", "welzijn", "gemeente", "bedrijf"],
    }
)


def projects() -> pd.DataFrame:
    """Three projects in two wijken, with the columns project_status() would add."""
    return pd.DataFrame(
        {
            "code": ["P1", "P2", "P3"],
            "title": ["Renovatie", "Jongerenwerk", "Buurtbeheer"],
            "programme_code": ["PRG", "PRG", "PRG"],
            "wijk_code": ["W1", "W1", "W2"],
            "wijk_name": ["Noord", "Noord", "Zuid"],
            "lead_partner_code": ["CORP", "WELZ", "GEM"],
            "status": ["vertraagd", "op schema", "afgerond"],
            "stale": [True, False, False],
            "overdue": [True, False, False],
        }
    )


def contributions() -> pd.DataFrame:
    # GEM leads P3 without a contribution row; CORP contributes to P2 without leading it.
    return pd.DataFrame(
        {
            "project_code": ["P1", "P1", "P2", "P2", "P3"],
            "partner_code": ["CORP", "GEM", "WELZ", "CORP", "WELZ"],
            "amount": [300_000.0, 100_000.0, 20_000.0, 5_000.0, 7_500.0],
        }
    )


def milestones() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "project_code": ["P1", "P1", "P2", "P3"],
            "due_date": pd.to_datetime(["2009-01-01", "2009-03-01", "2009-05-01", "2010-01-01"]),
            # P1: one overdue, one done in time; P2: done only after the peildatum, so overdue then.
            "done_date": pd.to_datetime([None, "2009-02-20", "2009-07-01", None]),
        }
    )


def test_involvement_unites_leads_and_contributions():
    inv = involvement(projects(), contributions()).set_index(["partner_code", "project_code"])
    assert len(inv) == 6  # five contribution rows plus GEM leading P3 without one
    assert inv.loc[("GEM", "P3"), "is_lead"] and inv.loc[("GEM", "P3"), "amount"] == 0.0
    assert not inv.loc[("CORP", "P2"), "is_lead"] and inv.loc[("CORP", "P2"), "amount"] == 5_000.0
    assert inv.loc[("CORP", "P1"), "is_lead"]


def test_ranking_counts_roles_money_and_signals():
    r = partner_ranking(projects(), contributions(), PARTNERS, milestones(), REF).set_index("partner_code")
    assert list(r.index) == ["CORP", "GEM", "WELZ"]  # largest budget first
    corp = r.loc["CORP"]
    assert (corp["projecten"], corp["trekker"], corp["bijdrager"]) == (2, 1, 1)
    assert corp["budget"] == 305_000.0
    assert (corp["vertraagd"], corp["op schema"], corp["afgerond"]) == (1, 1, 0)
    assert corp["status"] == "vertraagd"  # worst counts
    assert corp["mijlpalen_te_laat"] == 2  # one in P1, one in P2
    assert (corp["verouderd"], corp["over_tijd"]) == (1, 1)
    gem = r.loc["GEM"]
    assert (gem["projecten"], gem["trekker"], gem["bijdrager"], gem["budget"]) == (2, 1, 1, 100_000.0)
    welz = r.loc["WELZ"]
    assert (welz["trekker"], welz["bijdrager"], welz["mijlpalen_te_laat"]) == (1, 1, 1)
    assert welz["status"] == "op schema"
    assert "IDLE" not in r.index  # a partner without projects is not in the ranking


def test_ranking_of_nothing_is_empty_with_columns():
    empty = projects().iloc[0:0]
    r = partner_ranking(empty, contributions(), PARTNERS, milestones(), REF)
    assert r.empty and list(r.columns) == RANKING_COLUMNS


def test_ranking_when_all_projects_are_finished():
    done = projects().assign(status="afgerond", stale=False, overdue=False)
    r = partner_ranking(done, contributions(), PARTNERS, milestones().iloc[0:0], REF)
    assert set(r["status"]) == {"afgerond"}
    assert r["mijlpalen_te_laat"].sum() == 0 and r["verouderd"].sum() == 0


def test_status_breakdown_is_long_nonzero_in_ranking_order():
    r = partner_ranking(projects(), contributions(), PARTNERS, milestones(), REF)
    long = status_breakdown(r)
    assert list(dict.fromkeys(long["partner_code"])) == list(r["partner_code"])
    assert (long["aantal"] > 0).all()
    assert long.groupby("partner_code")["aantal"].sum().to_dict() == dict(
        zip(r["partner_code"], r["projecten"], strict=True)
    )
    corp = long[long["partner_code"] == "CORP"]
    assert list(corp["status"]) == ["op schema", "vertraagd"]  # fixed status order


def test_partner_projects_share_of_budget():
    own = partner_projects("CORP", projects(), contributions()).set_index("code")
    assert list(own.index) == ["P1", "P2"]
    assert own.loc["P1", "project_budget"] == 400_000.0
    assert own.loc["P1", "share"] == pytest.approx(0.75)
    assert own.loc["P2", "share"] == pytest.approx(0.2)
    assert own.loc["P1", "is_lead"] and not own.loc["P2", "is_lead"]


def test_partner_projects_without_budget_has_no_share():
    only_lead = partner_projects("GEM", projects(), contributions()[lambda c: c["project_code"] != "P3"])
    p3 = only_lead.set_index("code").loc["P3"]
    assert p3["amount"] == 0.0 and p3["project_budget"] == 0.0 and pd.isna(p3["share"])


def test_partner_without_projects_has_an_empty_detail():
    assert partner_projects("IDLE", projects(), contributions()).empty


def test_wijk_partner_matrix():
    amounts = wijk_partner_amounts(projects(), contributions(), PARTNERS)
    wijken = pd.DataFrame({"code": ["W1", "W2", "W3"], "name": ["Noord", "Zuid", "West"]})
    m = wijk_partner_matrix(amounts, wijken)
    assert list(m.columns) == ["partner_name", "Noord", "Zuid", "West", "Totaal"]
    assert list(m.index) == ["CORP", "GEM", "WELZ"]
    assert m.loc["CORP", "Noord"] == 305_000.0 and pd.isna(m.loc["CORP", "Zuid"])
    assert m.loc["GEM", "Zuid"] == 0.0  # only leads there: active, without money
    assert m.loc["WELZ", "Totaal"] == 27_500.0
    assert m["West"].isna().all()  # a wijk without projects keeps its column
    noord = amounts[(amounts["partner_code"] == "CORP") & (amounts["wijk_code"] == "W1")].iloc[0]
    assert noord["projecten"] == 2
