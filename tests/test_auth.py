"""Who may see what, in AppTest: login configured (st.user seeded per role), lokale modus on this machine and
from another address, and the Gebruikers page per role. The real login and the real network refusal are
tested in a browser in test_login_e2e.py and test_local_mode_server.py."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from data_access.access import EDIT_DATA, EDIT_PROJECT, IMPORT, MANAGE
from data_access.config import PROJECT_ROOT, SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.models import AuditLog
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder
from tests.apptest_helpers import html_tables, no_exceptions, static_charts, table_frames
from tests.conftest import APP_PATH
from tests.sample_facts import rows
from ui import auth

AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "een-lang-testgeheim-van-minstens-tweeendertig-tekens",
    "client_id": "wijkaanpak",
    "client_secret": "geheim",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}
USERS = {u["role"]: u for u in rows("app_user")}
PAGE_FILES = re.findall(r'st\.Page\("(pages/[a-z_]+\.py)"', (PROJECT_ROOT / "dashboard.py").read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'auth.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def app(user: dict | None = None, secrets: dict | None = None, script=APP_PATH):
    """An AppTest of the dashboard (or one page file) with login configured and this st.user."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(script), default_timeout=60)
    if secrets is not None:
        for key, value in secrets.items():
            at.secrets[key] = value
    at.user = user if user is not None else {"is_logged_in": False}
    return at


def logged_in(email: str, name: str = "Naam uit de inlogdienst", **claims) -> dict:
    return {"is_logged_in": True, "email": email, "name": name, **claims}


def shows_data(at) -> bool:
    return bool(
        at.metric or at.dataframe or table_frames(at) or at.get("vega_lite_chart") or static_charts(at) or at.selectbox
    )


def texts(elements) -> str:
    return "\n".join(e.value for e in elements)


# --- login configured -------------------------------------------------------------------------------------


def test_not_logged_in_gets_the_login_button_and_no_data(db):
    at = app(secrets={"auth": AUTH}).run()
    no_exceptions(at)
    assert "Log in om het wijkaanpak-dashboard te gebruiken" in texts(at.info)
    assert [b.label for b in at.button] == ["Inloggen"]
    assert not shows_data(at)


@pytest.mark.parametrize("page", PAGE_FILES)
def test_a_page_run_directly_is_refused_without_login(db, page):
    # A deep link can run a page file before dashboard.py ever ran: begin() refuses it the same way.
    at = app(secrets={"auth": AUTH}, script=PROJECT_ROOT / page).run()
    no_exceptions(at)
    assert "Log in om het wijkaanpak-dashboard te gebruiken" in texts(at.info)
    assert not shows_data(at)


@pytest.mark.parametrize("role", ["kijker", "redacteur", "partner-redacteur", "beheerder"])
def test_each_role_is_shown_with_name_and_gets_data(db, role):
    user = USERS[role]
    at = app(logged_in(user["email"].upper()), {"auth": AUTH}).run()
    no_exceptions(at)
    partner = f", {user['partner_code']}" if user["partner_code"] else ""
    assert f"Ingelogd als **{user['name']}** ({role}{partner})" in texts(at.sidebar.caption)
    assert "Uitloggen" in [b.label for b in at.sidebar.button]
    assert at.metric, "the Overzicht shows its figures"
    assert "Lokale modus" not in texts(at.info)


def test_the_navigation_follows_a_change_of_role_within_a_session(db):
    """A session keeps its st.Page list between runs (dashboard.py), but not past a change of its rights."""
    from data_access.access import command_line_actor
    from data_access.users import save_user, users

    user = USERS["redacteur"]
    at = app(logged_in(user["email"]), {"auth": AUTH}).run()
    no_exceptions(at)
    rights, pages = at.session_state["_per_session_pages"]
    assert rights == ("hidden", "visible")  # Gebruikers, Beheer
    kept = at.run().session_state["_per_session_pages"][1]
    assert [id(p) for p in kept] == [id(p) for p in pages]  # built once for this session

    engine = get_engine(db)
    version = next(u["version"] for u in users(engine).to_dict("records") if u["email"] == user["email"])
    save_user(engine, command_line_actor(), user["email"], user["name"], "kijker", None, version)
    at.run()
    no_exceptions(at)
    rights, pages = at.session_state["_per_session_pages"]
    assert rights == ("hidden", "hidden")
    assert {p.title: p.visibility for p in pages}["Beheer"] == "hidden"


def _capabilities_script():
    import streamlit as st

    from data_access.access import CAPABILITIES, MANAGE
    from ui import auth

    actor = auth.current_actor()
    st.text(f"{actor.email}|{actor.role}|{actor.partner_code}|{auth.shown_to(MANAGE)}")
    st.text(",".join(c for c in CAPABILITIES if auth.can(c)))


