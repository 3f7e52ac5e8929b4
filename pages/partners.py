"""Partners: status per partner in the selection, one partner across all programmes, who is active where."""

from functools import partial

import pandas as pd
import streamlit as st

from domain.charter import agreements_of_partner
from domain.partners import (
    partner_projects,
)
from domain.project_status import DEFAULT_RHYTHM_DAYS, STATUSES, project_status
from ui import format as fmt
from ui import page, static_chart
from ui.charts import amount_heatmap, stacked_status_bars
from ui.figures import partner_figures, programme_data
from ui.filters import set_value, single
from ui.style import (
    CHARTER_PARTY_LABELS,
    PROJECT_STATUS_COLOURS,
    PROJECT_STATUS_LABELS,
    charter_status_display,
    project_status_display,
)
from ui.tables import grid_on_request, static_table

K_PARTNER, K_RANKING, K_GRID = "partner", "partnertabel", "partnerraster"


def ranking_table(ranking: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Partner": ranking["partner_name"],
            "Slechtste status": ranking["status"].map(project_status_display),
            "Projecten": ranking["projecten"],
            "Trekker": ranking["trekker"],
            "Bijdrager": ranking["bijdrager"],
            "Toegezegd budget": ranking["budget"],
            "Mijlpalen te laat": ranking["mijlpalen_te_laat"],
            "Verouderd": ranking["verouderd"],
            "Over tijd": ranking["over_tijd"],
            **{PROJECT_STATUS_LABELS[s].split(" (")[0].capitalize(): ranking[s] for s in STATUSES},
            "Soort": ranking["partner_kind"],
        }
    )


sel, snap = page.begin()
data = programme_data(snap, sel)
all_partners = snap.frame("partners")
partner_names = all_partners.set_index("code")["name"]
projects = data.projects
if sel.wijk_code:
    projects = projects[projects["wijk_code"] == sel.wijk_code]
figures = partner_figures(snap, sel)
ranking = figures.ranking
late_milestones = figures.milestones

scope = data.wijken.set_index("code").loc[sel.wijk_code, "name"] if sel.wijk_code else "alle wijken"
st.title(f"Partners · {sel.programme['name']}")
st.caption(f"{scope} · stand op peildatum {fmt.date_long(sel.reference_date)}")

budget = float(ranking["budget"].sum()) if not ranking.empty else 0.0
m = st.columns(5)
m[0].metric("Partners actief", fmt.number(len(ranking)), help="Trekker of bijdrager van minstens één project")
m[1].metric("Projecten", fmt.number(len(projects)))
m[2].metric(
    "Toegezegd budget",
    fmt.euro_compact(budget),
    help=f"Som van alle partnerbijdragen aan deze projecten: {fmt.euro(budget)}",
)
m[3].metric("Mijlpalen te laat", fmt.number(int(late_milestones["overdue"].sum())))
m[4].metric(
    "Verouderde projecten",
    fmt.number(int(projects["stale"].sum())),
    help=f"Lopende projecten zonder statusupdate in de laatste {DEFAULT_RHYTHM_DAYS} dagen",
)


def _from_table(codes: list[str]) -> None:
    rows = st.session_state[K_RANKING].selection.rows
    if rows:
        set_value(K_PARTNER, codes[rows[0]])


st.subheader("Status per partner")
if ranking.empty:
    st.info("In deze selectie zijn geen partners actief.")
else:
    breakdown = figures.breakdown
    static_chart.show_altair(
        stacked_status_bars(
            breakdown,
            "partner_name",
            "Partner",
            PROJECT_STATUS_COLOURS,
            PROJECT_STATUS_LABELS,
            "Projecten per partner naar status",
            f"Gestapeld staafdiagram: per partner het aantal projecten waarvan de partner trekker of bijdrager is, "
            f"naar status op {fmt.date_long(sel.reference_date)}; {len(ranking)} partners, grootste budget bovenaan.",
        )
    )
    table = ranking_table(ranking)
    if grid_on_request(K_GRID):
        st.dataframe(
            table.style.format({"Toegezegd budget": fmt.euro}),
            hide_index=True,
            width="stretch",
            height=min(35 * (len(table) + 1) + 3, 600),
            key=K_RANKING,
            on_select=partial(_from_table, list(ranking["partner_code"])),
            selection_mode="single-row",
        )
    else:
        shown = table.assign(**{"Toegezegd budget": table["Toegezegd budget"].map(fmt.euro)})
        static_table(shown, "Status per partner")
    st.caption(
        "Dezelfde aantallen als in de grafiek, grootste budget bovenaan. "
        "Trekker: projecten die de partner leidt; bijdrager: projecten waaraan hij bijdraagt zonder te trekken. "
        "Toegezegd budget: som van de bijdragen van de partner. Mijlpalen te laat: niet gehaalde mijlpalen met een "
        "datum voor de peildatum in de projecten van de partner. Slechtste status: vertraagd gaat voor aandacht, "
        "aandacht voor op schema (alleen lopende projecten tellen)."
    )

