"""Who is using the app: the acting user for data_access write functions.

Without login configured the app runs in "lokale modus" for the person at this machine.
"""

from __future__ import annotations

from data_access.access import Actor

LOCAL_ACTOR = Actor(email="lokaal", name="Lokale gebruiker", role="beheerder")


def current_actor() -> Actor:
    return LOCAL_ACTOR