@pytest.mark.parametrize(
    ("role", "capabilities", "users_page"),
    [
        ("kijker", set(), "hidden"),
        ("partner-redacteur", {EDIT_PROJECT}, "hidden"),
        ("redacteur", {EDIT_PROJECT, EDIT_DATA}, "hidden"),
        ("beheerder", {EDIT_PROJECT, EDIT_DATA, IMPORT, MANAGE}, "visible"),
    ],
)
def test_current_actor_can_and_page_visibility_follow_the_users_table(db, role, capabilities, users_page):
    from streamlit.testing.v1 import AppTest

    user = USERS[role]
    at = AppTest.from_function(_capabilities_script, default_timeout=30)
    at.secrets["auth"] = AUTH
    at.user = logged_in(user["email"])
    at.run()
    no_exceptions(at)
    assert at.text[0].value == f"{user['email']}|{role}|{user['partner_code'] or None}|{users_page}"
    assert set(filter(None, at.text[1].value.split(","))) == capabilities


def test_unknown_address_is_refused_unless_a_default_role_is_configured(db):
    at = app(logged_in("Nieuw@Example.net"), {"auth": AUTH}).run()
    no_exceptions(at)
    assert "Uw account (nieuw@example.net) is nog niet toegelaten" in texts(at.error)
    assert "vraag een beheerder" in texts(at.error).lower()
    assert [b.label for b in at.button] == ["Uitloggen"]
    assert not shows_data(at)

    at = app(logged_in("nieuw@example.net", "Nieuwe Kijker"), {"auth": AUTH, "access": {"default_role": "kijker"}})
    at.run()
    no_exceptions(at)
    assert "Ingelogd als **Nieuwe Kijker** (kijker)" in texts(at.sidebar.caption)
    assert at.metric


def test_a_default_role_that_could_manage_is_refused(db):
    at = app(logged_in("nieuw@example.net"), {"auth": AUTH, "access": {"default_role": "beheerder"}}).run()
    no_exceptions(at)
    assert "default_role" in texts(at.error) and "kijker en redacteur" in texts(at.error)
    assert not shows_data(at)
    # Also for someone who is in the table: a broken configuration shows nothing to anyone.
    at = app(logged_in(USERS["beheerder"]["email"]), {"auth": AUTH, "access": {"default_role": "baas"}}).run()
    assert not shows_data(at)


def test_incomplete_login_configuration_shows_what_is_missing(db):
    partial = {k: v for k, v in AUTH.items() if k not in ("client_secret", "cookie_secret")}
    at = app(logged_in(USERS["beheerder"]["email"]), {"auth": partial}).run()
    no_exceptions(at)
    assert "onvolledig" in texts(at.error)
    assert "`cookie_secret`" in texts(at.error) and "`client_secret`" in texts(at.error)
    assert not shows_data(at)


def test_a_named_provider_section_counts_as_configured(db):
    named = {
        "redirect_uri": AUTH["redirect_uri"],
        "cookie_secret": AUTH["cookie_secret"],
        "gemeente": {k: AUTH[k] for k in ("client_id", "client_secret", "server_metadata_url")},
    }
    at = app(logged_in(USERS["kijker"]["email"]), {"auth": named}).run()
    no_exceptions(at)
    assert at.metric


def test_unverified_or_missing_email_is_refused(db):
    at = app(logged_in(USERS["beheerder"]["email"], email_verified=False), {"auth": AUTH}).run()
    no_exceptions(at)
    assert "niet is bevestigd" in texts(at.error)
    assert not shows_data(at)
    at = app({"is_logged_in": True, "name": "Zonder adres"}, {"auth": AUTH}).run()
    assert "geen e-mailadres" in texts(at.error)
    assert not shows_data(at)


def test_the_address_can_come_from_another_claim(db):
    user = {"is_logged_in": True, "name": "Entra", "preferred_username": USERS["kijker"]["email"]}
    at = app(user, {"auth": AUTH}).run()
    assert "geen e-mailadres door (in het veld `email`)" in texts(at.error)
    at = app(user, {"auth": AUTH, "access": {"email_claim": "preferred_username"}}).run()
    no_exceptions(at)
    assert f"Ingelogd als **{USERS['kijker']['name']}** (kijker)" in texts(at.sidebar.caption)


# --- the Gebruikers page per role ----------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["kijker", "redacteur", "partner-redacteur"])
def test_users_page_refuses_other_roles(db, role):
    at = app(logged_in(USERS[role]["email"]), {"auth": AUTH}).run()
    at.switch_page("pages/gebruikers.py").run()
    no_exceptions(at)
    assert "Alleen een beheerder" in texts(at.warning)
    assert not at.dataframe and not html_tables(at) and not at.text_input and not at.metric


