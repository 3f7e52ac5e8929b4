"""Charter: the agreements between the city and the Rijk by theme, status and party; overdue ones first."""

import pandas as pd
import streamlit as st

from domain.charter import (
    PARTIES,
    STATUSES,
    choices,
    filter_register,
    involved_partners,
    party_counts,
    register,
    theme_status_counts,
    themes,
)
from ui import format as fmt
from ui import page, static_chart
from ui.charts import stacked_status_bars
from ui.filters import multi
from ui.style import CHARTER_PARTY_LABELS, CHARTER_STATUS_COLOURS, charter_status_display
from ui.tables import grid_on_request, static_table

K_REGISTER, K_GRID = "charterregister", "charterraster"


def party_label(party: str) -> str:
    return CHARTER_PARTY_LABELS.get(party, party)


sel, snap = page.begin()
code = sel.programme_code
agreements = snap.frame("charter_agreements")
agreements = agreements[agreements["programme_code"] == code]
links = snap.frame("charter_partners")
links = links[links["programme_code"] == code]

st.title(f"Charter · {sel.programme['name']}")
st.caption(
    f"Afspraken tussen {sel.programme['city']} en het Rijk · geldt voor het hele programma · "
    f"stand op peildatum {fmt.date_long(sel.reference_date)}"
)
if agreements.empty:
    st.info(
        f"Voor {sel.programme['name']} zijn geen charterafspraken vastgelegd. Kies in de zijbalk een programma "
        "met een charter, of laad de afspraken met charter_agreement.csv."
    )
    st.stop()

reg = register(agreements, links, sel.reference_date)
c = st.columns(3)
chosen_themes = multi("Thema", "thema", themes(agreements), "thema's", container=c[0])
chosen_statuses = multi("Status", "status", choices(agreements["status"], STATUSES), "statussen", container=c[1])
chosen_parties = multi("Aan zet", "partij", choices(agreements["party"], PARTIES), "partijen", party_label, c[2])
shown = filter_register(reg, chosen_themes, chosen_statuses, chosen_parties)

m = st.columns(5)
m[0].metric("Afspraken", fmt.number(len(shown)), help=f"van {fmt.number(len(reg))} in het charter")
for col, status in zip(m[1:4], ("afgerond", "in uitvoering", "vertraagd"), strict=True):
    col.metric(status.capitalize(), fmt.number(int((shown["status"] == status).sum())))
m[4].metric(
    "Over tijd",
    fmt.number(int(shown["overdue"].sum())),
    help="Uiterste datum voor de peildatum en niet afgerond",
)

if shown.empty:
    st.info("Geen afspraken die aan deze filters voldoen.")
    st.stop()

st.subheader("Naar thema en status")
counts = theme_status_counts(shown)
statuses = [s for s in counts.columns if s not in ("totaal", "over_tijd")]
long = counts[statuses].reset_index().melt(id_vars="theme", var_name="status", value_name="aantal")
long = long[long["aantal"] > 0]
long["volgorde"] = long["theme"].map(list(counts.index).index)
long = long.sort_values(["volgorde"], kind="stable").drop(columns="volgorde")
static_chart.show_altair(
    stacked_status_bars(
        long,
        "theme",
        "Thema",
        CHARTER_STATUS_COLOURS,
        {},
        "Charterafspraken naar thema en status",
        f"Gestapeld staafdiagram: aantal charterafspraken per thema naar status; {len(shown)} afspraken, "
        f"waarvan {int(shown['overdue'].sum())} over tijd op {fmt.date_long(sel.reference_date)}.",
    )
)
static_table(
    counts.reset_index().rename(
        columns={
            "theme": "Thema",
            "totaal": "Totaal",
            "over_tijd": "Over tijd",
            **{s: s.capitalize() for s in statuses},
        }
    ),
    "Charterafspraken naar thema en status",
)