st.subheader("Partner in detail")
codes = list(partner_names.sort_values().index)
chosen = single(
    "Partner",
    K_PARTNER,
    ["", *codes],
    "partners",
    lambda code: "— kies een partner —" if code == "" else partner_names[code],
)
if not chosen:
    where = "in de keuzelijst of in de tabel hierboven" if st.session_state.get(K_GRID) else "in de keuzelijst"
    st.info(f"Kies een partner {where}.")
else:
    everything = snap.frame("projects")
    everything = everything.merge(
        project_status(everything, snap.frame("status_updates"), sel.reference_date), on="code", how="left"
    )
    own = partner_projects(chosen, everything, snap.frame("project_partners"))
    programme_names = snap.frame("programmes").set_index("code")["name"]
    agreements = agreements_of_partner(
        chosen, snap.frame("charter_agreements"), snap.frame("charter_partners"), sel.reference_date
    )
    partner = all_partners.set_index("code").loc[chosen]
    with st.container(border=True):
        st.markdown(f"### {partner['name']}")
        st.caption(
            f"{partner['kind']} · alle wijken en programma's · status op peildatum {fmt.date_long(sel.reference_date)}"
        )
        d = st.columns(4)
        d[0].metric("Projecten", fmt.number(len(own)))
        d[1].metric("Trekker van", fmt.number(int(own["is_lead"].sum())))
        d[2].metric(
            "Toegezegd",
            fmt.euro_compact(own["amount"].sum()),
            help=f"Som van de bijdragen van {partner['name']} aan alle projecten: {fmt.euro(own['amount'].sum())}",
        )
        d[3].metric("Charterafspraken", fmt.number(len(agreements)))

        st.markdown("**Projecten**")
        if own.empty:
            st.write("Deze partner trekt geen projecten en draagt aan geen project bij.")
        else:
            static_table(
                pd.DataFrame(
                    {
                        "Project": own["title"],
                        "Rol": own["is_lead"].map({True: "trekker", False: "bijdrager"}),
                        "Status": own["status"].map(project_status_display),
                        "Bijdrage": own["amount"].map(fmt.euro),
                        "Aandeel": own["share"].map(fmt.percent),
                        "Projectbudget": own["project_budget"].map(fmt.euro),
                        "Wijk": own["wijk_name"],
                        "Programma": own["programme_code"].map(programme_names),
                        "Einde": own["end_date"].map(fmt.date_short),
                    }
                ),
                f"Projecten van {partner['name']}",
            )
            st.caption("Aandeel: de bijdrage van de partner als deel van het budget van het project (alle bijdragen).")

        st.markdown("**Charterafspraken waarbij de partner partij is**")
        if agreements.empty:
            st.write("Geen charterafspraken.")
        else:
            static_table(
                pd.DataFrame(
                    {
                        "Nr": agreements["number"],
                        "Status": agreements["status"].map(charter_status_display),
                        "Over tijd": agreements["overdue"].map({True: "over tijd", False: ""}),
                        "Uiterste datum": agreements["due_date"].map(
                            lambda d: fmt.date_short(d) if pd.notna(d) else "doorlopend"
                        ),
                        "Thema": agreements["theme"],
                        "Aan zet": agreements["party"].map(lambda p: CHARTER_PARTY_LABELS.get(p, p)),
                        "Afspraak": agreements["text"],
                        "Programma": agreements["programme_code"].map(programme_names),
                    }
                ),
                f"Charterafspraken van {partner['name']}",
            )

st.subheader("Wie is waar actief")
amounts = figures.amounts
if amounts.empty:
    st.info("Voor dit programma zijn geen partners bij projecten vastgelegd.")
else:
    matrix = figures.matrix
    wijk_columns = [c for c in matrix.columns if c not in ("partner_name", "Totaal")]
    st.caption(
        f"Alle wijken van {sel.programme['name']}: per partner de som van zijn bijdragen aan projecten in de wijk. "
        "Een leeg vak: de partner is daar niet actief; € 0: alleen trekker, zonder bijdrage."
    )
    static_chart.show_altair(
        amount_heatmap(
            amounts,
            "wijk_name",
            "partner_name",
            wijk_columns,
            list(matrix["partner_name"]),
            ("Wijk", "Partner"),
            "Bijdragen per partner en wijk",
            f"Heatmap: bijdrage van elke partner per wijk in {sel.programme['name']}, donkerder is meer; "
            f"{len(matrix)} partners in {len(wijk_columns)} wijken. Dezelfde bedragen staan in de tabel eronder.",
        ),
        scroll=True,
    )
    shown_matrix = matrix.rename(columns={"partner_name": "Partner"})
    for column in [*wijk_columns, "Totaal"]:
        shown_matrix[column] = shown_matrix[column].map(lambda v: fmt.euro(v) if pd.notna(v) else "")
    # Partner names head their rows; an empty cell stays empty (not active there), not a missing value.
    static_table(shown_matrix, "Bijdragen per partner en wijk", row_headers=1, missing="")
