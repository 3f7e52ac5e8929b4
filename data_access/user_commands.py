"""Command line for users: add the first beheerder before anyone can log in, list and remove users.

    python -m data_access add-user EMAIL --role beheerder --name "Naam" [--partner CODE]
    python -m data_access users
    python -m data_access remove-user EMAIL

The command line acts as `command_line_actor()` (a beheerder: whoever runs it can already reach the
database); every change is audited like a change made in the app.
"""

from __future__ import annotations

import sys

from .access import command_line_actor
from .bootstrap import ensure_ready
from .config import database_url
from .models import ROLES
from .users import UserError, delete_user, find_user, normalise_email, save_user, users


def cmd_add_user(args) -> int:
    engine = ensure_ready(database_url())
    email = normalise_email(args.email)
    current = users(engine).set_index("email")
    try:
        if email in current.index:
            row = current.loc[email]
            name = args.name or row["name"]
            save_user(engine, command_line_actor(), email, name, args.role, args.partner, int(row["version"]))
            verb = "bijgewerkt"
        else:
            if not args.name:
                print("FOUT: geef de naam van de nieuwe gebruiker met --name.", file=sys.stderr)
                return 1
            save_user(engine, command_line_actor(), email, args.name, args.role, args.partner)
            verb = "toegevoegd"
    except UserError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        return 1
    user = find_user(engine, email)
    print(f"Gebruiker {user.email} {verb}: {user.name}, rol {user.role}.")
    return 0


def cmd_users(args) -> int:
    frame = users(ensure_ready(database_url()))
    if frame.empty:
        print("Er zijn nog geen gebruikers. Voeg de eerste beheerder toe met add-user.")
        return 0
    for row in frame.itertuples():
        partner = f"  ({row.partner_code})" if row.partner_code else ""
        print(f"{row.email:<40} {row.role:<18} {row.name}{partner}")
    return 0


def cmd_remove_user(args) -> int:
    engine = ensure_ready(database_url())
    try:
        delete_user(engine, command_line_actor(), args.email)
    except UserError as exc:
        print(f"FOUT: {exc}", file=sys.stderr)
        return 1
    print(f"Gebruiker {normalise_email(args.email)} verwijderd.")
    return 0


def register(sub) -> None:
    """Add the user commands to the `python -m data_access` parser."""
    p = sub.add_parser("add-user", help="een gebruiker toevoegen of wijzigen (bijvoorbeeld de eerste beheerder)")
    p.add_argument("email", metavar="EMAIL")
    p.add_argument("--role", required=True, choices=ROLES, help="rol van de gebruiker")
    p.add_argument("--name", help="naam zoals het dashboard hem toont (verplicht voor een nieuwe gebruiker)")
    p.add_argument("--partner", metavar="CODE", help="partnercode (alleen voor partner-redacteur)")
    p.set_defaults(func=cmd_add_user)
    sub.add_parser("users", help="alle gebruikers met hun rol tonen").set_defaults(func=cmd_users)
    p = sub.add_parser("remove-user", help="een gebruiker verwijderen")
    p.add_argument("email", metavar="EMAIL")
    p.set_defaults(func=cmd_remove_user)
