"""Beheer: keep the data current, safely. Import with preview, forms, bulk edits, backup, audit log.

Every write goes through a data_access write function with the acting user, which checks the role on the
server side; this page only hides what the role cannot do. Edits remember the version of each row as it
was shown, so a save after somebody else's change is refused instead of overwriting it.
"""

import datetime as dt
from functools import partial

import pandas as pd
import streamlit as st

from data_access.access import EDIT_DATA, EDIT_PROJECT, IMPORT, PermissionDenied
from data_access.boundaries import decode_geojson, import_boundaries, match_boundaries
from data_access.csv_spec import BY_NAME
from data_access.edits import (
    BULK_TABLES,
    EditRefused,
    StaleEdit,
    add_status_update,
    editable_frame,
    save_measurement,
    save_rows,
    set_milestone_done,
)
from data_access.imports import (
    IMPORTABLE,
    MAX_UPLOAD_BYTES,
    ImportRefused,
    apply_import,
    export_zip,
    preview_import,
    template_csv,
    template_xlsx,
)
from data_access.models import PROJECT_STATUSES
from domain.audit import filter_audit
from domain.explanation import EXPLAINED_STATUSES
from ui import beheer as ub
from ui import format as fmt
from ui import page
from ui.auth import current_actor
from ui.data import engine
from ui.tables import static_table
from ui.widgets import XLSX_MIME, lazy_tabs

S_UPLOAD = "beheer_upload"  # {file name: bytes} of the files being checked
S_PREVIEW = "beheer_preview"
S_SEEN = "beheer_seen"  # {(table, key): version as shown}: the version an edit is based on
S_BULK = "beheer_bulk_base"  # {table: frame as loaded}: what the data editor edits
S_BULK_GEN = "beheer_bulk_generation"
S_BULK_DRAFT = "beheer_bulk_draft"  # what the data editors start from and hold (ui.beheer.bulk_editor_start)
S_GEO = "beheer_geojson"  # (file name, bytes, key property) being checked
S_DONE = "beheer_done"  # a message to show after the rerun that follows a save

sel, snap = page.begin(require_data=False)
actor = current_actor()
st.title("Beheer")
st.caption(
    f"Gegevens bijwerken als {actor.name} (rol: {actor.role}). Elke wijziging wordt vastgelegd in het auditlog "
    "met wie, wanneer en de oude en nieuwe waarden."
)
for message in st.session_state.pop(S_DONE, []):
    st.success(message)


def refused(capability: str, what: str) -> None:
    st.info(f"Uw rol ({actor.role}) mag geen {capability}; {what} Vraag een beheerder als u dit wel nodig hebt.")


def seen_version(table: str, key: str, version) -> int | None:
    """The version of a row as first shown to this user (kept until a save or a reload)."""
    seen = st.session_state.setdefault(S_SEEN, {})
    value = None if version is None or pd.isna(version) else int(version)
    return seen.setdefault((table, key), value)


def forget_seen(bulk_tables: tuple[str, ...] = ()) -> None:
    """Forget the versions as shown; the bulk editor reloads every table without typed edits and `bulk_tables`."""
    st.session_state.pop(S_SEEN, None)
    ub.forget_bulk(st.session_state.setdefault(S_BULK, {}), st.session_state.setdefault(S_BULK_DRAFT, {}), bulk_tables)
    st.session_state[S_BULK_GEN] = st.session_state.get(S_BULK_GEN, 0) + 1  # fresh data editors


def saved(message: str, bulk_table: str | None = None) -> None:
    forget_seen((bulk_table,) if bulk_table else ())
    st.session_state[S_DONE] = [message]
    st.rerun()


def write_refusal(exc: Exception, bulk_table: str | None = None) -> None:
    if isinstance(exc, StaleEdit):
        ub.show_conflicts(exc.conflicts)
        what = "De tabel" if bulk_table else "Het formulier"
        st.info(f"{what} toont vanaf de volgende klik de opgeslagen gegevens; voer uw wijziging zo nodig opnieuw in.")
        forget_seen((bulk_table,) if bulk_table else ())
    elif isinstance(exc, EditRefused | ImportRefused):
        ub.show_problems(exc.problems, "De wijziging is geweigerd.")
    else:
        st.error(str(exc))


