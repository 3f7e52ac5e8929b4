"""`python -m data_access import-boundaries FILE --key PROP`: Dutch report of what was matched and what not."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Engine

from .access import command_line_actor
from .boundaries import BoundaryMatch, decode_geojson, import_boundaries, size_problem


def report(result: BoundaryMatch, out=sys.stdout) -> None:
    """Print matched wijken, every unmatched feature, and the wijken without a shape."""
    names = result.wijk_names
    print(f"{result.features} kenmerken gelezen, gekoppeld op eigenschap '{result.key}'.", file=out)
    if result.matched:
        print(f"Gekoppelde wijken ({len(result.matched)}):", file=out)
        for code in sorted(result.matched, key=lambda c: names.get(c, c)):
            n = result.matched[code]
            print(f"  {names.get(code, code)} ({code}): {n} kenmerk(en), op {result.matched_by[code]}", file=out)
    if result.unmatched:
        print(f"Niet gekoppelde kenmerken ({len(result.unmatched)}):", file=out)
        for u in result.unmatched:
            value = f"'{u.value}'" if u.value is not None else "(geen waarde)"
            print(f"  kenmerk {u.number} {value}: {u.reason}", file=out)
    for note in result.notes:
        print(f"LET OP: {note}", file=out)
    if result.matched and result.without_boundary:
        shown = ", ".join(names.get(c, c) for c in result.without_boundary)
        print(f"Wijken zonder vorm uit dit bestand ({len(result.without_boundary)}): {shown}", file=out)


def run_import(engine: Engine, path: str, key: str) -> int:
    file = Path(path)
    if not file.is_file():
        print(f"FOUT: bestand {path} bestaat niet.", file=sys.stderr)
        return 1
    too_big = size_problem(file.stat().st_size)  # before reading it all
    text, problems = (None, [too_big]) if too_big else decode_geojson(file.read_bytes())
    if problems:
        for problem in problems:
            print(f"FOUT: {problem}", file=sys.stderr)
        return 1
    result = import_boundaries(engine, command_line_actor(), text, key, file.name)
    report(result)
    if not result.ok:
        for problem in result.problems:
            print(f"FOUT: {problem}", file=sys.stderr)
        print("Er is niets geïmporteerd.", file=sys.stderr)
        return 1
    print(f"{len(result.geometries)} wijkgrenzen opgeslagen.")
    return 0
