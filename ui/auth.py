"""Who is using the app, and whether they may see data at all.

Two modes, decided by `.streamlit/secrets.toml` (or the files named by the `secrets.files` option):

- **Login** when there is an `[auth]` section: `st.login` (OpenID Connect). The e-mail address the provider
  vouches for must be in the users table (`data_access.users`, managed by a beheerder on the Gebruikers
  page); its role decides what the person may change. An address that is not in the table sees no data
  but a Dutch message to ask a beheerder, unless `[access] default_role` (kijker or redacteur) admits
  every authenticated address with that role. The address comes from the `email` claim, or the claim
  named by `[access] email_claim` (e.g. preferred_username for Microsoft Entra ID). The lookup runs on
  every script run, so a changed role or a removed user takes effect at the next click.
- **Lokale modus** without `[auth]`: the app is for the person at this machine. The acting user is a
  local beheerder; a browser connected from any non-loopback address gets a Dutch message on how to
  configure login, and no data. The address is the TCP peer of the browser's WebSocket as the server
  saw it. Streamlit's server (uvicorn) rewrites it from X-Forwarded-For only when the peer itself is a
  loopback address (its default FORWARDED_ALLOW_IPS), so a remote browser cannot pose as local; should
  FORWARDED_ALLOW_IPS trust other addresses, lokale modus refuses every browser.

A page never decides this itself: `ui.page.begin()` calls `gate()` first, and `dashboard.py` builds the
navigation from `navigation_pages()`, so a refused browser gets neither pages nor data.
The write functions in data_access check the acting user's role again; the UI only hides what a role
cannot do (`can(capability)`).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError
from streamlit.runtime.scriptrunner import get_script_run_ctx

from data_access import users
from data_access.access import Actor

from .data import DatabaseUnavailable, engine, register_read

LOCAL_ACTOR = Actor(email="lokaal", name="Lokale gebruiker", role="beheerder")

# Roles an [access] default_role may give to every authenticated address: never a role that can change
# users or imports, nor one that needs a partner organisation.
DEFAULT_ROLE_CHOICES = ("kijker", "redacteur")
_PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")

register_read("app_users", users.users)

CONFIGURE_LOGIN = (
    "Om het dashboard via het netwerk te gebruiken stelt u inloggen in: zet in `.streamlit/secrets.toml` een "
    "sectie `[auth]` met `redirect_uri`, `cookie_secret`, `client_id`, `client_secret` en `server_metadata_url` "
    "van uw OpenID Connect-aanbieder, voeg de eerste beheerder toe met "
    '`python -m data_access add-user E-MAILADRES --role beheerder --name "Naam"` en start het dashboard '
    "opnieuw. Zie de README, sectie 'Inloggen, rollen en lokale modus'."
)


@dataclass(frozen=True)
class Access:
    """The outcome for this browser: an acting user, or a Dutch reason why it gets no data."""

    mode: str  # "lokaal" or "login"
    actor: Actor | None = None
    refusal: str | None = None
    may_log_in: bool = False  # refused only because nobody is logged in yet: offer the login button
    may_log_out: bool = False  # logged in, but not admitted: offer to log out (e.g. to switch account)


# --- configuration -----------------------------------------------------------------------------------


def _secrets() -> Mapping:
    try:
        return st.secrets.to_dict()
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return {}


def login_configured() -> bool:
    """True when secrets have an [auth] section: then every browser must log in."""
    return "auth" in _secrets()


def _provider(auth: Mapping) -> tuple[str | None, list[str]]:
    """The provider name for st.login (None: the unnamed default) and what is missing from [auth]."""
    missing = [key for key in ("redirect_uri", "cookie_secret") if not auth.get(key)]
    named = [name for name, value in auth.items() if isinstance(value, Mapping)]
    if all(auth.get(key) for key in _PROVIDER_KEYS):
        return None, missing
    if len(named) == 1:
        section = auth[named[0]]
        return named[0], missing + [f"{named[0]}.{k}" for k in _PROVIDER_KEYS if not section.get(k)]
    return None, missing + [k for k in _PROVIDER_KEYS if not auth.get(k)]


def default_role() -> str | None:
    """The role for an authenticated address that is not in the users table ([access] default_role)."""
    role = (_secrets().get("access") or {}).get("default_role")
    return str(role).strip() if role else None


def email_claim() -> str:
    """The claim that holds the e-mail address ([access] email_claim; some providers use preferred_username)."""
    return str((_secrets().get("access") or {}).get("email_claim") or "email").strip()


# --- the browser's address (lokale modus) ---------------------------------------------------------------

_NO_NETWORK = object()


def _peer_address() -> object:
    """The WebSocket peer address of this browser as the server saw it (a str), or None when unknown.

    Streamlit's own test runner (AppTest) runs the script in-process without any network connection;
    its stand-in runtime has no address at all, reported here as _NO_NETWORK.
    """
    from streamlit.runtime.context import _get_client_context

    client = _get_client_context()
    if client is None:
        return None
    remote_ip = getattr(client, "remote_ip", None)
    if remote_ip is None or isinstance(remote_ip, str):
        return remote_ip
    return _NO_NETWORK


def _proxy_trust_is_loopback_only() -> bool:
    """False when FORWARDED_ALLOW_IPS lets a non-loopback peer set the client address via X-Forwarded-For."""
    trusted = os.environ.get("FORWARDED_ALLOW_IPS")
    if trusted is None:
        return True
    for entry in (part.strip() for part in trusted.split(",")):
        if not entry:
            continue
        try:
            if not ipaddress.ip_network(entry, strict=False).is_loopback:
                return False
        except ValueError:  # "*", host names, unix sockets
            return False
    return True


def is_loopback(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_loopback


def _local_refusal() -> str | None:
    """None when the browser is on this machine; otherwise the Dutch reason it gets no data."""
    peer = _peer_address()
    if peer is _NO_NETWORK:
        return None
    if not _proxy_trust_is_loopback_only():
        where = "FORWARDED_ALLOW_IPS vertrouwt doorgestuurde adressen van andere computers"
    elif not isinstance(peer, str) or not peer:
        where = "het adres van uw browser is onbekend"
    elif is_loopback(peer):
        return None
    else:
        where = f"uw browser maakt verbinding vanaf {peer}"
    return (
        "**Lokale modus: alleen op deze computer.** Dit dashboard draait zonder inloggen en toont zijn gegevens "
        f"alleen aan een browser op de computer waarop het draait; {where}. Daarom worden er geen gegevens "
        f"getoond.\n\n{CONFIGURE_LOGIN}"
    )


# --- deciding ------------------------------------------------------------------------------------------


def resolve() -> Access:
    """Decide, without rendering anything, who this browser is and whether it may see data.

    Decided once per script run: the navigation, the page gate and the page itself all ask, and each
    decision reads the secrets and the user's rights. A run starts with a fresh `cursors` dict on its
    context, which marks the run (ScriptRunContext.reset; check again on a Streamlit upgrade). Widget
    callbacks (which run before the script body and may change the user's rights) decide afresh and are
    not remembered."""
    ctx = get_script_run_ctx()
    if ctx is None or not ctx.has_script_started:
        return _decide()
    memo = getattr(ctx, "_wijkaanpak_access", None)
    if memo is not None and memo[0] is ctx.cursors:
        return memo[1]
    access = _decide()
    ctx._wijkaanpak_access = (ctx.cursors, access)
    return access


def _decide() -> Access:
    secrets = _secrets()
    if "auth" not in secrets:
        refusal = _local_refusal()
        return Access("lokaal", refusal=refusal) if refusal else Access("lokaal", actor=LOCAL_ACTOR)
    _, missing = _provider(secrets["auth"])
    if missing:
        return Access(
            "login",
            refusal="Inloggen is onvolledig ingesteld: in de sectie `[auth]` van `secrets.toml` ontbreekt "
            f"{', '.join(f'`{m}`' for m in missing)}. Er worden geen gegevens getoond tot dit is hersteld.",
        )
    role = default_role()
    if role is not None and role not in DEFAULT_ROLE_CHOICES:
        return Access(
            "login",
            refusal=f"`[access] default_role` in `secrets.toml` is '{role}'; toegestaan zijn alleen "
            f"{' en '.join(DEFAULT_ROLE_CHOICES)}. Er worden geen gegevens getoond tot dit is hersteld.",
        )
    if not st.user.get("is_logged_in"):
        return Access("login", refusal="Log in om het wijkaanpak-dashboard te gebruiken.", may_log_in=True)
    claim = email_claim()
    email = users.normalise_email(str(st.user.get(claim) or ""))
    if not email:
        return Access(
            "login",
            refusal=f"Uw inlogdienst gaf geen e-mailadres door (in het veld `{claim}`); zonder e-mailadres kan het "
            "dashboard u geen rol geven. Vraag een beheerder om hulp.",
            may_log_out=True,
        )
    if st.user.get("email_verified") is False:
        return Access(
            "login",
            refusal=f"Uw inlogdienst meldt dat het e-mailadres {email} niet is bevestigd. Bevestig het eerst bij "
            "uw inlogdienst en log opnieuw in.",
            may_log_out=True,
        )
    actor = users.find_user(engine(), email)
    if actor is None and role is not None:
        actor = Actor(email=email, name=str(st.user.get("name") or email), role=role)
    if actor is None:
        return Access(
            "login",
            refusal=f"Uw account ({email}) is nog niet toegelaten tot het wijkaanpak-dashboard. Vraag een "
            "beheerder om u toe te voegen op de pagina Gebruikers; daarna kunt u het opnieuw proberen.",
            may_log_out=True,
        )
    return Access("login", actor=actor)


def _resolve_or_report() -> Access:
    try:
        return resolve()
    except DatabaseUnavailable as exc:
        st.error(
            "De database is niet bereikbaar. Controleer DATABASE_URL (of .streamlit/secrets.toml) en of de "
            f"databaseserver draait.\n\nMelding: {exc}"
        )
        st.stop()
        raise  # st.stop() raises; this keeps type checkers and readers sure nothing follows


def _log_in() -> None:
    provider, _ = _provider(_secrets()["auth"])
    if provider:
        st.login(provider)
    else:
        st.login()


def _show_refusal(access: Access) -> None:
    if access.may_log_in:
        st.title("Wijkaanpak-dashboard")
        st.info(access.refusal, icon=":material/login:")
        st.button("Inloggen", type="primary", on_click=_log_in, key="auth_login")
    else:
        st.error(access.refusal, icon=":material/block:")
        if access.may_log_out:
            st.button("Uitloggen", on_click=st.logout, key="auth_logout_refused")


def gate() -> Actor:
    """First thing on every page: stop with the refusal, else show the mode or the user in the sidebar."""
    access = _resolve_or_report()
    if access.actor is None:
        _show_refusal(access)
        st.stop()
    if access.mode == "lokaal":
        st.info(
            "**Lokale modus**: zonder inloggen, alleen te gebruiken op deze computer; u werkt als beheerder. "
            "Zie de README, sectie 'Inloggen, rollen en lokale modus', om inloggen in te stellen.",
            icon=":material/computer:",
        )
    else:
        actor = access.actor
        partner = f", {actor.partner_code}" if actor.partner_code else ""
        st.sidebar.caption(f"Ingelogd als **{actor.name}** ({actor.role}{partner})")
        st.sidebar.button("Uitloggen", on_click=st.logout, key="auth_logout")
    return access.actor


def current_actor() -> Actor:
    """The acting user for data_access write functions (the gate has already admitted this browser)."""
    access = resolve()
    if access.actor is None:
        st.stop()
    return access.actor


def can(capability: str) -> bool:
    """Whether the current user's role has this capability; pages use it to hide what the role cannot do."""
    return current_actor().can(capability)


# --- navigation ----------------------------------------------------------------------------------------


def shown_to(capability: str) -> str:
    """`visibility` for an st.Page only for roles with this capability; the page itself checks again.

    A hidden page stays reachable by its link, so someone without the right gets that page's Dutch
    explanation rather than Streamlit's "page not found".
    """
    try:
        actor = resolve().actor
    except DatabaseUnavailable:  # navigation_pages reports it
        actor = None
    return "visible" if actor is not None and actor.can(capability) else "hidden"


def navigation_pages(pages: Sequence) -> list:
    """The pages for st.navigation. A refused browser gets, under each page's address, a hidden page that
    shows only the refusal: no data page runs, and a deep link gets the refusal rather than "page not
    found"."""
    access = _resolve_or_report()
    if access.actor is None:

        def refusal() -> None:
            _show_refusal(access)

        return [
            st.Page(refusal, title=page.title, url_path=page.url_path, default=i == 0, visibility="hidden")
            for i, page in enumerate(pages)
        ]
    return list(pages)
