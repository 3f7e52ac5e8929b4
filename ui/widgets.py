"""Small shared page elements."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from domain.targets import TrajectorySettings

from . import format as fmt
from . import static_chart
from .charts import status_bar
from .tables import shared_table, static_table

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def target_rule_caption(settings: TrajectorySettings | None = None) -> None:
    """The target rule with the thresholds in effect (saved, or the user's trial in this session)."""
    if settings is None:
        from .data import snapshot
        from .target_settings import effective_settings

        settings = effective_settings(snapshot())
    late = f" plus {settings.grace_years} jaar" if settings.grace_years else ""
    st.caption(
        "Regel: de laatste meting wordt vergeleken met de rechte lijn van nulmeting naar doel in het jaar van "
        "die meting (richting telt mee: bij 'lager is beter' is een lagere waarde beter). "
        "**Gehaald**: doelwaarde bereikt. **Op koers**: op of voor de lijn. "
        f"**Risico**: achter de lijn, maar hoogstens {fmt.percent(settings.risk_tolerance, 0)} van de beoogde "
        "verandering. **Niet op koers**: verder achter, of doeljaar voorbij zonder het doel. "
        f"**Geen recente meting**: geen meting na de nulmeting, of de laatste is ouder dan het meetinterval{late}."
    )


def show_status_bar(counts: pd.DataFrame, colours: dict[str, str], title: str, description: str) -> None:
    """The status bar chart of `counts` (columns status, label, aantal), half the page wide."""
    spec = status_bar(counts, colours, title, description)
    static_chart.show(spec, counts[["status", "label", "aantal"]], static_chart.HALF_WIDTH)


def status_counts_section(
    counts: pd.Series,
    colours: dict[str, str],
    labels: dict[str, str],
    what: str,
    reference_date: dt.date,
    key: tuple | None = None,
) -> None:
    """Bar chart of counts per status with the same numbers as a table (`what`: 'projecten', 'doelen').

    With `key` (ui.figures.selection_key) the table's cells are shared by everyone with that key."""
    frame = counts.rename_axis("status").reset_index(name="aantal")
    frame["label"] = [labels.get(s, s) for s in frame["status"]]
    title = f"{what.capitalize()} naar status"
    description = (
        f"Staafdiagram: aantal {what} per status op {fmt.date_long(reference_date)}, "
        f"{int(frame['aantal'].sum())} {what} in totaal."
    )
    show_status_bar(frame, colours, title, description)

    def table() -> pd.DataFrame:  # built only when not shared yet: selecting columns costs ~1 ms a run
        return frame[["label", "aantal"]].rename(columns={"label": "Status", "aantal": "Aantal"})

    if key is None:
        static_table(table(), title)
    else:
        shared_table((*key, "status_counts", what), title, table)


def lazy_tabs(labels: list[str], key: str, default: str | None = None) -> list:
    """Tabs that build only the open tab: `if tab.open:` around each tab's content.

    Streamlit otherwise computes and sends every tab, and the browser draws them all (hidden tabs
    included) before the page counts as loaded. Switching tabs is then a short rerun."""
    return list(st.tabs(labels, key=key, default=default, on_change="rerun"))