st.subheader("Naar partij die aan zet is")
by_party = party_counts(shown)
static_table(
    pd.DataFrame(
        {
            "Aan zet": by_party["party"].map(party_label),
            "Afspraken": by_party["afspraken"],
            "Afgerond": by_party["afgerond"],
            "Over tijd": by_party["over_tijd"],
            "Eerstvolgende uiterste datum": by_party["next_due"].map(fmt.date_short),
        }
    ),
    "Charterafspraken naar partij die aan zet is",
)
st.caption("Eerstvolgende uiterste datum: de vroegste uiterste datum van een afspraak die nog niet is afgerond.")

st.subheader("Register")
st.caption(
    "Over tijd: de uiterste datum ligt voor de peildatum en de afspraak is niet afgerond; een afspraak zonder "
    "uiterste datum loopt door en is nooit over tijd. Over tijd staat bovenaan (langst over tijd eerst), daarna "
    "op uiterste datum. De status is de laatst vastgelegde status."
)
register_table = pd.DataFrame(
    {
        "Nr": shown["number"],
        "Status": shown["status"].map(charter_status_display),
        "Over tijd": [
            f"{fmt.number(d)} dagen" if o else "" for o, d in zip(shown["overdue"], shown["days_late"], strict=True)
        ],
        "Uiterste datum": shown["due_date"].map(lambda d: fmt.date_short(d) if pd.notna(d) else "doorlopend"),
        "Thema": shown["theme"],
        "Aan zet": shown["party"].map(party_label),
        "Afspraak": shown["text"],
        "Partners": shown["partner_names"].map(", ".join),
    }
)
event = None
if grid_on_request(K_GRID):
    event = st.dataframe(
        register_table,
        hide_index=True,
        width="stretch",
        height=min(35 * (len(shown) + 1) + 3, 600),
        # A new key for new filters: Streamlit keeps a grid's selected row when its rows change, and row 5
        # of another filter is another agreement.
        key="|".join([K_REGISTER, *chosen_themes, *chosen_statuses, *chosen_parties]),
        on_select="rerun",
        selection_mode="single-row",
        column_config={
            "Nr": st.column_config.NumberColumn("Nr", width="small"),
            "Afspraak": st.column_config.TextColumn("Afspraak", width="large"),
            "Partners": st.column_config.TextColumn("Partners", width="medium"),
        },
    )
    st.caption("Kies een rij voor de afspraak met links naar de pagina's van haar partners.")
else:
    # Not overdue and without partners are empty cells, as in the grid, not missing values.
    static_table(register_table, "Register van charterafspraken", missing="")
picked = [r for r in (event.selection.rows if event else []) if r < len(shown)]
if picked:
    row = shown.iloc[picked[0]]
    with st.container(border=True):
        st.markdown(f"**Afspraak {row['number']}** · {row['theme']}")
        st.write(row["text"])
        due = fmt.date_long(row["due_date"]) if pd.notna(row["due_date"]) else "geen (doorlopend)"
        signal = " · **over tijd**" if row["overdue"] else ""
        st.caption(
            f"Aan zet: {party_label(row['party'])} · status {charter_status_display(row['status'])} · "
            f"uiterste datum {due}{signal}"
        )
        for partner_code, partner_name in zip(row["partner_codes"], row["partner_names"], strict=True):
            st.page_link(
                "pages/partners.py",
                label=partner_name,
                icon=":material/handshake:",
                query_params={"partner": partner_code},
            )

st.subheader("Betrokken partners")
partners = involved_partners(shown)
if partners.empty:
    st.write("Bij deze afspraken zijn geen partners vastgelegd.")
else:
    static_table(
        pd.DataFrame(
            {
                "Partner": partners["partner_name"],
                "Afspraken": partners["afspraken"],
                "Nummers": partners["numbers"].map(lambda n: ", ".join(str(x) for x in n)),
                "Over tijd": partners["over_tijd"],
                "Partnerpagina": [
                    f"partners?programma={code}&peildatum={sel.reference_date.isoformat()}&partner={p}"
                    for p in partners["partner_code"]
                ],
            }
        ),
        "Betrokken partners",
        links={"Partnerpagina": "Partner openen"},
    )
