"""Charter register: the agreements between a city and the Rijk, with the partners concerned.

Rules (one place):
- Over tijd (overdue): the due date lies before the reference date and the status is not "afgerond". An
  agreement without a due date (a standing agreement) is never overdue.
- The status is the one recorded in the data; the charter keeps no status history, so an earlier
  reference date changes what is overdue, not the status itself.
- Order of the register: overdue agreements first (longest overdue first), then the others by due date
  (agreements without one last), then by number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import pandas as pd

STATUSES = ("niet gestart", "in uitvoering", "vertraagd", "afgerond")
DONE = "afgerond"
PARTIES = ("gemeente", "rijk", "beide")


def is_overdue(agreements: pd.DataFrame, reference_date: dt.date) -> pd.Series:
    """True where the due date is before the reference date and the agreement is not 'afgerond'.

    A missing due date never makes an agreement overdue (NaT compares as False).
    """
    return (agreements["due_date"] < pd.Timestamp(reference_date)) & (agreements["status"] != DONE)


def register(agreements: pd.DataFrame, charter_partners: pd.DataFrame, reference_date: dt.date) -> pd.DataFrame:
    """The agreements in register order, with overdue, days_late, partner_codes and partner_names (lists).

    `agreements` has programme_code, number, theme, text, party, status, due_date; `charter_partners`
    has programme_code, number, partner_code, partner_name.
    """
    out = agreements.copy()
    out["overdue"] = is_overdue(out, reference_date)
    out["days_late"] = (pd.Timestamp(reference_date) - out["due_date"]).dt.days.where(out["overdue"], 0)
    out["days_late"] = out["days_late"].fillna(0).astype(int)
    links = charter_partners.sort_values(["programme_code", "number", "partner_name"])
    grouped = links.groupby(["programme_code", "number"])
    keys = list(zip(out["programme_code"], out["number"], strict=True))
    codes = grouped["partner_code"].agg(list).to_dict()
    names = grouped["partner_name"].agg(list).to_dict()
    out["partner_codes"] = [codes.get(k, []) for k in keys]
    out["partner_names"] = [names.get(k, []) for k in keys]
    out = out.sort_values(
        ["overdue", "due_date", "programme_code", "number"], ascending=[False, True, True, True], na_position="last"
    )
    return out.reset_index(drop=True)


def filter_register(
    reg: pd.DataFrame,
    themes: Iterable[str] = (),
    statuses: Iterable[str] = (),
    parties: Iterable[str] = (),
) -> pd.DataFrame:
    """The agreements matching every filter that is set; an empty filter keeps all. Order is kept."""
    keep = pd.Series(True, index=reg.index)
    for column, chosen in (("theme", list(themes)), ("status", list(statuses)), ("party", list(parties))):
        if chosen:
            keep &= reg[column].isin(chosen)
    return reg[keep]


def ordered(values: Iterable[str], known: tuple[str, ...]) -> list[str]:
    """The known values in their fixed order, followed by any other value in the data (sorted)."""
    present = set(values)
    return [v for v in known if v in present] + sorted(present - set(known))


def choices(values: Iterable[str], known: tuple[str, ...]) -> list[str]:
    """Every known value in its fixed order, then any other value found in the data (sorted)."""
    return [*known, *sorted(set(values) - set(known))]


def themes(agreements: pd.DataFrame) -> list[str]:
    """Themes in the order of the agreements' numbers (the charter's own chapter order)."""
    return list(dict.fromkeys(agreements.sort_values(["programme_code", "number"])["theme"]))


def theme_status_counts(reg: pd.DataFrame, theme_order: list[str] | None = None) -> pd.DataFrame:
    """Theme (index) x status (columns in the fixed order, zeros included), plus totaal and over_tijd."""
    theme_order = theme_order if theme_order is not None else themes(reg)
    statuses = [*STATUSES, *sorted(set(reg["status"]) - set(STATUSES))]
    counts = pd.crosstab(reg["theme"], reg["status"]).reindex(index=theme_order, columns=statuses, fill_value=0)
    counts = counts.fillna(0).astype(int)
    counts["totaal"] = counts[statuses].sum(axis=1)
    counts["over_tijd"] = reg.groupby("theme")["overdue"].sum().reindex(theme_order).fillna(0).astype(int)
    counts.index.name = "theme"
    counts.columns.name = None
    return counts


def party_counts(reg: pd.DataFrame) -> pd.DataFrame:
    """Per responsible party (fixed order): afspraken, afgerond, over_tijd, next_due (earliest open due date)."""
    parties = ordered(reg["party"], PARTIES)
    rows = []
    for party in parties:
        group = reg[reg["party"] == party]
        open_due = group.loc[group["status"] != DONE, "due_date"].dropna()
        rows.append(
            {
                "party": party,
                "afspraken": len(group),
                "afgerond": int((group["status"] == DONE).sum()),
                "over_tijd": int(group["overdue"].sum()),
                "next_due": open_due.min() if not open_due.empty else pd.NaT,
            }
        )
    return pd.DataFrame(rows, columns=["party", "afspraken", "afgerond", "over_tijd", "next_due"])


def involved_partners(reg: pd.DataFrame) -> pd.DataFrame:
    """Per partner named in these agreements: partner_code, partner_name, afspraken, numbers, over_tijd.

    Most agreements first, then by name.
    """
    pairs = reg[["number", "overdue", "partner_codes", "partner_names"]].explode(["partner_codes", "partner_names"])
    pairs = pairs.dropna(subset=["partner_codes"])
    if pairs.empty:
        return pd.DataFrame(columns=["partner_code", "partner_name", "afspraken", "numbers", "over_tijd"])
    out = pairs.groupby(["partner_codes", "partner_names"], as_index=False).agg(
        afspraken=("number", "size"),
        numbers=("number", lambda n: sorted(int(x) for x in n)),
        over_tijd=("overdue", "sum"),
    )
    out = out.rename(columns={"partner_codes": "partner_code", "partner_names": "partner_name"})
    out["over_tijd"] = out["over_tijd"].astype(int)
    return out.sort_values(["afspraken", "partner_name"], ascending=[False, True]).reset_index(drop=True)


def agreements_of_partner(
    partner_code: str, agreements: pd.DataFrame, charter_partners: pd.DataFrame, reference_date: dt.date
) -> pd.DataFrame:
    """The agreements (all programmes) where the partner is a party, in register order."""
    own = charter_partners[charter_partners["partner_code"] == partner_code]
    keys = set(zip(own["programme_code"], own["number"], strict=True))
    mask = [k in keys for k in zip(agreements["programme_code"], agreements["number"], strict=True)]
    return register(agreements[mask], charter_partners, reference_date)
