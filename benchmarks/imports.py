"""Time the Beheer import: a backup's preview and restore into an empty database, and a re-import.

    python -m benchmarks.imports                     # the sample data
    python -m benchmarks.imports --data DIR          # a folder in the sample_data format
    python -m benchmarks.generate --scale 10 --out /tmp/scale10 && python -m benchmarks.imports --data /tmp/scale10
    DATABASE_URL=postgresql+psycopg://... python -m benchmarks.imports   # an EMPTY database of your own

Steps: seed the folder into a source database, `export_zip` it, `preview_import` and `apply_import` the zip
into an empty database (the restore), then preview the same zip again against the filled database (every
row unchanged: the comparison by natural key of a full re-import).
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from data_access.access import command_line_actor
from data_access.config import SAMPLE_DATA_DIR
from data_access.engine import get_engine
from data_access.imports import apply_import, export_zip, preview_import
from data_access.schema import upgrade_to_head
from data_access.seeding import seed_folder


def _timed(label: str, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    print(f"  {label:<38} {time.perf_counter() - start:8.2f} s")
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.imports")
    parser.add_argument("--data", type=Path, default=SAMPLE_DATA_DIR)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        source = get_engine(f"sqlite:///{Path(tmp) / 'source.sqlite'}")
        upgrade_to_head(source)
        seed_folder(source, args.data)
        target = get_engine(os.environ.get("DATABASE_URL") or f"sqlite:///{Path(tmp) / 'target.sqlite'}")
        upgrade_to_head(target)
        print(f"Import van {args.data} naar {target.url.render_as_string(hide_password=True)}:")
        backup = _timed("export_zip", export_zip, source)
        print(f"  {'grootte back-up':<38} {len(backup) / 2**20:8.2f} MB")
        preview = _timed("preview_import (lege database)", preview_import, target, {"backup.zip": backup})
        if preview.problems:
            print(f"  {len(preview.problems)} problemen, bijvoorbeeld: {preview.problems[0]}")
            return 1
        result = _timed("apply_import (herstel)", apply_import, target, command_line_actor(), preview)
        print(f"  {'rijen hersteld':<38} {result.added:8d}")
        again = _timed("preview_import (alles ongewijzigd)", preview_import, target, {"backup.zip": backup})
        print(f"  {'rijen ongewijzigd':<38} {again.unchanged:8d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
