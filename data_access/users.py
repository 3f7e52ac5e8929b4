"""Users of the app (table `app_user`): who may log in, with which role.

Login (OpenID Connect) proves an e-mail address; this table decides what that person may do. A beheerder
manages it (capability MANAGE) through `save_user` and `delete_user`; every change is audited. E-mail
addresses are stored in lower case, so the match with the login is case-insensitive.

Rules, checked here so no caller can bypass them:
- the role is one of `ROLES`; a partner-redacteur belongs to an existing partner organisation, other
  roles to none;
- at least one beheerder always remains (the check runs inside the writing transaction, with the
  beheerder rows locked, so two concurrent removals cannot both succeed);
- a save names the version it started from (`expected_version`); when someone else changed or removed
  the user in the meantime, the save is refused with what the other person did.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from .access import CAPABILITIES, GRANTS, MANAGE, Actor, write_function
from .audit import write_transaction
from .models import ROLES, AppUser, Partner

ROLE_LABELS = {
    "kijker": "kijker (alleen lezen)",
    "redacteur": "redacteur (alles bewerken)",
    "partner-redacteur": "partner-redacteur (projecten van de eigen organisatie)",
    "beheerder": "beheerder (gebruikers, imports, instellingen)",
}
assert set(ROLE_LABELS) == set(ROLES)

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_FIELDS = ("email", "name", "role", "partner_code")


class UserError(ValueError):
    """A user change that cannot be saved; the message is Dutch and meant for the person saving."""


class UserConflict(UserError):
    """Someone else changed or removed the user since it was read (optimistic locking)."""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def users(engine: Engine) -> pd.DataFrame:
    """All users: email, name, role, partner_code, partner_name, version; ordered by name."""
    u, p = AppUser, Partner
    stmt = (
        select(u.email, u.name, u.role, u.partner_code, p.name.label("partner_name"), u.version)
        .outerjoin(p, p.code == u.partner_code)
        .order_by(u.name, u.email)
    )
    with engine.connect() as conn:
        result = conn.execute(stmt)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def user_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(AppUser)).scalar_one()


def find_user(engine: Engine, email: str) -> Actor | None:
    """The user with this e-mail address as an acting user, or None when the address is not admitted."""
    with engine.connect() as conn:
        row = conn.execute(
            select(AppUser.email, AppUser.name, AppUser.role, AppUser.partner_code).where(
                AppUser.email == normalise_email(email)
            )
        ).one_or_none()
    return None if row is None else Actor(email=row.email, name=row.name, role=row.role, partner_code=row.partner_code)


def _row(conn: Connection, email: str) -> dict | None:
    row = (
        conn.execute(select(*(getattr(AppUser, f) for f in _FIELDS), AppUser.version).where(AppUser.email == email))
        .mappings()
        .one_or_none()
    )
    return dict(row) if row is not None else None


def _describe(values: Mapping[str, object]) -> str:
    partner = f", partner {values['partner_code']}" if values.get("partner_code") else ""
    return f"{values['name']} ({values['role']}{partner})"


def _validate(conn: Connection, email: str, name: str, role: str, partner_code: str | None) -> list[str]:
    problems = []
    if not _EMAIL.match(email):
        problems.append(f"'{email}' is geen geldig e-mailadres (verwacht iets als naam@organisatie.nl).")
    elif len(email) > 254:
        problems.append("Het e-mailadres is langer dan 254 tekens.")
    if not name:
        problems.append("Vul een naam in.")
    elif len(name) > 200:
        problems.append("De naam is langer dan 200 tekens.")
    if role not in ROLES:
        problems.append(f"Onbekende rol '{role}'; kies uit: {', '.join(ROLES)}.")
    elif role == "partner-redacteur":
        if not partner_code:
            problems.append("Een partner-redacteur hoort bij een partnerorganisatie; kies de organisatie.")
        elif conn.execute(select(Partner.code).where(Partner.code == partner_code)).scalar_one_or_none() is None:
            problems.append(f"Partnerorganisatie '{partner_code}' bestaat niet.")
    elif partner_code:
        problems.append(
            f"Alleen een partner-redacteur hoort bij een partnerorganisatie; laat de organisatie leeg voor de rol "
            f"{role}."
        )
    return problems


def _require_a_beheerder_remains(conn: Connection) -> None:
    """Call after removing a beheerder, inside the transaction; raises (and so rolls back) when none is left."""
    left = conn.execute(select(AppUser.email).where(AppUser.role == "beheerder").with_for_update()).all()
    if not left:
        raise UserError(
            "Er moet minstens één beheerder overblijven; maak eerst iemand anders beheerder of laat deze gebruiker "
            "beheerder."
        )


def _lock_beheerders(conn: Connection) -> None:
    # Every user change first locks the beheerder rows: a concurrent removal of another beheerder waits
    # for this transaction and then sees its result, so two removals cannot leave nobody.
    conn.execute(select(AppUser.email).where(AppUser.role == "beheerder").with_for_update()).all()


@write_function(MANAGE)
def save_user(
    engine: Engine,
    actor: Actor,
    email: str,
    name: str,
    role: str,
    partner_code: str | None = None,
    expected_version: int | None = None,
) -> dict:
    """Add a user (`expected_version` None) or change one (the version it was read at); returns the stored row.

    Raises UserError with all problems in Dutch, or UserConflict when the user was added, changed or
    removed by someone else in the meantime. Nothing is written unless everything is right.
    """
    email = normalise_email(email)
    name = (name or "").strip()
    role = (role or "").strip()
    partner_code = (partner_code or "").strip() or None
    with write_transaction(engine, actor) as w:
        problems = _validate(w.conn, email, name, role, partner_code)
        if problems:
            raise UserError(" ".join(problems))
        _lock_beheerders(w.conn)
        old = _row(w.conn, email)
        new = {"email": email, "name": name, "role": role, "partner_code": partner_code}
        if expected_version is None:
            if old is not None:
                raise UserConflict(
                    f"Er bestaat al een gebruiker met e-mailadres {email}: {_describe(old)}. Kies die gebruiker om "
                    "hem te wijzigen."
                )
            w.conn.execute(insert(AppUser).values(**new, version=1))
            w.log("insert", "app_user", email, None, new)
            return {**new, "version": 1}
        if old is None:
            raise UserConflict(f"Gebruiker {email} is intussen door iemand anders verwijderd; er is niets opgeslagen.")
        if old["version"] != expected_version:
            raise UserConflict(
                f"Gebruiker {email} is intussen door iemand anders gewijzigd, nu: {_describe(old)}. Er is niets "
                "opgeslagen; bekijk de nieuwe gegevens en sla zo nodig opnieuw op."
            )
        before = {f: old[f] for f in _FIELDS}
        if before == new:
            return old
        changed = w.conn.execute(
            update(AppUser)
            .where(AppUser.email == email, AppUser.version == expected_version)
            .values(name=name, role=role, partner_code=partner_code, version=expected_version + 1)
        ).rowcount
        if changed != 1:  # changed between our read and our write
            raise UserConflict(f"Gebruiker {email} is intussen door iemand anders gewijzigd; er is niets opgeslagen.")
        w.log("update", "app_user", email, before, new)
        if before["role"] == "beheerder" and role != "beheerder":
            _require_a_beheerder_remains(w.conn)
        return {**new, "version": expected_version + 1}


@write_function(MANAGE)
def delete_user(engine: Engine, actor: Actor, email: str, expected_version: int | None = None) -> None:
    """Remove a user; refused when it is the last beheerder or (with `expected_version`) was changed since."""
    email = normalise_email(email)
    with write_transaction(engine, actor) as w:
        _lock_beheerders(w.conn)
        old = _row(w.conn, email)
        if old is None:
            raise UserConflict(f"Gebruiker {email} bestaat niet (meer); er is niets verwijderd.")
        if expected_version is not None and old["version"] != expected_version:
            raise UserConflict(
                f"Gebruiker {email} is intussen door iemand anders gewijzigd, nu: {_describe(old)}. Er is niets "
                "verwijderd."
            )
        w.conn.execute(delete(AppUser).where(AppUser.email == email, AppUser.version == old["version"]))
        w.log("delete", "app_user", email, {f: old[f] for f in _FIELDS}, None)
        if old["role"] == "beheerder":
            _require_a_beheerder_remains(w.conn)


def rights_table() -> pd.DataFrame:
    """Per role what it may change ("ja"/"nee" per capability), for the explanation next to the user list."""
    rows = [{"Rol": role, **{c: "ja" if c in GRANTS[role] else "nee" for c in CAPABILITIES}} for role in ROLES]
    return pd.DataFrame(rows)