# Only the open tab is built (and drawn by the browser); switching tabs is a short rerun. The forms with
# typed input (Statusupdate, Metingen) are always built: Streamlit forgets the value of a widget that a
# run does not draw, and a half-typed update should survive a look at another tab. The bulk editor is
# built only when open (its grid costs every page load about half a second); its edits are kept apart.
tabs = lazy_tabs(list(ub.TABS), key=ub.TAB_KEY)
empty_database = sel is None
if empty_database:
    st.info(
        "De database is leeg. Vul hem via het tabblad Import met een back-up (zip) of met CSV-/Excel-bestanden "
        "in het uitwisselformaat (zie sample_data/README.md)."
    )

# --- Import ---------------------------------------------------------------------------------------------
if tabs[0].open:
    with tabs[0]:
        st.subheader("Importeren uit CSV of Excel")
        if not actor.can(IMPORT):
            refused(IMPORT, "importeren en herstellen zijn voorbehouden aan beheerders.")
        else:
            st.markdown(
                "Bestanden in het formaat van `sample_data/`: één CSV-bestand (UTF-8) per tabel, genoemd naar de "
                "tabel (bijvoorbeeld `project.csv`), een Excel-werkboek (.xlsx) met één blad per tabel, of een "
                f"zipbestand met die bestanden (zoals een back-up). Hoogstens {MAX_UPLOAD_BYTES // 2**20} MB per keer. "
                "Rijen worden op hun sleutel herkend: nieuwe rijen worden toegevoegd, bestaande bijgewerkt; er wordt "
                "nooit iets verwijderd. Eerst ziet u een controle; pas na uw bevestiging wordt alles in één keer "
                "opgeslagen, of niets."
            )
            t1, t2 = st.columns([2, 1])
            template_table = t1.selectbox("Sjabloon voor tabel", IMPORTABLE, format_func=ub.table_label)
            t1.download_button(
                "Sjabloon downloaden (CSV)",
                template_csv(template_table),
                file_name=f"{template_table}.csv",
                mime="text/csv",
            )
            t2.download_button(
                "Werkboek met alle tabellen (Excel)",
                template_xlsx,  # built when clicked, not on every run of the page
                file_name="wijkaanpak-sjabloon.xlsx",
                mime=XLSX_MIME,
            )
            with st.form("import_form", clear_on_submit=True):
                uploads = st.file_uploader(
                    "Bestanden (.csv, .xlsx of .zip)", accept_multiple_files=True, key="import_files"
                )
                if st.form_submit_button("Controleren", type="primary") and uploads:
                    st.session_state[S_UPLOAD] = {f.name: f.getvalue() for f in uploads}
                    st.session_state.pop(S_PREVIEW, None)
            files = st.session_state.get(S_UPLOAD)
            if files and S_PREVIEW not in st.session_state:
                st.session_state[S_PREVIEW] = preview_import(engine(), files)
            preview = st.session_state.get(S_PREVIEW)
            if preview is not None:
                st.markdown(f"**Controle van:** {', '.join(sorted(files or {}))}")
                if preview.problems:
                    ub.show_problems(preview.problems, "De bestanden kunnen niet worden geïmporteerd.")
                    st.caption("Verbeter de bestanden en controleer ze opnieuw; er is nog niets opgeslagen.")
                else:
                    m = st.columns(3)
                    m[0].metric("Toegevoegd", fmt.number(preview.added))
                    m[1].metric("Gewijzigd", fmt.number(preview.changed))
                    m[2].metric("Ongewijzigd", fmt.number(preview.unchanged))
                    static_table(ub.summary_frame(preview.summary), "Wat de import verandert")
                    if preview.restore:
                        st.info("De database is leeg: dit vult hem (herstel van een back-up of eerste import).")
                    if preview.added + preview.changed == 0:
                        st.success("Alles in deze bestanden staat al zo in de database; er valt niets te importeren.")
                    c1, c2 = st.columns(2)
                    nothing = preview.added + preview.changed == 0
                    if c1.button("Bevestigen en importeren", type="primary", disabled=nothing):
                        try:
                            result = apply_import(engine(), actor, preview)
                        except (ImportRefused, PermissionDenied) as exc:
                            st.session_state.pop(S_PREVIEW, None)
                            write_refusal(exc)
                        else:
                            st.session_state.pop(S_PREVIEW, None)
                            st.session_state.pop(S_UPLOAD, None)
                            saved(
                                f"Import opgeslagen: {fmt.number(result.added)} rijen toegevoegd, "
                                f"{fmt.number(result.changed)} gewijzigd."
                            )
                    if c2.button("Annuleren"):
                        st.session_state.pop(S_PREVIEW, None)
                        st.session_state.pop(S_UPLOAD, None)
                        st.rerun()

