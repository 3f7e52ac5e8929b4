"""Stuurgroep: what changed since the last meeting, the agenda, decisions and actions, the steering pack."""

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from data_access.access import EDIT_DATA, PermissionDenied
from data_access.meetings import MeetingError, add_item, close_item, create_meeting
from domain.meeting_pack import MeetingPack, default_previous_date
from reports import progress_report, steering_pack
from reports.tables import AGENDA_ORDER, CHANGE_ORDER, SPECS
from ui import format as fmt
from ui import page, static_chart
from ui.auth import current_actor
from ui.data import engine
from ui.stuurgroep import changes_per_wijk_chart, live_pack, programme_frames, table
from ui.style import PROJECT_STATUS_COLOURS, PROJECT_STATUS_LABELS, TARGET_STATUS_COLOURS
from ui.target_settings import effective_settings
from ui.widgets import XLSX_MIME, lazy_tabs, show_status_bar

K_MEETING, K_OPEN = "sg_meeting_date", "sg_open_meeting"
P_MEETING = "vergadering"

sel, snap = page.begin()
actor = current_actor()
can_edit = actor.can(EDIT_DATA)
code = sel.programme_code
stored = snap.frame("meetings")
stored = stored[stored["programme_code"] == code].sort_values("meeting_date", ascending=False)
stored_dates = [d.date() for d in stored["meeting_date"]]
items = snap.frame("meeting_items")
items = items[items["programme_code"] == code]

st.title(f"Stuurgroep · {sel.programme['name']}")

# Which meeting: the URL (?vergadering=JJJJ-MM-DD) on arrival, else the peildatum. A different programme or
# peildatum chosen in the sidebar later starts from that peildatum again.
origin = (code, sel.reference_date)
if K_MEETING not in st.session_state:
    linked = st.query_params.get(P_MEETING)
    try:
        st.session_state[K_MEETING] = dt.date.fromisoformat(linked) if linked else sel.reference_date
    except ValueError:
        st.warning(f"De vergaderdatum '{linked}' uit de link is geen datum (JJJJ-MM-DD); de peildatum wordt gebruikt.")
        st.session_state[K_MEETING] = sel.reference_date
elif st.session_state.get("sg_origin") != origin:
    st.session_state[K_MEETING] = sel.reference_date
st.session_state["sg_origin"] = origin


def _write(fn, args: tuple, done: str | None) -> None:
    """Run a write function from a widget callback (before the page runs), keeping its Dutch message."""
    try:
        result = fn(engine(), actor, *args)
    except (MeetingError, PermissionDenied) as exc:
        st.session_state["sg_error"] = str(exc)
    else:
        if done:
            st.session_state["sg_flash"] = done.format(result=result)


def _record_meeting(meeting: dt.date, previous: dt.date, pack: MeetingPack) -> None:
    # The snapshot is serialised only when the button is pressed, not on every run of the page.
    _write(create_meeting, (code, meeting, previous, pack.to_json()), None)


def _add_from_form(meeting: dt.date) -> None:
    s = st.session_state
    _write(
        add_item,
        (
            code,
            meeting,
            s["sg_kind"],
            s["sg_text"],
            s["sg_owner"] or None,
            s["sg_due"],
            s["sg_project"] or None,
            s["sg_wijk"] or None,
        ),
        "Punt {result} (" + s["sg_kind"] + ") is genoteerd.",
    )


def _close_from_form(versions: dict[str, int], labels: dict[str, str], closed: dt.date) -> None:
    choice = st.session_state["sg_close_choice"]
    item_date, number = choice.split("/")
    args = (code, dt.date.fromisoformat(item_date), int(number), versions[choice], closed)
    _write(close_item, args, f"Actie {labels[choice]} is afgerond.".replace("{", "{{").replace("}", "}}"))


def _open_stored() -> None:
    choice = st.session_state[K_OPEN]
    if choice:
        st.session_state[K_MEETING] = dt.date.fromisoformat(choice)


left, middle, right = st.columns([1, 1, 2])
meeting_date = left.date_input("Vergaderdatum", key=K_MEETING, format="DD-MM-YYYY")
if meeting_date is None:
    st.stop()
record = stored[stored["meeting_date"] == pd.Timestamp(meeting_date)]
is_stored = not record.empty
if is_stored:
    previous_date = record["previous_date"].iloc[0].date()
    middle.text_input("Vorige vergadering", fmt.date_long(previous_date), disabled=True)
