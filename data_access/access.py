"""Who may write what.

Every write function in data_access takes the acting user as its second argument and is declared with
`@write_function(capability)`, which refuses a role without that capability before anything is read or
written. So no page, and no other caller, can bypass the check; the UI only hides what a role cannot do.
A partner-redacteur may only edit projects led by their own organisation: project-scoped write
functions also call `require_project_scope` inside their transaction.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, select

from .models import ROLES, Project

# Capabilities (the Dutch text appears in refusals).
EDIT_PROJECT = "projecten bijwerken"  # status updates and milestones of a project
EDIT_DATA = "gegevens bewerken"  # measurements, bulk edits, meeting decisions, saved scenarios
IMPORT = "gegevens importeren"  # CSV/Excel/GeoJSON imports and restores
MANAGE = "gebruikers en instellingen beheren"

CAPABILITIES = (EDIT_PROJECT, EDIT_DATA, IMPORT, MANAGE)

GRANTS: dict[str, frozenset[str]] = {
    "kijker": frozenset(),
    "partner-redacteur": frozenset({EDIT_PROJECT}),
    "redacteur": frozenset({EDIT_PROJECT, EDIT_DATA}),
    "beheerder": frozenset({EDIT_PROJECT, EDIT_DATA, IMPORT, MANAGE}),
}
assert set(GRANTS) == set(ROLES)


@dataclass(frozen=True)
class Actor:
    """The person (or command-line user) on whose behalf a write happens."""

    email: str
    name: str
    role: str
    partner_code: str | None = None

    def can(self, capability: str) -> bool:
        return capability in GRANTS.get(self.role, frozenset())


class PermissionDenied(Exception):
    """A write the actor's role does not allow; the message is Dutch and meant for the user."""


def require(actor: Actor, capability: str) -> None:
    if not isinstance(actor, Actor):
        raise TypeError("a write function needs the acting user (Actor) as its second argument")
    if not actor.can(capability):
        raise PermissionDenied(f"Uw rol ({actor.role}) mag geen {capability}.")


def require_project_scope(conn: Connection, actor: Actor, project_code: str) -> None:
    """A partner-redacteur may only touch projects whose lead partner is their own organisation."""
    if actor.role != "partner-redacteur":
        return
    lead = conn.execute(select(Project.lead_partner_code).where(Project.code == project_code)).scalar_one_or_none()
    if lead is None or lead != actor.partner_code:
        raise PermissionDenied(
            f"U mag alleen projecten van uw eigen organisatie bijwerken; project {project_code} valt daar niet onder."
        )


# Every write function, by qualified name, with the capability it needs: the permission-matrix test
# walks this registry so a new write function is covered automatically.
WRITE_FUNCTIONS: dict[str, tuple[Callable, str]] = {}

F = TypeVar("F", bound=Callable)


def write_function(capability: str) -> Callable[[F], F]:
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def checked(engine, actor, *args, **kwargs):
            require(actor, capability)
            return fn(engine, actor, *args, **kwargs)

        WRITE_FUNCTIONS[f"{fn.__module__}.{fn.__qualname__}"] = (checked, capability)
        return checked  # type: ignore[return-value]

    return decorate


def command_line_actor() -> Actor:
    """The CLI runs on the server itself, by someone who can already read the database file or URL."""
    import getpass

    user = getpass.getuser()
    return Actor(email=f"cli:{user}", name=f"Opdrachtregel ({user})", role="beheerder")