def test_beheerder_sees_the_users_and_adds_one_as_themselves(db):
    beheerder = USERS["beheerder"]
    at = app(logged_in(beheerder["email"]), {"auth": AUTH}).run()
    at.switch_page("pages/gebruikers.py").run()
    no_exceptions(at)
    table = html_tables(at)["Gebruikers"]
    assert sorted(table["E-mailadres"]) == sorted(u["email"] for u in rows("app_user"))
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Gebruikers"] == str(len(rows("app_user")))
    for role in USERS:
        assert metrics[role.capitalize()] == str(sum(u["role"] == role for u in rows("app_user")))

    at.text_input(key="new_email").input("nieuw@gemeente.nl")
    at.text_input(key="new_name").input("Nieuwe Redacteur")
    at.selectbox(key="new_role").set_value("redacteur")
    at.button(key="add_user").click().run()
    no_exceptions(at)
    assert "toegevoegd als redacteur" in texts(at.success)
    assert {m.label: m.value for m in at.metric}["Gebruikers"] == str(len(rows("app_user")) + 1)
    assert "nieuw@gemeente.nl" in list(html_tables(at)["Gebruikers"]["E-mailadres"])
    with get_engine(db).connect() as conn:
        who = conn.execute(select(AuditLog.actor).where(AuditLog.row_key == "nieuw@gemeente.nl")).scalar_one()
    assert who == beheerder["email"]


def test_users_page_reports_invalid_input_and_a_conflicting_change(db):
    from data_access.access import Actor
    from data_access.users import save_user

    at = app(logged_in(USERS["beheerder"]["email"]), {"auth": AUTH}).run()
    at.switch_page("pages/gebruikers.py").run()
    at.text_input(key="new_email").input("geen-adres")
    at.text_input(key="new_name").input("X")
    at.button(key="add_user").click().run()
    assert "geen geldig e-mailadres" in texts(at.error)

    kijker = USERS["kijker"]
    at.selectbox(key="users_pick").set_value(kijker["email"]).run()
    key = f"{kijker['email']}_1"
    at.selectbox(key=f"role_{key}").set_value("redacteur").run()
    # Meanwhile someone else renames the same user.
    other = Actor("ander@example.org", "Ander", "beheerder")
    save_user(get_engine(db), other, kijker["email"], "Andere Naam", "kijker", None, 1)
    at.button(key=f"save_{key}").click().run()
    no_exceptions(at)
    assert "intussen door iemand anders gewijzigd, nu: Andere Naam (kijker)" in texts(at.error)
    # The form now shows the other change and saves against it.
    key = f"{kijker['email']}_2"
    assert at.text_input(key=f"name_{key}").value == "Andere Naam"
    at.selectbox(key=f"role_{key}").set_value("redacteur").run()
    at.button(key=f"save_{key}").click().run()
    assert f"Gebruiker {kijker['email']} opgeslagen." in texts(at.success)
    table = html_tables(at)["Gebruikers"].set_index("E-mailadres")
    assert table.loc[kijker["email"], "Rol"] == "redacteur" and table.loc[kijker["email"], "Naam"] == "Andere Naam"


# --- lokale modus ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGE_FILES)
def test_lokale_modus_banner_on_every_page_for_this_machine(db, page):
    at = app(user={})
    at.run()
    at.switch_page(page).run()
    no_exceptions(at)
    assert "Lokale modus" in texts(at.info)


def test_lokale_modus_acts_as_local_beheerder(db):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_capabilities_script, default_timeout=30).run()
    no_exceptions(at)
    assert at.text[0].value == "lokaal|beheerder|None|visible"


@pytest.mark.parametrize("address", ["192.0.2.7", "10.1.2.3", "fd00::2", "fe80::1%eth0", None, ""])
def test_lokale_modus_refuses_another_address_on_every_page(db, monkeypatch, address):
    monkeypatch.setattr(auth, "_peer_address", lambda: address)
    at = app(user={}).run()
    no_exceptions(at)
    message = texts(at.error)
    assert "Lokale modus: alleen op deze computer" in message
    assert "[auth]" in message and "add-user" in message
    if address:
        assert address in message
    assert not shows_data(at) and not at.sidebar.caption
    for page in PAGE_FILES:  # also when a page file runs directly (a deep link on a fresh server)
        at = app(user={}, script=PROJECT_ROOT / page).run()
        no_exceptions(at)
        assert "Lokale modus: alleen op deze computer" in texts(at.error), page
        assert not shows_data(at), page


@pytest.mark.parametrize("address", ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.0.0.2"])
def test_lokale_modus_admits_loopback(db, monkeypatch, address):
    monkeypatch.setattr(auth, "_peer_address", lambda: address)
    at = app(user={}).run()
    no_exceptions(at)
    assert "Lokale modus" in texts(at.info) and not at.error
    assert at.metric


def test_lokale_modus_refuses_everyone_when_forwarded_addresses_are_trusted(db, monkeypatch):
    monkeypatch.setattr(auth, "_peer_address", lambda: "127.0.0.1")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "*")
    at = app(user={}).run()
    assert "FORWARDED_ALLOW_IPS" in texts(at.error)
    assert not shows_data(at)
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "127.0.0.1, ::1")
    at = app(user={}).run()
    assert at.metric and not at.error


def test_is_loopback():
    assert auth.is_loopback("127.0.0.1") and auth.is_loopback("::1") and auth.is_loopback("::ffff:127.0.0.1")
    assert not auth.is_loopback("192.0.2.2") and not auth.is_loopback("fd00::2") and not auth.is_loopback("")
    assert not auth.is_loopback("localhost")  # a name is not an address the server saw
