"""The Overzicht page's tables under their Dutch headers, every value as nl-NL text."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from . import format as fmt
from .style import PROJECT_STATUS_LABELS, project_status_display

AMOUNTS = {"requested": "Aangevraagd", "approved": "Toegekend", "spent": "Besteed"}


def budget_categories(allocations: pd.DataFrame) -> pd.DataFrame:
    """The central budget per category: requested, approved and spent."""
    by_cat = allocations.groupby("category", as_index=False)[list(AMOUNTS)].sum()
    return pd.DataFrame({"Categorie": by_cat["category"], **{h: by_cat[c].map(fmt.euro) for c, h in AMOUNTS.items()}})


def wijk_table(per_wijk: pd.DataFrame, programme_code: str, reference_date: dt.date) -> pd.DataFrame:
    """domain.overview.wijk_summary with a link to each wijk's profile at the same peildatum."""
    return pd.DataFrame(
        {
            "Wijk": per_wijk["name"],
            "Stadsdeel / wijk": per_wijk["district"],
            "Status (slechtste telt)": [
                project_status_display(s) if s in PROJECT_STATUS_LABELS else s for s in per_wijk["rollup"]
            ],
            "Projecten": per_wijk["projecten"],
            "Op schema": per_wijk["op schema"],
            "Aandacht": per_wijk["aandacht"],
            "Vertraagd": per_wijk["vertraagd"],
            "Afgerond": per_wijk["afgerond"],
            "Verouderd": per_wijk["verouderd"],
            "Partnerbijdragen": per_wijk["budget"].map(fmt.euro),
            "Doelen gehaald of op koers": [
                f"{g} van {d}" if d else "–" for g, d in zip(per_wijk["doelen_goed"], per_wijk["doelen"], strict=True)
            ],
            "Profiel": [
                f"wijkprofiel?programma={programme_code}&wijk={code}&peildatum={reference_date.isoformat()}"
                for code in per_wijk["code"]
            ],
        }
    )


def programme_table(comparison: pd.DataFrame) -> pd.DataFrame:
    """domain.overview.programme_comparison of every programme."""
    return pd.DataFrame(
        {
            "Programma": comparison["name"],
            "Stad": comparison["city"],
            "Wijken": comparison["wijken"],
            "Contracten": comparison["contracten"],
            "Projecten": comparison["projecten"],
            "Partnerbijdragen": comparison["partnerbijdragen"].map(fmt.euro),
            "Centraal budget": comparison["central_budget"].map(fmt.euro),
            "Toegekend": comparison["toegekend"].map(fmt.euro),
            "Beschikbaar": comparison["beschikbaar"].map(fmt.euro),
        }
    )