# --- Statusupdate -----------------------------------------------------------------------------------------
with tabs[1]:
    st.subheader("Statusupdate van een project")
    if not actor.can(EDIT_PROJECT):
        refused(EDIT_PROJECT, "statusupdates en mijlpalen kunnen alleen redacteuren en beheerders bijwerken.")
    elif empty_database:
        st.caption("Nog geen projecten.")
    else:
        projects = snap.frame("projects", sel.programme_code)
        projects = projects[projects["programme_code"] == sel.programme_code]
        if actor.role == "partner-redacteur":
            projects = projects[projects["lead_partner_code"] == actor.partner_code]
            st.caption("U ziet alleen de projecten waarvan uw organisatie trekker is.")
        if projects.empty:
            st.info("Er zijn in dit programma geen projecten die u mag bijwerken.")
        else:
            titles = projects.set_index("code")["title"]
            code = st.selectbox("Project", list(titles.index), format_func=lambda c: f"{c} · {titles[c]}")
            history = snap.frame("status_updates", sel.programme_code)
            history = history[history["project_code"] == code].sort_values("update_date")
            last = history.iloc[-1] if not history.empty else None
            if last is not None:
                st.caption(
                    f"Laatste update: {fmt.date_long(last['update_date'])}, status {last['status']}, "
                    f"voortgang {fmt.number(last['progress'])}%."
                )
            with st.form("status_form"):
                c1, c2, c3 = st.columns(3)
                update_date = c1.date_input("Datum", value=dt.date.today(), format="DD-MM-YYYY")
                default_status = last["status"] if last is not None else "niet gestart"
                status = c2.selectbox("Status", PROJECT_STATUSES, index=PROJECT_STATUSES.index(default_status))
                progress = c3.number_input(
                    "Voortgang (%)", 0, 100, int(last["progress"]) if last is not None else 0, step=5
                )
                text = st.text_area("Toelichting")
                st.caption(
                    "Bij status " + " en ".join(f"'{s}'" for s in EXPLAINED_STATUSES) + " zijn oorzaak, gevolg "
                    "en maatregel verplicht."
                )
                oorzaak = st.text_area("Oorzaak")
                gevolg = st.text_area("Gevolg")
                maatregel = st.text_area("Maatregel")
                if st.form_submit_button("Statusupdate opslaan", type="primary"):
                    try:
                        add_status_update(
                            engine(),
                            actor,
                            code,
                            update_date,
                            status,
                            int(progress),
                            text,
                            oorzaak,
                            gevolg,
                            maatregel,
                        )
                    except (EditRefused, PermissionDenied) as exc:
                        write_refusal(exc)
                    else:
                        saved(f"Statusupdate van {code} op {fmt.date_long(update_date)} opgeslagen.")

            milestones = editable_frame(engine(), "milestone", where={"project_code": code})
            st.markdown("**Mijlpalen van dit project**")
            if milestones.empty:
                st.caption("Dit project heeft geen mijlpalen.")
            else:
                shown = milestones.assign(
                    Gepland=milestones["due_date"].map(fmt.date_short),
                    Behaald=milestones["done_date"].map(fmt.date_short),
                )[["title", "Gepland", "Behaald"]].rename(columns={"title": "Mijlpaal"})
                static_table(shown, f"Mijlpalen van {code}")
                with st.form("milestone_form"):
                    title = st.selectbox("Mijlpaal", list(milestones["title"]))
                    row = milestones[milestones["title"] == title].iloc[0]
                    c1, c2 = st.columns(2)
                    done = c1.date_input("Behaald op", value=None, format="DD-MM-YYYY")
                    clear = c2.checkbox("Nog niet behaald (datum wissen)")
                    if st.form_submit_button("Mijlpaal opslaan"):
                        version = seen_version("milestone", f"{code} | {title}", row["version"])
                        try:
                            set_milestone_done(engine(), actor, code, title, None if clear else done, version)
                        except (EditRefused, PermissionDenied) as exc:
                            write_refusal(exc)
                        else:
                            saved(f"Mijlpaal '{title}' opgeslagen.")
                # Remember the versions as shown now, before any save of this run.
                for _, m_row in milestones.iterrows():
                    seen_version("milestone", f"{code} | {m_row['title']}", m_row["version"])