else:
    previous_date = middle.date_input(
        "Vorige vergadering",
        value=default_previous_date(stored_dates, meeting_date),
        max_value=meeting_date - dt.timedelta(days=1),
        key=f"sg_previous_{meeting_date.isoformat()}",
        format="DD-MM-YYYY",
        help="Standaard de laatst vastgelegde vergadering voor deze datum, of 7 dagen eerder.",
    )
right.selectbox(
    "Eerdere vergadering openen",
    ["", *[d.isoformat() for d in stored_dates]],
    format_func=lambda d: "Kies een vastgelegde vergadering" if not d else fmt.date_long(dt.date.fromisoformat(d)),
    key=K_OPEN,
    on_change=_open_stored,
)
if st.query_params.get(P_MEETING) != meeting_date.isoformat():
    st.query_params[P_MEETING] = meeting_date.isoformat()
if previous_date is None or previous_date >= meeting_date:
    st.error("De vorige vergadering moet voor de vergaderdatum liggen.")
    st.stop()

frames = programme_frames(snap, sel)
live, live_cells = live_pack(snap, frames, sel, items, previous_date, meeting_date)
pack = live
if is_stored:
    row = record.iloc[0]
    stored_pack = MeetingPack.from_json(row["snapshot"]) if row["snapshot"] else None
    created = f"vastgelegd op {fmt.date_long(row['created_at'])} door {row['created_by']}"
    if stored_pack is None:
        st.info(f"Vergadering van {fmt.date_long(meeting_date)} ({created}), zonder vastgelegd beeld.")
    elif stored_pack.stored_fingerprint == live.fingerprint():
        st.success(
            f"Vergadering van {fmt.date_long(meeting_date)}: beeld zoals {created}. "
            + "De gegevens zijn sindsdien niet veranderd."
        )
        pack = stored_pack
    else:
        st.warning(
            f"Vergadering van {fmt.date_long(meeting_date)}: hieronder staat het beeld zoals {created}. "
            "De gegevens zijn sindsdien gewijzigd (bijvoorbeeld een latere correctie of import)."
        )
        if not st.toggle("Actuele berekening tonen in plaats van het vastgelegde beeld", key="sg_live"):
            pack = stored_pack
    # Actions closed after the snapshot: the open actions are always computed from the item history.
    pack.tables["open_actions"] = live.tables["open_actions"]
    pack.headline["open_actions"] = live.headline["open_actions"]
else:
    st.info(
        f"De vergadering van {fmt.date_long(meeting_date)} is nog niet vastgelegd. Vastleggen bewaart dit beeld, "
        "zodat het later precies zo terug te zien is, en opent het besluiten- en actielog."
    )
    if can_edit:
        st.button(
            "Vergadering vastleggen",
            type="primary",
            key="sg_create",
            on_click=_record_meeting,
            args=(meeting_date, previous_date, live),
        )

if error := st.session_state.pop("sg_error", None):
    st.error(error)
    st.toast(error, icon=":material/error:")
if flash := st.session_state.pop("sg_flash", None):
    st.success(flash)
    st.toast(flash, icon=":material/check:")

st.caption(
    f"Wijzigingen na {fmt.date_long(previous_date)} tot en met {fmt.date_long(meeting_date)}; agenda en "
    "kerncijfers op de vergaderdatum. De stuurgroep kijkt naar het hele programma (de wijkkeuze in de zijbalk "
    "geldt hier niet)."
)

h = pack.headline
c = st.columns(4)
c[0].metric("Lopende projecten", fmt.number(h["running"]), help=f"Van {fmt.number(h['projects'])} projecten.")
c[1].metric("Vertraagd (rood)", fmt.number(h["red"]))
c[2].metric("Aandacht (oranje)", fmt.number(h["orange"]))
c[3].metric(
    "Statuswijzigingen",
    fmt.number(h["net_status_changes"]),
    help="Projecten met een andere status dan bij de vorige vergadering (netto); "
    f"{fmt.number(h['status_changes_listed'])} projecten veranderden van status.",
)
c = st.columns(4)
c[0].metric("Mijlpalen te laat", fmt.number(h["overdue_milestones"]))
c[1].metric("Verouderde updates", fmt.number(h["stale"]))
c[2].metric("Doelen niet op koers", fmt.number(h["targets_off_course"]), help=f"Van {fmt.number(h['targets'])} doelen.")
c[3].metric("Openstaande acties", fmt.number(h["open_actions"]))

cells = live_cells if pack is live else None
tab_agenda, tab_changes, tab_log, tab_export = lazy_tabs(
    ["Agenda", "Wat is er veranderd", "Besluiten en acties", "Stuurgroeppakket en rapportages"], key="sg_tab"
)

