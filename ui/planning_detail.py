"""The detail of one project: partners with their amounts, milestones, the status history."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from domain.milestones import milestone_state

from . import format as fmt
from .data import Snapshot
from .figures import ProgrammeData
from .style import project_status_display
from .tables import escape_markdown, static_table


def project_detail(code: str, data: ProgrammeData, snap: Snapshot, reference_date: dt.date) -> None:
    project = data.projects.set_index("code").loc[code]
    with st.container(border=True):
        st.subheader(escape_markdown(project["title"]))
        st.caption(
            f"{project['wijk_name']} · {project['theme']} · {fmt.date_long(project['start_date'])} tot "
            f"{fmt.date_long(project['end_date'])} · status {project_status_display(project['status'])}, "
            f"{project['progress']}% gereed"
        )
        if pd.notna(project["description"]):
            st.markdown(escape_markdown(project["description"]))  # text from the data, not Markdown

        partners = data.project_partners[data.project_partners["project_code"] == code]
        total = partners["amount"].sum()
        st.markdown("**Partners**")
        static_table(
            pd.DataFrame(
                {
                    "Partner": partners["partner_name"],
                    "Rol": partners["is_lead"].map({True: "trekker", False: "bijdrager"}),
                    "Bijdrage": partners["amount"].map(lambda a: fmt.euro(a, cents=True)),
                    "Aandeel": (partners["amount"] / total).map(fmt.percent) if total else "–",
                }
            ),
            "Partners van het project",
        )
        st.caption(f"Totaal: {fmt.euro(total, cents=True)}")

        milestones = milestone_state(
            snap.frame("milestones", project["programme_code"]).query("project_code == @code"), reference_date
        )
        st.markdown("**Mijlpalen**")
        if milestones.empty:
            st.write("Geen mijlpalen vastgelegd.")
        else:
            state = (
                milestones["done"]
                .map({True: "gehaald"})
                .where(milestones["done"], milestones["overdue"].map({True: "te laat", False: "open"}))
            )
            static_table(
                pd.DataFrame(
                    {
                        "Mijlpaal": milestones["title"],
                        "Gepland": milestones["due_date"].map(fmt.date_short),
                        "Gereed": milestones["done_date"].where(milestones["done"]).map(fmt.date_short),
                        "Stand": state,
                    }
                ),
                "Mijlpalen van het project",
            )

        history = snap.frame("status_updates", project["programme_code"]).query("project_code == @code")
        history = history[history["update_date"] <= pd.Timestamp(reference_date)].sort_values(
            "update_date", ascending=False
        )
        st.markdown(f"**Statusgeschiedenis** (tot en met {fmt.date_long(reference_date)})")
        if history.empty:
            st.write("Nog geen statusupdates.")
        else:
            static_table(
                pd.DataFrame(
                    {
                        "Datum": history["update_date"].map(fmt.date_short),
                        "Status": history["status"].map(project_status_display),
                        "Voortgang": history["progress"].map(lambda v: f"{v}%"),
                        "Toelichting": history["text"].fillna(""),
                        "Oorzaak": history["oorzaak"].fillna(""),
                        "Gevolg": history["gevolg"].fillna(""),
                        "Maatregel": history["maatregel"].fillna(""),
                        "Door": history["author"].fillna(""),
                    }
                ),
                "Statusgeschiedenis van het project",
                missing="",  # an update without oorzaak has none, it is not unknown
            )
