"""Time data loading, the main reads and every page's script run at several scales, on SQLite and PostgreSQL.

    python -m benchmarks.run                                   # scales 1 and 10, both databases
    python -m benchmarks.run --scales 1 10 100 --databases sqlite postgresql --out /tmp/bench.md
    python -m benchmarks.run --scales 1 --browser              # plus browser page loads and memory per session

Per scale and database it reports: generating, checking and seeding the CSV folder; each cached read of
ui/data.py (data_access/queries.py and registered reads); each page of dashboard.py's PAGES as an AppTest
script run, first visit (cold cache) and repeated (warm cache, what a user sees after the first visit).
With --browser (scale 1): each page's load in headless Chromium against an empty Streamlit page (and, for
scale, an empty page with the app's navigation and sidebar), and the server's memory with 1 and N sessions.
Writes a Markdown report (stdout and --out).

Not part of the test suite: timings depend on the machine. Targets (README, "Prestaties en schaal"):
page script run < 1.5 s at scale 100; browser page load < 2x an empty page; 20 sessions < 500 MB.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.generate import generate
from benchmarks.pages import dashboard_pages, measured_variants
from benchmarks.server import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EMPTY_APP,
    EMPTY_FRAME_APP,
    RECORD_CHANGES,
    database,
    drawn_at,
    exception_texts,
    settle,
    streamlit_server,
)
from data_access.config import PROJECT_ROOT
from data_access.csv_validation import read_folder
from data_access.engine import get_engine
from data_access.seeding import load_dataset

PAGE_TARGET_S = 1.5


def _timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def _fmt_s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds >= 0.1 else f"{seconds * 1000:.0f} ms"


def _reads():
    """Every cached read the pages use: ui.data.READS after importing the ui modules that register more."""
    import importlib
    import pkgutil

    import ui

    for module in pkgutil.iter_modules(ui.__path__):
        importlib.import_module(f"ui.{module.name}")
    from ui.data import READS

    return dict(READS)


def bench_scale(scale: float, kind: str, folder: Path, rows: list[tuple], repeat: int, database_url: str | None):
    """Append result rows (scale, database, part, what, seconds, note) for one scale on one database."""
    elapsed, (data, problems) = _timed(read_folder, folder)
    if problems:
        raise SystemExit(f"generated data has problems: {problems[:3]}")
    rows.append(
        (scale, kind, "laden", "CSV controleren (check)", elapsed, f"{sum(map(len, data.rows.values()))} rijen")
    )
    with database(kind, database_url) as url:
        engine = get_engine(url)
        elapsed, _ = _timed(load_dataset, engine, data)
        rows.append((scale, kind, "laden", "seed (laden in lege database)", elapsed, ""))
        del data
        gc.collect()
        for name, read in _reads().items():
            times = []
            for _ in range(repeat):
                t, frame = _timed(read, engine)
                times.append(t)
            rows.append((scale, kind, "lezen", name, statistics.median(times), f"{len(frame)} rijen"))
        _bench_pages(url, scale, kind, rows, repeat)
        engine.dispose()


def _bench_pages(url: str, scale: float, kind: str, rows: list[tuple], repeat: int) -> None:
    from streamlit.testing.v1 import AppTest

    os.environ["DATABASE_URL"] = url
    engine = get_engine(url)
    at = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=600)
    elapsed, _ = _timed(at.run)
    rows.append((scale, kind, "pagina", "eerste bezoek app (standaardpagina)", elapsed, ""))
    for page in dashboard_pages():
        for variant in measured_variants(engine, page):
            session = at
            if variant.params:  # a session of its own that opened the app on this selection, as a link does
                session = AppTest.from_file(str(PROJECT_ROOT / "dashboard.py"), default_timeout=600)
                session.query_params.update(variant.params)
                session.run()
            cold, _ = _timed(session.switch_page(page.path).run)
            errors = [e.value for e in session.exception]
            warm = statistics.median(_timed(session.switch_page(page.path).run)[0] for _ in range(repeat))
            note = "FOUT: " + errors[0][:80] if errors else ("" if warm < PAGE_TARGET_S else "boven doel 1,5 s")
            name = page.title + variant.label
            rows.append((scale, kind, "pagina", f"{name} (eerste keer)", cold, ""))
            rows.append((scale, kind, "pagina", f"{name} (herhaald)", warm, note))
    engine.dispose()


def bench_browser(url: str, rows: list[tuple], sessions: int, tmp: Path) -> None:
    """Page loads in Chromium vs an empty Streamlit page, and server memory with 1 and N sessions."""
    import psutil
    from playwright.sync_api import sync_playwright

    empty_app = tmp / "lege_pagina.py"
    empty_app.write_text(EMPTY_APP, encoding="utf-8")
    frame_app = tmp / "lege_pagina_met_zijbalk.py"
    frame_app.write_text(EMPTY_FRAME_APP, encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

        # A new browser context per load has an empty HTTP cache: the page's JavaScript is fetched and compiled
        # again (the first visit of a day). Pages opened in one context reuse it (every later visit).
        cached = browser.new_context(viewport={"width": 1400, "height": 1000})

        def load(base: str, path: str, title: str | None = None, warm: bool = False) -> float:
            page = cached.new_page() if warm else browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(RECORD_CHANGES)
            page.goto(base + path)
            if title:  # every dashboard page sets its document title first: the run of this page has begun
                page.wait_for_function("t => document.title.startsWith(t)", arg=f"{title} ·", timeout=120_000)
            page.locator("[data-testid='stMain'] h1").first.wait_for()
            elapsed = drawn_at(page)  # until the page is drawn, not only until its run has finished
            assert exception_texts(page) == [], path
            page.close()
            return elapsed

        def median_loads(base: str, path: str, title: str | None) -> tuple[float, float]:
            load(base, path, title)  # first visit fills the shared cache
            load(base, path, title, warm=True)  # and the browser's
            cold = statistics.median(load(base, path, title) for _ in range(5))
            return cold, statistics.median(load(base, path, title, warm=True) for _ in range(5))

        with streamlit_server(url, tmp / "empty.log", app=empty_app) as (base, _):
            empty, empty_warm = median_loads(base, "/", None)
        rows.append((1, "browser", "browser", "lege Streamlit-pagina", empty, "referentie"))
        rows.append((1, "browser", "browser met cache", "lege Streamlit-pagina", empty_warm, "referentie"))
        with streamlit_server(url, tmp / "frame.log", app=frame_app) as (base, _):
            frame, frame_warm = median_loads(base, "/", None)
        for part, t, reference in (("browser", frame, empty), ("browser met cache", frame_warm, empty_warm)):
            rows.append((1, "browser", part, "lege pagina met navigatie en zijbalk", t, f"{t / reference:.1f}x leeg"))
        with streamlit_server(url, tmp / "app.log") as (base, proc):
            pages = dashboard_pages()
            engine = get_engine(url)
            for page in pages:
                path = "/" if page is pages[0] else "/" + Path(page.path).stem  # the first page is the default
                for variant in measured_variants(engine, page):
                    query = ("?" + urlencode(variant.params)) if variant.params else ""
                    cold, warm = median_loads(base, path + query, page.title)
                    for part, t, reference in (("browser", cold, empty), ("browser met cache", warm, empty_warm)):
                        ratio = t / reference
                        note = f"{ratio:.1f}x leeg" + ("" if ratio <= 2 else " (boven doel 2x)")
                        rows.append((1, "browser", part, page.title + variant.label, t, note))
            engine.dispose()
            server = psutil.Process(proc.pid)

            def rss() -> int:
                return sum(p.memory_info().rss for p in [server, *server.children(recursive=True)])

            one = browser.new_page()
            one.goto(base + "/")
            settle(one)
            gc_base = rss()
            opened = []
            for _ in range(sessions):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                page.goto(base + "/")
                settle(page)
                opened.append(page)
            for page in opened:  # every session visits every page once
                for ref in dashboard_pages():
                    page.locator("[data-testid='stSidebarNavLink']").filter(has_text=ref.title).first.click()
                    # Wait for this click's run (it sets the title first), not the previous page's end.
                    page.wait_for_function("t => document.title.startsWith(t)", arg=f"{ref.title} ·", timeout=120_000)
                    settle(page)
            time.sleep(2)
            extra = rss() - gc_base
            rows.append(
                (1, "browser", "geheugen", f"{sessions} extra sessies", 0.0, f"+{extra / 2**20:.0f} MB servergeheugen")
            )
            rows.append((1, "browser", "geheugen", "per sessie", 0.0, f"{extra / sessions / 2**20:.1f} MB"))
        cached.close()
        browser.close()


def report(rows: list[tuple]) -> str:
    lines = [
        "| schaal | database | onderdeel | wat | tijd | opmerking |",
        "| ---: | --- | --- | --- | ---: | --- |",
    ]
    for scale, kind, part, what, seconds, note in rows:
        shown = "" if part == "geheugen" else _fmt_s(seconds)
        lines.append(f"| {scale:g} | {kind} | {part} | {what} | {shown} | {note} |")
    return "\n".join(lines)


def parse_report(text: str) -> list[tuple]:
    """Rows back from a Markdown report written by `report`."""
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not cells[0].replace(".", "").isdigit():
            continue
        shown = cells[4]
        seconds = float(shown.split()[0]) * (0.001 if shown.endswith("ms") else 1) if shown else 0.0
        rows.append((float(cells[0]), cells[1], cells[2], cells[3], seconds, cells[5]))
    return rows


def compact(rows: list[tuple]) -> str:
    """Pages and the big reads per scale and database in one table (the README's summary)."""
    columns = list(dict.fromkeys((r[0], r[1]) for r in rows if r[1] in ("sqlite", "postgresql")))
    wanted = [
        ("laden", "seed (laden in lege database)", "seed (laden)"),
        ("lezen", "status_updates", "lezen: status_updates"),
        ("lezen", "measurements", "lezen: measurements"),
        ("pagina", "eerste bezoek app (standaardpagina)", "eerste bezoek (lege cache)"),
    ]
    pages = [r[3].removesuffix(" (herhaald)") for r in rows if r[2] == "pagina" and r[3].endswith("(herhaald)")]
    wanted += [("pagina", f"{p} (herhaald)", f"pagina {p}") for p in dict.fromkeys(pages)]
    value = {(r[0], r[1], r[2], r[3]): r[4] for r in rows}
    head = "| wat | " + " | ".join(f"schaal {s:g} {k}" for s, k in columns) + " |"
    lines = [head, "| --- |" + " ---: |" * len(columns)]
    for part, what, label in wanted:
        cells = [value.get((s, k, part, what)) for s, k in columns]
        if any(c is not None for c in cells):
            lines.append(f"| {label} | " + " | ".join("" if c is None else _fmt_s(c) for c in cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[1, 10])
    parser.add_argument("--databases", nargs="+", choices=["sqlite", "postgresql"], default=["sqlite", "postgresql"])
    parser.add_argument("--database-url", help="use this (empty) database instead of a throwaway one")
    parser.add_argument("--repeat", type=int, default=3, help="timed repetitions per read and page (median)")
    parser.add_argument("--browser", action="store_true", help="browser page loads and memory (scale 1, SQLite)")
    parser.add_argument("--sessions", type=int, default=20, help="sessions for the memory measurement")
    parser.add_argument("--out", help="also write the Markdown report here")
    parser.add_argument("--compact", metavar="REPORT", help="only print the summary table of an earlier report")
    args = parser.parse_args(argv)
    if args.compact:
        print(compact(parse_report(Path(args.compact).read_text(encoding="utf-8"))))
        return 0
    rows: list[tuple] = []
    with tempfile.TemporaryDirectory(prefix="bench-data-") as tmp_dir:
        tmp = Path(tmp_dir)
        for scale in args.scales:
            folder = tmp / f"scale-{scale:g}"
            elapsed, counts = _timed(generate, scale, folder)
            rows.append((scale, "-", "laden", "genereren", elapsed, f"{counts['project']} projecten"))
            for kind in args.databases:
                print(f"schaal {scale:g} op {kind} ...", file=sys.stderr, flush=True)
                bench_scale(scale, kind, folder, rows, args.repeat, args.database_url)
        if args.browser:
            print("browser ...", file=sys.stderr, flush=True)
            generate(1, tmp / "browser-data")
            with database("sqlite") as url:
                load_dataset(get_engine(url), read_folder(tmp / "browser-data")[0])
                bench_browser(url, rows, args.sessions, tmp)
    text = report(rows) + "\n\n" + compact(rows)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