# --- Metingen ---------------------------------------------------------------------------------------------
with tabs[2]:
    st.subheader("Meting invoeren")
    if not actor.can(EDIT_DATA):
        refused(EDIT_DATA, "metingen kunnen redacteuren en beheerders invoeren.")
    elif empty_database:
        st.caption("Nog geen wijken en indicatoren.")
    else:
        wijken = snap.frame("wijken")
        wijken = wijken[wijken["programme_code"] == sel.programme_code].set_index("code")
        city = sel.programme["city"]
        indicators = snap.frame("indicators").set_index("code")
        c1, c2, c3 = st.columns(3)
        wijk_choice = c1.selectbox(
            "Wijk",
            ["", *wijken.index],
            format_func=lambda c: wijken.loc[c, "name"] if c else f"{city} (stadsgemiddelde)",
        )
        indicator = c2.selectbox(
            "Indicator", list(indicators.index), format_func=lambda c: f"{indicators.loc[c, 'name']}"
        )
        year = int(c3.number_input("Jaar", 1900, 2100, sel.reference_date.year))
        match = editable_frame(
            engine(),
            "measurement",
            where={"indicator_code": indicator, "year": year, "city": city, "wijk_code": wijk_choice or None},
        )
        current = match.iloc[0] if not match.empty else None
        key = f"{indicator} | {city} | {wijk_choice} | {year}"
        version = seen_version("measurement", key, current["version"] if current is not None else None)
        unit = indicators.loc[indicator, "unit"]
        if current is not None:
            st.caption(f"Opgeslagen waarde: {fmt.value_with_unit(current['value'], unit)}. Opslaan vervangt die.")
        else:
            st.caption("Er is nog geen meting voor deze combinatie; opslaan voegt er een toe.")
        with st.form("measurement_form"):
            value = st.number_input(
                f"Waarde ({unit})", value=float(current["value"]) if current is not None else None, format="%.2f"
            )
            if st.form_submit_button("Meting opslaan", type="primary"):
                if value is None:
                    st.error("Vul een waarde in.")
                else:
                    try:
                        save_measurement(
                            engine(), actor, indicator, year, float(value), wijk_choice or None, city, version
                        )
                    except (EditRefused, PermissionDenied) as exc:
                        write_refusal(exc)
                    else:
                        saved(f"Meting {indicators.loc[indicator, 'name']} {year} opgeslagen.")

