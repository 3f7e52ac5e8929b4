"""Rules of domain/charter.py on small hand-made frames."""

import datetime as dt

import pandas as pd

from domain.charter import (
    STATUSES,
    agreements_of_partner,
    choices,
    filter_register,
    involved_partners,
    is_overdue,
    party_counts,
    register,
    theme_status_counts,
    themes,
)

REF = dt.date(2010, 1, 1)


def agreements() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "programme_code": ["P"] * 6,
            "number": [1, 2, 3, 4, 5, 6],
            "theme": ["wonen", "wonen", "werken", "werken", "leren", "wonen"],
            "text": ["a", "b", "c", "d", "e", "f"],
            "party": ["gemeente", "rijk", "beide", "gemeente", "rijk", "gemeente"],
            "status": ["afgerond", "vertraagd", "in uitvoering", "niet gestart", "in uitvoering", "vertraagd"],
            "due_date": pd.to_datetime(["2009-01-01", "2009-06-30", None, "2011-01-01", "2008-12-31", "2010-01-01"]),
        }
    )


def links() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "programme_code": ["P", "P", "P", "P"],
            "number": [2, 2, 3, 5],
            "partner_code": ["RIJK", "GEM", "GEM", "RIJK"],
            "partner_name": ["Ministerie", "Gemeente", "Gemeente", "Ministerie"],
        }
    )


def test_overdue_rule():
    over = is_overdue(agreements(), REF)
    # 1 is done although late; 3 has no due date; 4 is due later; 6 is due on the peildatum itself.
    assert list(over) == [False, True, False, False, True, False]


def test_register_puts_overdue_first_longest_first_then_by_due_date():
    reg = register(agreements(), links(), REF)
    assert list(reg["number"]) == [5, 2, 1, 6, 4, 3]  # no due date last
    assert list(reg["days_late"]) == [366, 185, 0, 0, 0, 0]
    two = reg.set_index("number").loc[2]
    assert two["partner_codes"] == ["GEM", "RIJK"] and two["partner_names"] == ["Gemeente", "Ministerie"]
    assert reg.set_index("number").loc[1, "partner_names"] == []


def test_all_done_means_nothing_overdue():
    done = agreements().assign(status="afgerond")
    reg = register(done, links(), REF)
    assert not reg["overdue"].any() and (reg["days_late"] == 0).all()
    assert list(reg["number"]) == [5, 1, 2, 6, 4, 3]


def test_filters_combine_and_empty_filters_keep_all():
    reg = register(agreements(), links(), REF)
    assert len(filter_register(reg)) == 6
    assert set(filter_register(reg, themes=["wonen"])["number"]) == {1, 2, 6}
    assert set(filter_register(reg, themes=["wonen"], statuses=["vertraagd"])["number"]) == {2, 6}
    assert set(filter_register(reg, parties=["rijk", "beide"])["number"]) == {2, 3, 5}
    assert filter_register(reg, themes=["wonen"], parties=["beide"]).empty


def test_theme_status_counts():
    reg = register(agreements(), links(), REF)
    counts = theme_status_counts(reg)
    assert list(counts.index) == ["wonen", "werken", "leren"]  # order of the agreements' numbers
    assert list(counts.columns) == [*STATUSES, "totaal", "over_tijd"]
    assert counts.loc["wonen", "vertraagd"] == 2 and counts.loc["wonen", "afgerond"] == 1
    assert counts.loc["wonen", "totaal"] == 3 and counts.loc["wonen", "over_tijd"] == 1
    assert counts.loc["leren", "niet gestart"] == 0 and counts.loc["leren", "over_tijd"] == 1
    assert counts["totaal"].sum() == 6


def test_party_counts_and_next_due_date():
    reg = register(agreements(), links(), REF)
    parties = party_counts(reg).set_index("party")
    assert list(parties.index) == ["gemeente", "rijk", "beide"]
    assert parties.loc["gemeente", "afspraken"] == 3 and parties.loc["gemeente", "afgerond"] == 1
    assert parties.loc["gemeente", "next_due"] == pd.Timestamp("2010-01-01")  # the done one does not count
    assert parties.loc["rijk", "over_tijd"] == 2
    assert pd.isna(parties.loc["beide", "next_due"])  # only an agreement without a due date


def test_involved_partners():
    reg = register(agreements(), links(), REF)
    partners = involved_partners(reg).set_index("partner_code")
    assert partners.loc["GEM", "numbers"] == [2, 3] and partners.loc["GEM", "over_tijd"] == 1
    assert partners.loc["RIJK", "afspraken"] == 2 and partners.loc["RIJK", "over_tijd"] == 2
    assert involved_partners(reg[reg["number"] == 1]).empty


def test_agreements_of_partner():
    own = agreements_of_partner("GEM", agreements(), links(), REF)
    assert list(own["number"]) == [2, 3]
    assert agreements_of_partner("NIEMAND", agreements(), links(), REF).empty


def test_themes_and_choices():
    assert themes(agreements()) == ["wonen", "werken", "leren"]
    assert choices(["rijk", "provincie"], ("gemeente", "rijk", "beide")) == ["gemeente", "rijk", "beide", "provincie"]
