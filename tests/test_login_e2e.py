"""Login end to end: a real Streamlit server with [auth] configured, a local OpenID Connect provider
(oidc-provider-mock) and headless Chromium. The provider's authorization page lets the test choose who
logs in; the users table (the sample's app_user.csv) decides the role.
"""

from __future__ import annotations

import pytest
from oidc_provider_mock import run_server_in_thread
from playwright.sync_api import expect

from data_access.config import SAMPLE_DATA_DIR
from tests.a11y import axe_violations
from tests.browser import choose_option, exception_texts, nav_titles, settle, streamlit_server
from tests.sample_facts import rows

pytestmark = pytest.mark.browser

USERS = {u["role"]: u for u in rows("app_user")}
BEHEERDER = USERS["beheerder"]
KIJKER = USERS["kijker"]
PARTNER_REDACTEUR = USERS["partner-redacteur"]
UNKNOWN = "niet.bekend@example.net"


@pytest.fixture(scope="module")
def oidc_provider():
    with run_server_in_thread() as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def app_url(oidc_provider, tmp_path_factory):
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    tmp = tmp_path_factory.mktemp("login")
    url = f"sqlite:///{tmp / 'login.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    secrets = tmp / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "een-lang-testgeheim-van-minstens-tweeendertig-tekens"\n'
        'client_id = "wijkaanpak-test"\n'
        'client_secret = "geheim"\n'
        f'server_metadata_url = "{oidc_provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    # --secrets.files points Streamlit at this file only; the project's own secrets.toml is not read.
    with streamlit_server(url, tmp / "streamlit.log", extra_args=("--secrets.files", str(secrets))) as base:
        yield base


def main_text(page) -> str:
    return page.locator("[data-testid='stMain']").inner_text()


def log_in(page, app_url: str, oidc_provider: str, email: str) -> None:
    page.goto(app_url)
    settle(page)
    assert "Log in om het wijkaanpak-dashboard te gebruiken" in main_text(page)
    page.get_by_role("button", name="Inloggen").click()
    # The provider's authorization page: the test chooses the subject (its e-mail claim is the address).
    page.wait_for_url(f"{oidc_provider}/oauth2/authorize**", timeout=30000)
    page.get_by_placeholder("sub").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}/**", timeout=30000)
    settle(page)


def test_without_login_nothing_is_shown(browser, app_url):
    page = browser.new_context().new_page()
    page.goto(f"{app_url}/planning?programma=HAARLEM-WC")
    settle(page)
    assert exception_texts(page) == []
    assert "Log in om het wijkaanpak-dashboard te gebruiken" in main_text(page)
    assert nav_titles(page) == []
    assert page.get_by_text("Peildatum", exact=False).count() == 0
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stMetric']").count() == 0
    assert axe_violations(page) == []


def test_beheerder_logs_in_sees_all_pages_and_logs_out(browser, app_url, oidc_provider):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, app_url, oidc_provider, BEHEERDER["email"])
    assert exception_texts(page) == []
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    assert f"Ingelogd als {BEHEERDER['name']} (beheerder)" in sidebar
    titles = nav_titles(page)
    assert "Overzicht" in titles and "Gebruikers" in titles
    assert "lokale modus" not in main_text(page).lower()
    assert page.locator("[data-testid='stMain'] h1").first.is_visible()

    # The Gebruikers page lists the users of the table.
    page.locator("[data-testid='stSidebarNavLink']").filter(has_text="Gebruikers").click()
    settle(page)
    assert exception_texts(page) == []
    text = main_text(page)
    assert "Gebruiker toevoegen" in text
    metric = page.locator("[data-testid='stMetric']").filter(has_text="Gebruikers")
    assert metric.locator("[data-testid='stMetricValue']").inner_text().strip() == str(len(rows("app_user")))
    page.locator("[data-testid='stExpander'] summary").filter(has_text="Rollen en rechten").click()
    box = page.locator("[data-testid='stSelectbox']").filter(has=page.get_by_text("Gebruiker", exact=True))
    choose_option(page, box, KIJKER["email"])
    expect(page.get_by_role("button", name="Opslaan")).to_be_visible(timeout=20000)
    assert axe_violations(page) == []

    # Logging out ends the session at the provider too and brings back the login prompt.
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(f"{oidc_provider}/oauth2/end_session**", timeout=30000)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{app_url}/**", timeout=30000)
    settle(page)
    assert "Log in om het wijkaanpak-dashboard te gebruiken" in main_text(page)
    assert nav_titles(page) == []
    context.close()


def test_kijker_sees_no_user_management(browser, app_url, oidc_provider):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, app_url, oidc_provider, KIJKER["email"])
    assert exception_texts(page) == []
    assert f"Ingelogd als {KIJKER['name']} (kijker)" in page.locator("[data-testid='stSidebar']").inner_text()
    titles = nav_titles(page)
    assert "Overzicht" in titles and "Planning" in titles
    assert "Gebruikers" not in titles
    # A typed link to the page explains instead of showing the users.
    page.goto(f"{app_url}/gebruikers")
    settle(page)
    assert exception_texts(page) == []
    text = main_text(page)
    assert "Alleen een beheerder kan gebruikers bekijken en beheren" in text
    assert "Gebruiker toevoegen" not in text and BEHEERDER["email"] not in text
    assert page.locator("[data-testid='stDataFrame'], [data-testid='stTable'], .wd-table").count() == 0
    context.close()


def test_partner_redacteur_role_and_partner_are_shown(browser, app_url, oidc_provider):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, app_url, oidc_provider, PARTNER_REDACTEUR["email"].upper())  # case does not matter
    sidebar = page.locator("[data-testid='stSidebar']").inner_text()
    expected = f"Ingelogd als {PARTNER_REDACTEUR['name']} (partner-redacteur, {PARTNER_REDACTEUR['partner_code']})"
    assert expected in sidebar
    assert "Gebruikers" not in nav_titles(page)
    context.close()


def test_unknown_address_is_refused(browser, app_url, oidc_provider):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    log_in(page, app_url, oidc_provider, UNKNOWN)
    assert exception_texts(page) == []
    text = main_text(page)
    assert f"Uw account ({UNKNOWN}) is nog niet toegelaten" in text
    assert nav_titles(page) == []
    assert page.locator("[data-testid='stMetric']").count() == 0
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible(timeout=20000)
    assert axe_violations(page) == []
    context.close()