# --- Bulk bewerken ----------------------------------------------------------------------------------------
if tabs[3].open:
    with tabs[3]:
        st.subheader("Bulk bewerken")
        if not actor.can(EDIT_DATA):
            refused(EDIT_DATA, "bulkbewerkingen kunnen redacteuren en beheerders doen.")
        else:
            st.caption(
                "Wijzig cellen of voeg onderaan rijen toe en sla op. Alles wordt eerst gecontroleerd met dezelfde "
                "regels als een import; bij één fout wordt niets opgeslagen. Sleutelkolommen van bestaande rijen "
                "wijzigt u hier niet; verwijderen kan hier niet. Statusupdates voert u in via het tabblad "
                "Statusupdate. De tabel toont de gegevens zoals ze waren toen u hem opende; 'Opnieuw laden' haalt "
                "de actuele stand op. Wat u typt, blijft bewaard als u tussendoor een ander tabblad of een andere "
                "tabel opent of iets anders opslaat."
            )
            table = st.selectbox(
                "Tabel", BULK_TABLES, format_func=ub.table_label, key="bulk_table", persist_state="session"
            )
            spec = BY_NAME[table]
            bases = st.session_state.setdefault(S_BULK, {})
            if table not in bases:
                bases[table] = snap.frame(f"bewerkbaar:{table}")
            base = bases[table]
            key_columns = list(spec.keys[0])
            editor_key = f"bulk_editor_{table}_{st.session_state.get(S_BULK_GEN, 0)}"
            drafts = st.session_state.setdefault(S_BULK_DRAFT, {})
            start = ub.bulk_editor_start(drafts, table, base, editor_alive=editor_key in st.session_state)
            edited = st.data_editor(
                start,
                num_rows="add",
                hide_index=True,
                disabled=["version"],
                column_config={
                    "version": st.column_config.NumberColumn("versie", help="Controle op gelijktijdig bewerken")
                },
                key=editor_key,
            )
            ub.keep_bulk_draft(drafts, table, edited)
            c1, c2 = st.columns(2)
            if c1.button("Wijzigingen opslaan", type="primary"):
                rows, key_changes = ub.changed_rows(spec, base, edited)
                if key_changes:
                    st.error(
                        "Sleutelkolommen (" + ", ".join(key_columns) + ") van bestaande rijen kunnen hier niet worden "
                        "gewijzigd (rij " + ", ".join(map(str, key_changes)) + "). Voeg zo nodig een nieuwe rij toe."
                    )
                elif not rows:
                    st.info("Er zijn geen wijzigingen om op te slaan.")
                else:
                    try:
                        counts = save_rows(engine(), actor, table, rows)
                    except (EditRefused, PermissionDenied) as exc:
                        write_refusal(exc, table)
                    else:
                        saved(
                            f"{ub.table_label(table)}: {fmt.number(counts['added'])} rijen toegevoegd, "
                            f"{fmt.number(counts['changed'])} gewijzigd.",
                            table,
                        )
            c2.button("Opnieuw laden (wijzigingen in deze tabel vergeten)", on_click=forget_seen, args=((table,),))

# --- Grenzen -------------------------------------------------------------------------------------------
if tabs[4].open:
    with tabs[4]:
        st.subheader("Wijkgrenzen (GeoJSON)")
        if not actor.can(IMPORT):
            refused(IMPORT, "wijkgrenzen importeren is voorbehouden aan beheerders.")
        else:
            st.markdown(
                "Een GeoJSON-bestand (FeatureCollection, lengte- en breedtegraad) met de buurten of wijken van de "
                "stad. Elk kenmerk wordt aan een wijk gekoppeld via een eigenschap met de CBS-buurtcode (zoals in "
                "`wijk.cbs_code`) of de wijknaam. Eerst ziet u wat er gekoppeld wordt; pas na bevestigen wordt "
                "opgeslagen. Hetzelfde kan op de opdrachtregel: `python -m data_access import-boundaries BESTAND "
                "--key EIGENSCHAP`."
            )
            with st.form("boundary_form", clear_on_submit=True):
                geo_file = st.file_uploader("GeoJSON-bestand (.geojson of .json)", key="boundary_file")
                geo_key = st.text_input("Eigenschap met CBS-code of wijknaam", value="statcode")
                if st.form_submit_button("Controleren", type="primary") and geo_file is not None:
                    st.session_state[S_GEO] = (geo_file.name, geo_file.getvalue(), geo_key.strip())
            if S_GEO in st.session_state:
                geo_name, geo_bytes, geo_prop = st.session_state[S_GEO]
                geo_text, geo_problems = decode_geojson(geo_bytes)
                match = match_boundaries(engine(), geo_text, geo_prop) if geo_text is not None else None
                problems = geo_problems + (match.problems if match is not None else [])
                st.markdown(f"**Controle van:** {geo_name} (eigenschap '{geo_prop}')")
                for problem in problems:
                    st.error(problem)
                if match is not None and match.features:
                    m = st.columns(3)
                    m[0].metric("Kenmerken in het bestand", fmt.number(match.features))
                    m[1].metric("Gekoppelde wijken", fmt.number(len(match.matched)))
                    m[2].metric("Niet gekoppelde kenmerken", fmt.number(len(match.unmatched)))
                    names = match.wijk_names
                    if match.matched:
                        st.dataframe(
                            pd.DataFrame(
                                {
                                    "Wijk": [names.get(c, c) for c in match.matched],
                                    "Kenmerken": list(match.matched.values()),
                                    "Gekoppeld op": [match.matched_by[c] for c in match.matched],
                                }
                            ),
                            hide_index=True,
                        )
                    if match.unmatched:
                        st.caption("Niet gekoppelde kenmerken:")
                        st.dataframe(
                            pd.DataFrame(
                                {
                                    "Kenmerk": [u.number for u in match.unmatched],
                                    "Waarde": [u.value or "(geen waarde)" for u in match.unmatched],
                                    "Reden": [u.reason for u in match.unmatched],
                                }
                            ),
                            hide_index=True,
                        )
                    for note in match.notes:
                        st.warning(note)
                    if match.without_boundary:
                        st.caption(
                            "Wijken zonder vorm uit dit bestand (ze houden hun huidige vorm of middelpunt): "
                            + ", ".join(names.get(c, c) for c in match.without_boundary)
                        )
                g1, g2 = st.columns(2)
                if match is not None and match.ok and g1.button("Bevestigen en grenzen opslaan", type="primary"):
                    try:
                        stored = import_boundaries(engine(), actor, geo_text, geo_prop, geo_name)
                    except PermissionDenied as exc:
                        st.error(str(exc))
                    else:
                        st.session_state.pop(S_GEO, None)
                        if stored.ok:
                            saved(f"{fmt.number(len(stored.geometries))} wijkgrenzen opgeslagen uit {geo_name}.")
                        for problem in stored.problems:
                            st.error(problem)
                if g2.button("Annuleren", key="boundary_cancel"):
                    st.session_state.pop(S_GEO, None)
                    st.rerun()

