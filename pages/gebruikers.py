"""Gebruikers: who may log in and with which role; only a beheerder sees and changes this page.

Saves go through data_access.users (which checks the role again, validates, audits and refuses a save
over someone else's change). The version a form starts from is held in the session, so a change made by
someone else in the meantime is reported instead of overwritten.
"""

import pandas as pd
import streamlit as st

from data_access.access import MANAGE
from data_access.models import ROLES
from data_access.users import ROLE_LABELS, UserError, delete_user, normalise_email, rights_table, save_user
from ui import auth, page
from ui import format as fmt
from ui.data import engine, snapshot
from ui.tables import static_table

NO_PARTNER = ""
K_FLASH = "users_flash"
K_HELD = "users_held"  # {"email": ..., "row": {...}} the user being edited, as first shown


sel, snap = page.begin()
st.title("Gebruikers")
if not auth.can(MANAGE):
    st.warning("Alleen een beheerder kan gebruikers bekijken en beheren. Vraag een beheerder als uw rol moet wijzigen.")
    st.stop()

st.caption(
    "Wie mag inloggen en met welke rol. Het e-mailadres waarmee iemand inlogt bepaalt de rol; een adres dat hier "
    "niet staat krijgt geen gegevens te zien."
)
if not auth.login_configured():
    st.caption(
        "Inloggen is nog niet ingesteld (lokale modus): deze lijst gaat gelden zodra inloggen is ingesteld. "
        "Voeg in elk geval een beheerder toe."
    )

partners = snap.frame("partners")
partner_names = dict(zip(partners["code"], partners["name"], strict=True))
partner_options = [NO_PARTNER, *sorted(partner_names, key=lambda c: partner_names[c])]


def partner_label(code: str) -> str:
    return "— geen —" if code == NO_PARTNER else f"{partner_names.get(code, code)} ({code})"


def flash(kind: str, text: str) -> None:
    st.session_state[K_FLASH] = (kind, text)


def fresh_users() -> pd.DataFrame:
    return snapshot().frame("app_users")


def hold(email: str | None) -> None:
    """Remember the user as it is now: the edit form shows this and saves against its version."""
    frame = fresh_users()
    match = frame[frame["email"] == email]
    st.session_state[K_HELD] = None if match.empty else {"email": email, "row": match.iloc[0].to_dict()}


def on_add() -> None:
    s = st.session_state
    role = s["new_role"]
    try:
        row = save_user(
            engine(),
            auth.current_actor(),
            s["new_email"],
            s["new_name"],
            role,
            s.get("new_partner") if role == "partner-redacteur" else None,
        )
    except UserError as exc:
        flash("error", str(exc))
        return
    flash("success", f"Gebruiker {row['email']} toegevoegd als {row['role']}.")
    s["new_email"] = ""
    s["new_name"] = ""


def on_save(held: dict, key: str) -> None:
    s = st.session_state
    role = s[f"role_{key}"]
    row = held["row"]
    try:
        saved = save_user(
            engine(),
            auth.current_actor(),
            row["email"],
            s[f"name_{key}"],
            role,
            s.get(f"partner_{key}") if role == "partner-redacteur" else None,
            expected_version=int(row["version"]),
        )
    except UserError as exc:
        flash("error", str(exc))
        hold(row["email"])  # show the current state, so a second save is an informed one
        return
    flash("success", f"Gebruiker {saved['email']} opgeslagen.")
    hold(row["email"])


def on_delete(held: dict) -> None:
    row = held["row"]
    try:
        delete_user(engine(), auth.current_actor(), row["email"], expected_version=int(row["version"]))
    except UserError as exc:
        flash("error", str(exc))
        hold(row["email"])
        return
    flash("success", f"Gebruiker {row['email']} verwijderd.")
    st.session_state[K_HELD] = None
    st.session_state.pop("users_pick", None)


if K_FLASH in st.session_state:
    kind, text = st.session_state.pop(K_FLASH)
    (st.success if kind == "success" else st.error)(text)

current = snap.frame("app_users")
counts = current["role"].value_counts()
cols = st.columns(len(ROLES) + 1)
cols[0].metric("Gebruikers", fmt.number(len(current)))
for col, role in zip(cols[1:], ROLES, strict=True):
    col.metric(role.capitalize(), fmt.number(int(counts.get(role, 0))))

if current.empty:
    st.info(
        "Er zijn nog geen gebruikers. Voeg hieronder de eerste toe, of op de opdrachtregel met "
        '`python -m data_access add-user E-MAILADRES --role beheerder --name "Naam"`.'
    )
else:
    static_table(
        pd.DataFrame(
            {
                "E-mailadres": current["email"],
                "Naam": current["name"],
                "Rol": current["role"],
                "Partnerorganisatie": [
                    partner_label(c) if isinstance(c, str) and c else "" for c in current["partner_code"]
                ],
            }
        ),
        "Gebruikers",
    )

with st.expander("Rollen en rechten"):
    static_table(rights_table(), "Rollen en rechten")
    st.caption(
        "Een partner-redacteur werkt alleen projecten bij waarvan de eigen organisatie trekker is. Iedere rol mag "
        "alles lezen. De controle gebeurt bij het opslaan, niet alleen in het scherm."
    )

st.subheader("Gebruiker toevoegen")
c = st.columns([3, 3, 3, 3])
c[0].text_input("E-mailadres", key="new_email", placeholder="naam@organisatie.nl")
c[1].text_input("Naam", key="new_name")
new_role = c[2].selectbox("Rol", ROLES, index=0, key="new_role", format_func=lambda r: ROLE_LABELS[r])
if new_role == "partner-redacteur":
    c[3].selectbox("Partnerorganisatie", partner_options[1:], key="new_partner", format_func=partner_label)
st.button("Toevoegen", type="primary", on_click=on_add, key="add_user")

if not current.empty:
    st.subheader("Gebruiker wijzigen of verwijderen")
    emails = list(current["email"])
    names = dict(zip(current["email"], current["name"], strict=True))
    held = st.session_state.get(K_HELD)
    picked = st.selectbox(
        "Gebruiker",
        emails,
        index=emails.index(held["email"]) if held and held["email"] in emails else None,
        key="users_pick",
        placeholder="Kies een gebruiker",
        format_func=lambda e: f"{names.get(e, e)} ({e})",
        on_change=lambda: hold(st.session_state["users_pick"]),
    )
    if picked and (held is None or held["email"] != normalise_email(picked)):
        hold(picked)
        held = st.session_state[K_HELD]
    if picked and held:
        row = held["row"]
        key = f"{row['email']}_{row['version']}"
        c = st.columns([3, 2, 3])
        c[0].text_input("Naam", value=row["name"], key=f"name_{key}")
        role = c[1].selectbox(
            "Rol", ROLES, index=ROLES.index(row["role"]), key=f"role_{key}", format_func=lambda r: ROLE_LABELS[r]
        )
        if role == "partner-redacteur":
            code = row["partner_code"] if isinstance(row["partner_code"], str) else None
            options = partner_options[1:]
            c[2].selectbox(
                "Partnerorganisatie",
                options,
                index=options.index(code) if code in options else 0,
                key=f"partner_{key}",
                format_func=partner_label,
            )
        b = st.columns([1, 1, 4])
        b[0].button("Opslaan", type="primary", on_click=on_save, args=(held, key), key=f"save_{key}")
        confirm = b[2].checkbox(f"Ja, verwijder {row['email']}", key=f"confirm_{key}")
        b[1].button("Verwijderen", disabled=not confirm, on_click=on_delete, args=(held,), key=f"delete_{key}")
