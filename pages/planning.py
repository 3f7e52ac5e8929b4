"""Planning: Gantt chart of the projects with milestones, the attention lists, and a project's detail."""

from functools import partial

import streamlit as st

from domain.planning import (
    PlanningFilter,
    collapsed_groups,
    page_count,
)
from domain.project_status import DEFAULT_RHYTHM_DAYS, STATUSES
from ui import format as fmt
from ui import page
from ui.figures import programme_data
from ui.filters import date, multi, set_value, single
from ui.gantt import SELECTION, gantt_spec, summary_chart
from ui.planning_detail import project_detail
from ui.planning_view import LIST_CAPTIONS, gantt_page, planning_view
from ui.style import PROJECT_STATUS_LABELS
from ui.tables import grid_on_request

PAGE_SIZE = 40
K_PROJECT, K_CHART, K_TABLE, K_GRID = "project", "gantt", "projecttabel", "projectraster"

sel, snap = page.begin()
data = programme_data(snap, sel)
projects = data.projects
partners = data.project_partners.drop_duplicates("partner_code").set_index("partner_code")["partner_name"].sort_values()

st.title(f"Planning · {sel.programme['name']}")
st.caption(
    f"Stand op peildatum {fmt.date_long(sel.reference_date)}"
    + (f" · wijk {data.wijken.set_index('code').loc[sel.wijk_code, 'name']}" if sel.wijk_code else " · alle wijken")
)

# Filters (in the URL, so a filtered view can be linked).
c = st.columns([1.3, 2, 2, 2])
group_by = single("Groeperen op", "groep", ["wijk", "thema"], "groepering", str.capitalize, c[0], "segmented")
themes = multi("Thema", "thema", sorted(projects["theme"].unique()), "thema's", container=c[1])
chosen_partners = multi(
    "Partner (trekker of bijdrager)", "partner", list(partners.index), "partners", partners.get, container=c[2]
)
statuses = multi("Status", "status", list(STATUSES), "statussen", PROJECT_STATUS_LABELS.get, container=c[3])
p = st.columns([1, 1, 2])
start = date("Periode vanaf", "van", "begindatum", p[0])
end = date("Periode tot en met", "tot", "einddatum", p[1])
if start and end and end < start:
    st.warning("De einddatum van de periode ligt voor de begindatum; de periode wordt genegeerd.")
    start = end = None

chosen_filter = PlanningFilter(tuple(themes), tuple(chosen_partners), tuple(statuses), start, end, sel.wijk_code)
planned = planning_view(snap, sel, chosen_filter, group_by)
shown, rows, lists = planned.shown, planned.rows, planned.lists

m = st.columns(5)
m[0].metric("Projecten in beeld", fmt.number(len(shown)), help=f"van {fmt.number(len(projects))} in het programma")
m[1].metric(
    "Aandacht / vertraagd", f"{(shown['status'] == 'aandacht').sum()} / {(shown['status'] == 'vertraagd').sum()}"
)
m[2].metric("Mijlpalen te laat", fmt.number(len(lists.overdue_milestones)))
m[3].metric("Over einddatum", fmt.number(len(lists.past_end)))
m[4].metric("Verouderd", fmt.number(len(lists.stale)), help=f"Geen statusupdate in {DEFAULT_RHYTHM_DAYS} dagen")

# Selecting a project: in the chart, in the table, or with the list below; all end up in ?project=.
options = ["", *rows["code"]]
labels = dict(zip(rows["code"], rows["label"], strict=True))


def _from_chart() -> None:
    points = st.session_state[K_CHART].selection.get(SELECTION) or []
    if points:
        set_value(K_PROJECT, points[0]["code"])


def _from_table(codes: list[str]) -> None:
    selected = st.session_state[K_TABLE].selection.rows
    if selected:
        set_value(K_PROJECT, codes[selected[0]])


if shown.empty:
    st.info("Geen projecten die aan deze filters voldoen.")
else:
    view = single(
        "Weergave",
        "weergave",
        ["projecten", "samengevat"],
        "weergave",
        {"projecten": "Alle projecten", "samengevat": f"Samengevat per {group_by}"}.get,
        control="segmented",
    )
    title = f"Planning per {group_by}"
    if view == "samengevat":
        groups = collapsed_groups(rows)
        st.altair_chart(
            summary_chart(groups, sel.reference_date, f"{title} (samengevat)", group_by),
            width="stretch",
        )
        st.caption(
            "Per groep één balk van de eerste start tot het laatste einde; de kleur is de slechtste status "
            "van de lopende projecten (zie Overzicht voor de regel)."
        )
    else:
        pages = page_count(len(rows), PAGE_SIZE)
        number = st.pagination(pages, key="pagina") if pages > 1 else 1
        gantt = gantt_page(snap, sel, chosen_filter, group_by, number, PAGE_SIZE)
        visible, frame = gantt.visible, gantt.frame
        if pages > 1:
            st.caption(f"Projecten {visible['row'].min() + 1}–{visible['row'].max() + 1} van {len(rows)}.")
        st.vega_lite_chart(
            frame,
            gantt_spec(
                frame,
                title,
                f"Gantt-diagram van {len(visible)} projecten per {group_by}, gekleurd naar status, met mijlpalen, "
                f"de contractperiode, rapportagedata en de peildatum {fmt.date_long(sel.reference_date)}.",
            ),
            width="stretch",
            key=K_CHART,
            on_select=_from_chart,
            selection_mode=SELECTION,
        )
        st.caption(
            "Band: contractperiode. Stippellijn: rapportagemoment. Zwarte lijn: peildatum. "
            "Ruit: mijlpaal (zwart gehaald, wit open, rood te laat). Klik op een balk voor details."
        )

    chosen = single(
        "Project bekijken",
        K_PROJECT,
        options,
        "project",
        lambda code: "— kies een project —" if code == "" else labels[code],
    )
    if chosen:
        project_detail(chosen, data, snap, sel.reference_date)

    tabs = st.tabs(planned.tab_labels())
    with tabs[0]:
        if grid_on_request(K_GRID):
            st.dataframe(
                planned.table,
                hide_index=True,
                width="stretch",
                key=K_TABLE,
                on_select=partial(_from_table, list(rows["code"])),
                selection_mode="single-row",
                column_config={
                    "Voortgang": st.column_config.ProgressColumn("Voortgang", min_value=0, max_value=100, format="%d%%")
                },
            )
        else:
            st.html(planned.markup["projects"])
    for tab, name in zip(tabs[1:], list(LIST_CAPTIONS)[1:], strict=True):
        with tab:
            if planned.markup[name]:
                st.html(planned.markup[name])
            else:
                st.write("Geen.")