# --- Back-up ----------------------------------------------------------------------------------------------
if tabs[5].open:
    with tabs[5]:
        st.subheader("Back-up")
        if not actor.can(IMPORT):
            refused(IMPORT, "een back-up maken en terugzetten is voorbehouden aan beheerders.")
        else:
            st.markdown(
                "De back-up is een zipbestand met alle tabellen als CSV in het uitwisselformaat (ook gebruikers, "
                "instellingen en het auditlog). Terugzetten: start met een lege database (een nieuwe "
                "`DATABASE_URL`) en importeer de zip in het tabblad Import; daarna is alles precies zoals in de "
                "back-up, en het auditlog vermeldt het herstel."
            )
            if st.button("Back-up maken"):
                st.session_state["beheer_backup"] = export_zip(engine())
            if "beheer_backup" in st.session_state:
                st.download_button(
                    "Back-up downloaden (zip)",
                    st.session_state["beheer_backup"],
                    file_name=f"wijkaanpak-backup-{dt.date.today().isoformat()}.zip",
                    mime="application/zip",
                )

# --- Auditlog ---------------------------------------------------------------------------------------------
if tabs[6].open:
    with tabs[6]:
        st.subheader("Auditlog")
        if not (actor.can(EDIT_DATA) or actor.can(IMPORT)):
            st.info(f"Het auditlog is zichtbaar voor redacteuren en beheerders; uw rol is {actor.role}.")
        else:
            log = snap.frame("audit_log")
            if log.empty:
                st.caption("Er is nog niets gewijzigd via het dashboard.")
            else:
                c1, c2 = st.columns(2)
                tables = c1.multiselect(
                    "Tabel", sorted(log["table_name"].unique()), format_func=ub.table_label, placeholder="alle tabellen"
                )
                actors = c2.multiselect("Wie", sorted(log["actor"].unique()), placeholder="iedereen")
                c3, c4 = st.columns(2)
                first, last_day = log["at"].min().date(), log["at"].max().date()
                period = c3.date_input("Periode", value=(first, last_day), format="DD-MM-YYYY")
                key_text = c4.text_input("Sleutel bevat", placeholder="bijvoorbeeld een projectcode")
                start, end = (*period, None, None)[:2] if isinstance(period, tuple) else (period, period)
                shown = filter_audit(log, tables, actors, start, end, key_text)
                st.caption(f"{fmt.number(len(shown))} van {fmt.number(len(log))} wijzigingen, nieuwste eerst.")
                st.dataframe(ub.audit_table(shown).drop(columns=["Oude waarden", "Nieuwe waarden"]), hide_index=True)
                d1, d2 = st.columns(2)
                d1.download_button(
                    "Exporteren (CSV)", partial(ub.audit_csv, shown), file_name="auditlog.csv", mime="text/csv"
                )
                d2.download_button(
                    "Exporteren (Excel)",
                    partial(ub.audit_xlsx, shown),
                    file_name="auditlog.xlsx",
                    mime=XLSX_MIME,
                )