if tab_agenda.open:
    with tab_agenda:
        for n, name in enumerate(AGENDA_ORDER, start=1):
            frame = pack.tables[name]
            st.subheader(f"{n}. {SPECS[name].title} ({fmt.number(len(frame))})")
            table(name, frame, cells)
        st.caption(
            "Agenda op de vergaderdatum: rood boven oranje; mijlpalen te laat = gepland voor de vergaderdatum en toen "
            "niet gehaald; verouderd = lopend project zonder update in 28 dagen; doelen 'niet op koers' volgens het "
            "traject; charterafspraken met een uiterste datum die voorbij is en niet afgerond; acties uit eerdere "
            "vergaderingen die nog open stonden."
        )

if tab_changes.open:
    with tab_changes:
        by_wijk = pack.tables["by_wijk"]
        left, right = st.columns(2)
        with left:
            st.subheader("Per wijk")
            if by_wijk["total"].sum() > 0:
                static_chart.show_altair(
                    changes_per_wijk_chart(by_wijk, previous_date, meeting_date), static_chart.HALF_WIDTH
                )
            table("by_wijk", by_wijk, cells)
        with right:
            st.subheader("Per partner")
            table("by_partner", pack.tables["by_partner"], cells)
            st.caption("Een partner telt mee bij elk gewijzigd project dat hij trekt of waaraan hij bijdraagt.")
        for name in CHANGE_ORDER:
            frame = pack.tables[name]
            st.subheader(f"{SPECS[name].title} ({fmt.number(len(frame))})")
            table(name, frame, cells)
        st.caption(
            "Een project dat in deze periode van status veranderde en weer terugging staat in de lijst met "
            "'Netto gewijzigd: nee'; de kerncijfers tellen alleen netto wijzigingen. Een meting van jaar J telt "
            "vanaf 1 januari van J. Charterstatussen hebben geen eigen geschiedenis: wijzigingen komen uit het "
            "wijzigingslogboek."
        )
        st.subheader("Stand op de vergaderdatum")
        left, right = st.columns(2)
        counts = pack.tables["project_status_counts"].rename(columns={"count": "aantal"})
        counts["label"] = [PROJECT_STATUS_LABELS.get(s, s) for s in counts["status"]]
        with left:
            show_status_bar(
                counts,
                PROJECT_STATUS_COLOURS,
                "Projecten naar status",
                f"Staafdiagram: projecten per status op {fmt.date_long(meeting_date)}, "
                f"{int(counts['aantal'].sum())} projecten.",
            )
            table("project_status_counts", pack.tables["project_status_counts"], cells)
        tcounts = pack.tables["target_status_counts"].rename(columns={"count": "aantal"})
        tcounts["label"] = tcounts["status"]
        with right:
            if tcounts["aantal"].sum() > 0:
                show_status_bar(
                    tcounts,
                    TARGET_STATUS_COLOURS,
                    "Doelen naar status",
                    f"Staafdiagram: doelen per status op {fmt.date_long(meeting_date)}, "
                    f"{int(tcounts['aantal'].sum())} doelen.",
                )
                table("target_status_counts", pack.tables["target_status_counts"], cells)
            else:
                st.info("Voor dit programma zijn geen meetbare doelen vastgelegd.")

own_items = items[items["meeting_date"] == pd.Timestamp(meeting_date)].sort_values("number")
partners = snap.frame("partners").set_index("code")["name"]
projects = snap.frame("projects", code)
projects = projects[projects["programme_code"] == code].set_index("code")
wijken = snap.frame("wijken")
wijken = wijken[wijken["programme_code"] == code].set_index("code")["name"]

