"""Command line for imports and backups, the same functions as the Beheer page.

    python -m data_access backup BESTAND.zip            # every table as CSV, zipped
    python -m data_access import BESTAND...             # check only: what would be added or changed
    python -m data_access import BESTAND... --bevestig  # check, then write everything or nothing

`import` takes .csv, .xlsx and .zip files like the page; into an empty database a backup zip is restored
exactly. The command line acts as `command_line_actor()`; every change is audited.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .access import command_line_actor
from .config import database_url
from .engine import get_engine
from .imports import ImportRefused, apply_import, export_zip, preview_import
from .schema import upgrade_to_head

MAX_SHOWN = 200


def _engine():
    engine = get_engine(database_url())
    upgrade_to_head(engine)
    return engine


def print_problems(problems) -> None:
    """The first MAX_SHOWN problems on stderr, and that nothing was written (shared by every command)."""
    for problem in problems[:MAX_SHOWN]:
        print(f"FOUT: {problem}", file=sys.stderr)
    if len(problems) > MAX_SHOWN:
        print(f"... en nog {len(problems) - MAX_SHOWN} fouten.", file=sys.stderr)
    print(f"{len(problems)} fout(en) gevonden; er is niets geschreven.", file=sys.stderr)


def _problems(problems) -> int:
    print_problems(problems)
    return 1


def cmd_backup(args) -> int:
    data = export_zip(_engine())
    Path(args.file).write_bytes(data)
    print(f"Back-up geschreven naar {args.file} ({len(data) / 2**20:.2f} MB).")
    return 0


def cmd_import(args) -> int:
    files = {}
    for name in args.files:
        path = Path(name)
        if not path.is_file():
            print(f"FOUT: bestand {name} bestaat niet.", file=sys.stderr)
            return 1
        files[path.name] = path.read_bytes()
    engine = _engine()
    preview = preview_import(engine, files)
    if preview.problems:
        return _problems(preview.problems)
    for s in preview.summary:
        columns = ", ".join(f"{c} ({n}x)" for c, n in s.changed_columns.items())
        print(f"  {s.table:<20} {s.added:>7} nieuw {s.changed:>7} gewijzigd {s.unchanged:>7} ongewijzigd  {columns}")
    if preview.restore:
        print("De database is leeg: dit vult hem (herstel van een back-up of eerste import).")
    if not args.bevestig:
        print("Alleen gecontroleerd; er is niets geschreven. Voeg --bevestig toe om te importeren.")
        return 0
    try:
        result = apply_import(engine, command_line_actor(), preview)
    except ImportRefused as exc:
        return _problems(exc.problems)
    print(f"Geïmporteerd: {result.added} rijen toegevoegd, {result.changed} gewijzigd.")
    return 0


def register(sub) -> None:
    p = sub.add_parser("backup", help="alle tabellen als CSV in een zipbestand schrijven (back-up)")
    p.add_argument("file", metavar="BESTAND")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("import", help="CSV-, Excel- of zipbestanden controleren en (met --bevestig) importeren")
    p.add_argument("files", metavar="BESTAND", nargs="+")
    p.add_argument("--bevestig", action="store_true", help="na een foutloze controle alles in één keer opslaan")
    p.set_defaults(func=cmd_import)
