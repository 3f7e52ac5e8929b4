"""The Beheer page in AppTest: import preview and confirm, the status form, stale edits, role-based hiding."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from data_access import edits, versioning
from data_access.access import Actor
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.models import AuditLog, Measurement, StatusUpdate
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from tests.apptest_helpers import no_exceptions, open_tab
from tests.conftest import APP_PATH
from tests.sample_facts import rows
from ui.beheer import TAB_KEY, TABS

BEHEERDER = Actor("b@example.nl", "Bea Beheer", "beheerder")
REDACTEUR = Actor("r@example.nl", "Ruud Redacteur", "redacteur")
KIJKER = Actor("k@example.nl", "Kees Kijker", "kijker")


@pytest.fixture
def seeded_url(tmp_path) -> str:
    url = f"sqlite:///{tmp_path / 'beheer.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    return url


def _app(url, monkeypatch, actor: Actor, tab: str | None = None):
    """The Beheer page as `actor`, with `tab` open (only the open tab is built)."""
    from streamlit.testing.v1 import AppTest

    import ui.auth
    import ui.page

    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setattr(ui.auth, "resolve", lambda: ui.auth.Access("login", actor=actor))
    # After its first run AppTest runs page files directly, which Streamlit treats as its legacy pages
    # mode; begin() leaves that mode with a rerun, which would swallow a button click in these tests.
    monkeypatch.setattr(ui.page, "_leave_legacy_pages_mode", lambda: None)
    at = AppTest.from_file(str(APP_PATH), default_timeout=90)
    at.run()
    at.switch_page("pages/beheer.py").run()
    no_exceptions(at)
    return open_tab(at, TAB_KEY, tab) if tab else at


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_import_preview_lists_problems_then_confirm_writes(seeded_url, monkeypatch):
    engine = get_engine(seeded_url)
    at = _app(seeded_url, monkeypatch, BEHEERDER)
    bad = (
        "indicator_code,city,wijk_code,year,value\n"
        "WERKLOOSHEID,Amsterdam,,2031,5.5\n"
        "WERKLOOSHEID,Amsterdam,,twintig,5.5\n"
        "ONBEKEND,Amsterdam,,2030,1\n"
    )
    at.session_state["beheer_upload"] = {"measurement.csv": bad.encode()}
    at.run()
    no_exceptions(at)
    problems = at.dataframe[0].value
    assert list(problems["Regel"]) == ["3", "4"]
    assert "geen geheel getal" in problems["Probleem"].iloc[0]
    assert "bestaat niet" in problems["Probleem"].iloc[1]
    assert not [b for b in at.button if b.label == "Bevestigen en importeren"]
    count = _count(engine, Measurement)

    good = "indicator_code,city,wijk_code,year,value\nWERKLOOSHEID,Amsterdam,,2031,5.5\n"
    at.session_state["beheer_upload"] = {"measurement.csv": good.encode()}
    at.session_state["beheer_preview"] = None
    del at.session_state["beheer_preview"]
    at.run()
    no_exceptions(at)
    shown = {m.label: m.value for m in at.metric}
    assert shown == {"Toegevoegd": "1", "Gewijzigd": "0", "Ongewijzigd": "0"}
    assert _count(engine, Measurement) == count  # the preview wrote nothing
    _button(at, "Bevestigen en importeren").click().run()
    no_exceptions(at)
    assert not at.error, [e.value for e in at.error] + [str(d.value) for d in at.dataframe]
    assert _count(engine, Measurement) == count + 1
    assert any("1 rijen toegevoegd" in s.value for s in at.success)


def _count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def test_status_form_requires_explanation_for_orange(seeded_url, monkeypatch):
    engine = get_engine(seeded_url)
    at = _app(seeded_url, monkeypatch, REDACTEUR, "Statusupdate")
    before = _count(engine, StatusUpdate)
    form_status = next(s for s in at.selectbox if s.label == "Status")
    form_status.set_value("aandacht")
    at.text_area[0].input("Vergunning loopt vertraging op.")
    next(b for b in at.button if b.label == "Statusupdate opslaan").click().run()
    no_exceptions(at)
    assert at.error, "a refusal is shown"
    table = next(d.value for d in at.dataframe if "Kolom" in d.value.columns)
    assert set(table["Kolom"]) == {"oorzaak", "gevolg", "maatregel"}
    assert _count(engine, StatusUpdate) == before
    for label, text in (("Oorzaak", "Bezwaar"), ("Gevolg", "Drie maanden later"), ("Maatregel", "Overleg")):
        next(t for t in at.text_area if t.label == label).input(text)
    next(b for b in at.button if b.label == "Statusupdate opslaan").click().run()
    no_exceptions(at)
    assert _count(engine, StatusUpdate) == before + 1
    with engine.connect() as conn:
        entry = conn.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert entry.actor == REDACTEUR.email and entry.table_name == "status_update"


def test_stale_measurement_is_refused_with_the_other_change(seeded_url, monkeypatch):
    engine = get_engine(seeded_url)
    at = _app(seeded_url, monkeypatch, REDACTEUR, "Metingen")
    # The page shows the stored value of the first wijk/indicator/year; somebody else changes it now.
    wijk = next(s for s in at.selectbox if s.label == "Wijk").value
    indicator = next(s for s in at.selectbox if s.label == "Indicator").value
    year = int(next(n for n in at.number_input if n.label == "Jaar").value)
    seen = dict(at.session_state["beheer_seen"])
    key = next(k for t, k in seen if t == "measurement")
    city = key.split(" | ")[1]
    other = Actor("ander@example.nl", "Anna Ander", "redacteur")
    edits.save_measurement(engine, other, indicator, year, 99.5, wijk or None, city, seen[("measurement", key)])
    version = versioning.current(engine)
    value = next(n for n in at.number_input if n.label.startswith("Waarde"))
    value.set_value(12.25)
    next(b for b in at.button if b.label == "Meting opslaan").click().run()
    no_exceptions(at)
    assert any("ander@example.nl" in e.value for e in at.error), [e.value for e in at.error]
    assert versioning.current(engine) == version  # nothing written
    assert any("99.5" in e.value or "99,5" in e.value for e in at.error) or any(
        "99.5" in str(d.value.to_dict()) for d in at.dataframe
    )


def test_kijker_sees_explanations_and_no_forms(seeded_url, monkeypatch):
    at = _app(seeded_url, monkeypatch, KIJKER)
    labels, texts = set(), []
    for tab in TABS:  # every tab, each built when opened
        open_tab(at, TAB_KEY, tab)
        labels |= {b.label for b in at.button}
        texts += [i.value for i in at.info]
    assert not labels & {"Controleren", "Statusupdate opslaan", "Meting opslaan", "Wijzigingen opslaan"}
    assert "Back-up maken" not in labels
    assert any("Uw rol (kijker) mag geen gegevens importeren" in t for t in texts)
    assert any("Uw rol (kijker) mag geen projecten bijwerken" in t for t in texts)


def test_geojson_boundaries_preview_then_confirm(seeded_url, monkeypatch):
    import json

    from data_access.boundaries import boundaries

    engine = get_engine(seeded_url)
    square = [[[4.64, 52.37], [4.66, 52.37], [4.66, 52.39], [4.64, 52.39], [4.64, 52.37]]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"naam": "Amsterdamse buurten"},
                "geometry": {"type": "Polygon", "coordinates": square},
            },
            {
                "type": "Feature",
                "properties": {"naam": "Nergenshuizen"},
                "geometry": {"type": "Polygon", "coordinates": square},
            },
        ],
    }
    at = _app(seeded_url, monkeypatch, BEHEERDER, "Grenzen")
    at.session_state["beheer_geojson"] = ("wijken.geojson", json.dumps(doc).encode(), "naam")
    at.run()
    no_exceptions(at)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Gekoppelde wijken"] == "1" and shown["Niet gekoppelde kenmerken"] == "1"
    assert boundaries(engine).empty
    _button(at, "Bevestigen en grenzen opslaan").click().run()
    no_exceptions(at)
    stored = boundaries(engine)
    assert list(stored["wijk_code"]) == ["HLM-AMSTERDAMSE-BUURTEN"]
    with engine.connect() as conn:
        entry = conn.execute(select(AuditLog).order_by(AuditLog.id.desc()).limit(1)).one()
    assert (entry.table_name, entry.actor) == ("wijk_boundary", BEHEERDER.email)


def test_audit_log_section_filters_and_exports(seeded_url, monkeypatch):
    import datetime as dt

    engine = get_engine(seeded_url)
    edits.add_status_update(engine, REDACTEUR, "HLM-AMSTERDAMSE-BUURTEN-01", dt.date(2012, 3, 1), "op schema", 70)
    edits.save_measurement(engine, BEHEERDER, "WERKLOOSHEID", 2033, 4.5, None, "Amsterdam")
    at = _app(seeded_url, monkeypatch, BEHEERDER, "Auditlog")
    log = next(d.value for d in at.dataframe if "Wijziging" in d.value.columns)
    assert len(log) == 2 and list(log["Wie"]) == [BEHEERDER.email, REDACTEUR.email]
    next(m for m in at.multiselect if m.label == "Tabel").set_value(["status_update"]).run()
    log = next(d.value for d in at.dataframe if "Wijziging" in d.value.columns)
    assert list(log["Sleutel"]) == ["HLM-AMSTERDAMSE-BUURTEN-01 | 2012-03-01"]
    assert "status: op schema" in log["Wijziging"].iloc[0]


def test_audit_export_neutralises_formulas():
    import io

    import pandas as pd
    from openpyxl import load_workbook

    from ui.beheer import audit_csv, audit_xlsx

    frame = pd.DataFrame(
        {
            "id": [1],
            "at": [pd.Timestamp("2026-01-05 10:30:00")],
            "actor": ["=HYPERLINK(1)"],
            "action": ["update"],
            "table_name": ["partner"],
            "row_key": ["@SUM(A1)"],
            "old_values": ['{"name": "+31"}'],
            "new_values": ['{"name": "-2"}'],
        }
    )
    text = audit_csv(frame).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text and "'@SUM(A1)" in text
    assert "5 jan 2026 11:30:00" in text and "name: +31 → -2" in text  # winter: UTC+1
    sheet = load_workbook(io.BytesIO(audit_xlsx(frame))).active
    values = [c.value for c in sheet[2]]
    assert "'=HYPERLINK(1)" in values and "'@SUM(A1)" in values


def test_restore_a_backup_into_an_empty_database_from_the_page(seeded_url, tmp_path, monkeypatch):
    from data_access.imports import export_zip

    backup = export_zip(get_engine(seeded_url))
    empty_url = f"sqlite:///{tmp_path / 'leeg.sqlite'}"
    empty = get_engine(empty_url)
    upgrade_to_head(empty)
    at = _app(empty_url, monkeypatch, BEHEERDER)
    assert any("De database is leeg" in i.value for i in at.info)
    at.session_state["beheer_upload"] = {"backup.zip": backup}
    at.run()
    no_exceptions(at)
    assert any("dit vult hem" in i.value for i in at.info)
    _button(at, "Bevestigen en importeren").click().run()
    no_exceptions(at)
    assert export_zip(empty) != backup  # the log has one more line: the restore
    assert _count(empty, Measurement) == _count(get_engine(seeded_url), Measurement)


def test_partner_redacteur_sees_only_own_projects(seeded_url, monkeypatch):
    from data_access.models import Contract, Project, Wijk

    partner = Actor("p@example.nl", "Pia Partner", "partner-redacteur", "ELAN-WONEN")
    at = _app(seeded_url, monkeypatch, partner)
    programme = next(s for s in at.sidebar.selectbox if s.label == "Programma").value
    with get_engine(seeded_url).connect() as conn:
        own = set(
            conn.execute(
                select(Project.code)
                .join(Contract, Contract.code == Project.contract_code)
                .join(Wijk, Wijk.code == Contract.wijk_code)
                .where(Project.lead_partner_code == "ELAN-WONEN", Wijk.programme_code == programme)
            ).scalars()
        )
    open_tab(at, TAB_KEY, "Statusupdate")
    choice = next(s for s in at.selectbox if s.label == "Project")
    assert own and {o.split(" · ")[0] for o in choice.options} == own
    assert "Statusupdate opslaan" in {b.label for b in at.button}
    open_tab(at, TAB_KEY, "Metingen")
    assert "Meting opslaan" not in {b.label for b in at.button}


def test_changed_rows_of_the_data_editor():
    import pandas as pd

    from data_access.csv_spec import BY_NAME
    from ui.beheer import changed_rows

    spec = BY_NAME["measurement"]
    base = pd.DataFrame(
        {
            "indicator_code": ["A", "B"],
            "city": ["X", "X"],
            "wijk_code": [None, "W"],
            "year": [2007, 2008],
            "value": [1.0, 2.0],
            "version": [1, 1],
        }
    )
    # Adding a row turns integer columns into floats; that alone is no change.
    edited = pd.concat([base, pd.DataFrame([{"indicator_code": None}])], ignore_index=True)
    assert changed_rows(spec, base, edited) == ([], [])
    edited.loc[1, "value"] = 3.0
    edited.loc[2, ["indicator_code", "city", "year", "value"]] = ["C", "X", 2010, 4.0]
    rows, key_changes = changed_rows(spec, base, edited)
    assert [r["indicator_code"] for r in rows] == ["B", "C"] and key_changes == []
    edited.loc[0, "year"] = 2009
    assert changed_rows(spec, base, edited)[1] == [1]


def test_typed_input_survives_a_look_at_another_tab(seeded_url, monkeypatch):
    """Only the open tab is built, except the tabs with typed input: their widgets keep their values."""
    at = _app(seeded_url, monkeypatch, BEHEERDER, "Statusupdate")
    assert "Back-up maken" not in {b.label for b in at.button}  # a closed lazy tab is not built
    project = next(s for s in at.selectbox if s.label == "Project")
    chosen = project.options[1]
    project.select(chosen).run()
    year = next(n for n in at.number_input if n.label == "Jaar")
    year.set_value(2005).run()
    open_tab(at, TAB_KEY, "Back-up")
    assert "Back-up maken" in {b.label for b in at.button}
    open_tab(at, TAB_KEY, "Statusupdate")
    assert next(s for s in at.selectbox if s.label == "Project").value == chosen.split(" · ")[0]
    assert next(n for n in at.number_input if n.label == "Jaar").value == 2005


def test_bulk_editor_starts_from_what_was_typed_after_another_tab():
    import pandas as pd

    from ui.beheer import bulk_editor_start, keep_bulk_draft

    state: dict = {}
    base = pd.DataFrame({"code": ["A", "B"], "value": [1.0, 2.0]})
    assert bulk_editor_start(state, "t", base, editor_alive=False) is base
    typed = base.assign(value=[1.0, 5.0])
    keep_bulk_draft(state, "t", typed)
    # While the editor lives its edits are relative to the frame it started from: that frame stays.
    assert bulk_editor_start(state, "t", base, editor_alive=True) is base
    # A fresh editor (its tab was closed, so Streamlit forgot it) starts from what was typed.
    assert bulk_editor_start(state, "t", base, editor_alive=False) is typed
    assert bulk_editor_start(state, "t", base, editor_alive=True) is typed  # and the new editor keeps it
    # Each table has its own draft.
    other = pd.DataFrame({"code": ["C"]})
    assert bulk_editor_start(state, "u", other, editor_alive=False) is other


def test_a_save_keeps_the_typed_edits_of_other_tables_and_reloads_the_rest():
    import pandas as pd

    from ui.beheer import bulk_editor_start, forget_bulk, keep_bulk_draft

    bases = {t: pd.DataFrame({"code": ["A"], "name": [t]}) for t in ("programme", "partner", "wijk")}
    state: dict = {}
    for table, base in bases.items():
        bulk_editor_start(state, table, base, editor_alive=False)
        keep_bulk_draft(state, table, base.copy())  # shown, nothing typed
    typed = bases["partner"].assign(name=["Nieuwe naam"])
    keep_bulk_draft(state, "partner", typed)
    keep_bulk_draft(state, "wijk", bases["wijk"].assign(name=["ook getypt"]))
    forget_bulk(bases, state, also=("wijk",))  # the wijk table was just saved
    assert set(bases) == {"partner"} and set(state["drafts"]) == {"partner"}
    assert bulk_editor_start(state, "partner", bases["partner"], editor_alive=False) is typed


def test_typed_bulk_edits_come_back_after_another_tab_and_another_table(seeded_url, monkeypatch):
    at = _app(seeded_url, monkeypatch, BEHEERDER, "Bulk bewerken")
    key = next(k for k in at.session_state.to_dict() if k.startswith("bulk_editor_programme_"))
    # What the browser sends after the user renamed the first programme.
    at.session_state[key] = {"edited_rows": {0: {"name": "Andere naam"}}, "added_rows": [], "deleted_rows": []}
    at.run()
    open_tab(at, TAB_KEY, "Import")
    open_tab(at, TAB_KEY, "Bulk bewerken")
    assert at.data_editor[0].value["name"].iloc[0] == "Andere naam"
    at.selectbox(key="bulk_table").set_value("partner").run()
    at.selectbox(key="bulk_table").set_value("programme").run()
    no_exceptions(at)
    assert at.data_editor[0].value["name"].iloc[0] == "Andere naam"
    next(b for b in at.button if b.label.startswith("Opnieuw laden")).click().run()
    assert at.data_editor[0].value["name"].iloc[0] != "Andere naam"


def test_bulk_editor_is_built_only_when_its_tab_is_open(seeded_url, monkeypatch):
    at = _app(seeded_url, monkeypatch, BEHEERDER)
    assert not at.dataframe and "bulk_table" not in at.session_state
    open_tab(at, TAB_KEY, "Bulk bewerken")
    assert len(at.data_editor) == 1 and at.session_state["bulk_table"] == "programme"
    assert len(at.data_editor[0].value) == len(rows("programme"))
    open_tab(at, TAB_KEY, "Import")
    assert not at.dataframe
    # The chosen table is still chosen after a look at another tab.
    open_tab(at, TAB_KEY, "Bulk bewerken")
    at.selectbox(key="bulk_table").set_value("partner").run()
    open_tab(at, TAB_KEY, "Import")
    open_tab(at, TAB_KEY, "Bulk bewerken")
    assert at.selectbox(key="bulk_table").value == "partner"
    assert len(at.data_editor[0].value) == len(rows("partner"))