# Built even when closed: a decision or action half typed must survive a look at the agenda.
with tab_log:
    st.subheader(f"Genoteerd in deze vergadering ({fmt.number(len(own_items))})")
    table("items", own_items)
    if not is_stored:
        st.info("Leg de vergadering eerst vast (knop hierboven); daarna kunt u besluiten en acties noteren.")
    elif not can_edit:
        st.caption(f"Uw rol ({actor.role}) mag geen besluiten of acties noteren.")
    else:
        with st.form("sg_new_item", clear_on_submit=True):
            st.markdown("**Besluit of actie noteren**")
            st.radio("Soort", ["besluit", "actie"], horizontal=True, key="sg_kind")
            st.text_area("Tekst", max_chars=2000, key="sg_text")
            f1, f2, f3, f4 = st.columns(4)
            f1.selectbox(
                "Eigenaar (partner)",
                ["", *partners.index],
                format_func=lambda p: partners.get(p, "geen"),
                key="sg_owner",
            )
            f2.date_input("Uiterste datum", value=None, min_value=meeting_date, format="DD-MM-YYYY", key="sg_due")
            f3.selectbox("Wijk", ["", *wijken.index], format_func=lambda w: wijken.get(w, "geen"), key="sg_wijk")
            f4.selectbox(
                "Project",
                ["", *projects.index],
                format_func=lambda p: f"{projects.loc[p, 'title']} ({p})" if p else "geen",
                key="sg_project",
            )
            st.form_submit_button("Noteren", type="primary", on_click=_add_from_form, args=(meeting_date,))

    carried = pack.tables["open_actions"]
    own_open = own_items[(own_items["kind"] == "actie") & (own_items["status"] == "open")]
    closable = pd.concat(
        [
            carried[carried["status"] == "open"][["meeting_date", "number", "text", "version"]],
            own_open[["meeting_date", "number", "text", "version"]],
        ]
    )
    st.subheader(f"Openstaande acties uit eerdere vergaderingen ({fmt.number(len(carried))})")
    table("open_actions", carried)
    if is_stored and can_edit and not closable.empty:
        labels = {
            f"{m.date().isoformat()}/{n}": f"{fmt.date_short(m)} nr. {n}: {t[:80]}"
            for m, n, t in zip(closable["meeting_date"], closable["number"], closable["text"], strict=True)
        }
        versions = {
            f"{m.date().isoformat()}/{n}": int(v)
            for m, n, v in zip(closable["meeting_date"], closable["number"], closable["version"], strict=True)
        }
        with st.form("sg_close_item"):
            st.selectbox("Actie afronden", list(labels), format_func=labels.get, key="sg_close_choice")
            st.form_submit_button(
                f"Afronden per {fmt.date_long(meeting_date)}",
                on_click=_close_from_form,
                args=(versions, labels, meeting_date),
            )

if tab_export.open:
    with tab_export:
        stamp = meeting_date.isoformat()
        st.markdown(
            "Het stuurgroeppakket bevat de kerncijfers, de agenda, de wijzigingen, grafieken en de besluiten en "
            "acties. De PDF is ook in zwart-wit leesbaar; de Excel-werkmap heeft één blad per onderdeel en de "
            "CSV-bestanden één bestand per tabel."
        )
        exports = (
            ("Stuurgroeppakket (PDF)", steering_pack.pdf_bytes, ".pdf", "application/pdf", "picture_as_pdf"),
            ("Werkmap (Excel)", steering_pack.workbook_bytes, ".xlsx", XLSX_MIME, "table_view"),
            ("Tabellen (CSV, zip)", steering_pack.csv_zip_bytes, "-csv.zip", "application/zip", "folder_zip"),
        )
        for column, (label, build, suffix, mime, icon) in zip(st.columns(3), exports, strict=True):
            column.download_button(
                label,
                data=partial(build, pack, own_items),  # built only when clicked
                file_name=f"stuurgroep-{code}-{stamp}{suffix}",
                mime=mime,
                on_click="ignore",
                icon=f":material/{icon}:",
            )

        st.subheader("Voortgangsrapportage per contract")
        contracts = snap.frame("contracts")
        contracts = contracts[contracts["programme_code"] == code].set_index("code")
        moments = snap.frame("report_moments")
        r1, r2 = st.columns(2)
        contract = r1.selectbox(
            "Contract",
            list(contracts.index),
            format_func=lambda c: f"{contracts.loc[c, 'title']} ({wijken.get(contracts.loc[c, 'wijk_code'], '')})",
            key="sg_contract",
        )
        own_moments = moments[moments["contract_code"] == contract]
        options = {
            d.date(): f"{fmt.date_long(d)} – {t}"
            for d, t in zip(own_moments["report_date"], own_moments["title"], strict=True)
        }
        options.setdefault(meeting_date, f"{fmt.date_long(meeting_date)} – vergaderdatum")
        report_date = r2.selectbox("Stand op", list(options), format_func=options.get, key=f"sg_report_date_{contract}")
        st.download_button(
            "Voortgangsrapportage (PDF)",
            data=partial(  # built when clicked, outside the run: the session's thresholds are taken now
                lambda *args: progress_report.pdf_bytes(progress_report.build(*args)),
                frames,
                contracts.reset_index(),
                contract,
                report_date,
                sel.programme["name"],
                effective_settings(snap),
            ),
            file_name=f"voortgangsrapportage-{contract}-{report_date.isoformat()}.pdf",
            mime="application/pdf",
            on_click="ignore",
            icon=":material/description:",
        )
