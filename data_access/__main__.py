"""Command line: python -m data_access {init,seed,export,check} [DIR], import-boundaries FILE --key PROP.

Messages are in Dutch for the people who maintain the data; the exit code is non-zero on any error.
"""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from . import import_commands, user_commands
from .bootstrap import ensure_ready
from .config import SAMPLE_DATA_DIR, database_url, is_default_database
from .csv_validation import read_folder
from .engine import get_engine
from .export import export_folder
from .schema import current_revision, upgrade_to_head
from .seeding import LoadRefused, is_empty, load_dataset


def _where(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def _counts(counts: dict[str, int]) -> str:
    return "\n".join(f"  {name:<20} {n:>8}" for name, n in counts.items() if n)


def cmd_init(args) -> int:
    url = database_url()
    engine = get_engine(url)
    was_empty = is_default_database(url) and (current_revision(engine) is None or is_empty(engine))
    ensure_ready(url)
    print(f"Schema van {_where(url)} is bijgewerkt.")
    if was_empty:
        print(f"De standaarddatabase is gevuld met de voorbeelddata uit {SAMPLE_DATA_DIR}.")
    return 0


def cmd_check(args) -> int:
    data, problems = read_folder(args.dir)
    if problems:
        import_commands.print_problems(problems)
        return 1
    print(f"Map {args.dir} is in orde: {sum(len(r) for r in data.rows.values())} rijen in {len(data.files)} bestanden.")
    return 0


def cmd_seed(args) -> int:
    data, problems = read_folder(args.dir)
    if problems:
        import_commands.print_problems(problems)
        return 1
    url = database_url()
    engine = get_engine(url)
    upgrade_to_head(engine)
    try:
        result = load_dataset(engine, data)
    except LoadRefused as exc:
        import_commands.print_problems(exc.problems)
        return 1
    print(f"{result.total} rijen geladen in {_where(url)}:\n{_counts(result.counts)}")
    return 0


def cmd_export(args) -> int:
    url = database_url()
    engine = get_engine(url)
    upgrade_to_head(engine)
    counts = export_folder(engine, args.dir)
    print(f"{sum(counts.values())} rijen geschreven naar {args.dir}:\n{_counts(counts)}")
    return 0


def cmd_import_boundaries(args) -> int:
    from .boundary_cli import run_import

    url = database_url()
    engine = get_engine(url)
    upgrade_to_head(engine)
    return run_import(engine, args.file, args.key)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data_access",
        description="Beheer van de database van het wijkaanpak-dashboard (DATABASE_URL bepaalt welke).",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("init", help="schema aanmaken of bijwerken").set_defaults(func=cmd_init)
    for name, func, text in (
        ("seed", cmd_seed, "een map met CSV-bestanden in een lege database laden"),
        ("export", cmd_export, "alle tabellen als CSV-bestanden naar een map schrijven"),
        ("check", cmd_check, "een map met CSV-bestanden controleren zonder iets te schrijven"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("dir", metavar="MAP")
        p.set_defaults(func=func)
    p = sub.add_parser("import-boundaries", help="wijkgrenzen uit een GeoJSON-bestand importeren")
    p.add_argument("file", metavar="BESTAND")
    p.add_argument("--key", required=True, metavar="EIGENSCHAP", help="eigenschap met CBS-buurtcode of wijknaam")
    p.set_defaults(func=cmd_import_boundaries)
    user_commands.register(sub)
    import_commands.register(sub)
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", exc)).splitlines()[0]
        print(f"FOUT: de database is niet bereikbaar of weigert: {detail}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
