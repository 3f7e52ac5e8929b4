"""Load test on loopback: N concurrent sessions click through every page for a while.

    python -m benchmarks.load_test                                  # 20 Chromium sessions, 120 s, scale 1, SQLite
    python -m benchmarks.load_test --client websocket               # 20 Streamlit websocket clients instead
    python -m benchmarks.load_test --sessions 5 --duration 30 --think 3
    python -m benchmarks.load_test --database postgresql            # a throwaway PostgreSQL cluster
    python -m benchmarks.load_test --client websocket --instances 2 --database postgresql   # two app processes
    python -m benchmarks.load_test --database-url postgresql+psycopg://...   # an already seeded database

Starts its own Streamlit server on 127.0.0.1 (and, unless --database-url is given, seeds generated data of
--scale into a fresh database). First one session visits every page (the shared caches fill, as with the
first user after a start or a data change; --cold skips this). Then every session opens the app and goes to
each page of the navigation in turn, optionally pausing about --think seconds (a reader) between pages.
- `--client chromium`: headless Chromium tabs click the sidebar links; a page time is from the click until
  the script run has finished and the page title is shown. The browsers run on the same cores as the server.
- `--client websocket`: each session is a Streamlit websocket client (benchmarks/ws_client.py) that asks for
  the page's run as the browser does and waits until the server reports the run finished; it renders
  nothing, so the server has the machine to itself. A page time is from the request until that report.
With --instances N, N app processes share the database and session n stays on process n mod N, as behind
a load balancer with sticky sessions.
An error is an exception box on the page, a page that does not finish within --page-timeout, or a
browser/connection error.
Prints p50/p95 per page and overall; exits 1 on any error or when p95 exceeds --p95-target (2 s).
Bounded: stops after --duration seconds (plus at most one page timeout); sends traffic only to loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import psutil

from benchmarks.generate import generate
from benchmarks.pages import session_links
from benchmarks.server import CHROMIUM, CHROMIUM_ARGS, database, streamlit_server
from benchmarks.ws_client import StreamlitClient
from data_access.csv_validation import read_folder
from data_access.engine import get_engine
from data_access.seeding import load_dataset

NOT_RUNNING = "[data-testid='stApp'][data-test-script-state='notRunning']"
NAV_LINK = "[data-testid='stSidebarNavLink']"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered) + 0.5 - 1e-9))
    return ordered[min(rank, len(ordered)) - 1]


async def _settle(page, timeout_ms: int) -> None:
    await page.wait_for_selector(NOT_RUNNING, timeout=timeout_ms)
    await page.wait_for_timeout(150)
    await page.wait_for_selector(NOT_RUNNING, timeout=timeout_ms)
    await page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=timeout_ms)


async def _click_and_settle(page, link, title: str, timeout_ms: int) -> None:
    await link.click(timeout=timeout_ms)
    # The run starts a moment after the click (later on a busy server) and sets the document title first;
    # until then the old page still reads as finished.
    await page.wait_for_function("t => document.title.startsWith(t)", arg=f"{title} ·", timeout=timeout_ms)
    await _settle(page, timeout_ms)


async def _app_state(page) -> str:
    """The app's connection and script state as the page shows them, to tell a lost connection from a slow run."""
    try:
        app = page.locator("[data-testid='stApp']")
        connection = await app.get_attribute("data-test-connection-state", timeout=2000)
        script = await app.get_attribute("data-test-script-state", timeout=2000)
        return f"verbinding {connection}, script {script}"
    except Exception as exc:  # the page itself is gone
        return f"toestand onbekend: {type(exc).__name__}"


async def _session(
    n: int, browser, base: str, link: str, deadline: float, timeout_ms: int, times, errors, shots, think: float = 0.0
) -> None:
    rng = random.Random(n)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.on("pageerror", lambda exc: errors.append(f"sessie {n}: browserfout {exc}"))
    try:
        started = time.perf_counter()
        try:
            await page.goto(base + "/" + (f"?{link}" if link else ""), timeout=timeout_ms)
            await _settle(page, timeout_ms)
        except Exception as exc:  # the session never got going: an error, and nothing more to click
            errors.append(f"sessie {n}, eerste bezoek: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
            return
        times["(eerste bezoek)"].append(time.perf_counter() - started)
        titles = [t.strip().splitlines()[-1] for t in await page.locator(NAV_LINK).all_inner_texts()]
        i = n  # sessions start on different pages
        while time.perf_counter() < deadline:
            if think:
                await page.wait_for_timeout(rng.uniform(0.5, 1.5) * think * 1000)
                if time.perf_counter() >= deadline:
                    break
            i = (i + 1) % len(titles)
            title = titles[i]
            started = time.perf_counter()
            try:
                await _click_and_settle(page, page.locator(NAV_LINK).nth(i), title, timeout_ms)
            except Exception as exc:  # a timeout or a closed page: count it, go on
                state = await _app_state(page)
                errors.append(f"sessie {n}, {title}: {type(exc).__name__}: {str(exc).splitlines()[0][:120]} ({state})")
                if shots:
                    await page.screenshot(path=str(Path(shots) / f"sessie{n}-{i}.png"))
                continue
            elapsed = time.perf_counter() - started
            boxes = await page.locator("[data-testid='stException']").all_inner_texts()
            if boxes:
                errors.append(f"sessie {n}, {title}: foutmelding op de pagina: {boxes[0][:160]}")
            times[title].append(elapsed)
    finally:
        await context.close()


async def _ws_session(
    n: int, base: str, link: str, deadline: float, timeout: float, think: float, times, errors
) -> None:
    client = StreamlitClient(base)
    client.query_string = link
    rng = random.Random(n)
    try:
        started = time.perf_counter()
        try:
            await client.connect(timeout)
            first = await client.run(None, timeout)
        except Exception as exc:  # the session never got going: an error, and nothing more to ask for
            errors.append(f"sessie {n}, eerste bezoek: {type(exc).__name__}: {str(exc)[:120]}")
            return
        times["(eerste bezoek)"].append(time.perf_counter() - started)
        if first.exceptions:
            errors.append(f"sessie {n}, eerste bezoek: foutmelding op de pagina: {first.exceptions[0][:160]}")
        pages = list(client.pages)
        if not pages:
            errors.append(f"sessie {n}, eerste bezoek: geen pagina's in de navigatie ({first.title!r})")
            return
        i = n  # sessions start on different pages
        while time.perf_counter() < deadline:
            if think:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
                if time.perf_counter() >= deadline:
                    break
            i = (i + 1) % len(pages)
            page = pages[i]
            try:
                result = await client.run(page, timeout)
            except Exception as exc:  # a timeout or a lost connection: count it, go on with a new connection
                errors.append(f"sessie {n}, {page.title}: {type(exc).__name__}: {str(exc)[:120]}")
                await client.close()
                client = StreamlitClient(base)
                try:
                    await client.connect(timeout)
                    await client.run(None, timeout)
                except Exception as again:
                    errors.append(f"sessie {n}: opnieuw verbinden mislukt, sessie gestopt: {type(again).__name__}")
                    return
                continue
            if result.exceptions:
                errors.append(f"sessie {n}, {page.title}: foutmelding op de pagina: {result.exceptions[0][:160]}")
            elif not result.title.startswith(f"{page.title} ·"):
                errors.append(f"sessie {n}, {page.title}: andere pagina getoond ({result.title!r})")
            times[page.title].append(result.seconds)
    finally:
        await client.close()


async def warm_up(base: str, timeout: float) -> float:
    """One session visits every page once, as the first user of the day does, so the shared caches are filled
    before the measured sessions start; returns the seconds it took. A page with an error fails the run."""
    client = StreamlitClient(base)
    started = time.perf_counter()
    try:
        await client.connect(timeout)
        results = [await client.run(None, timeout)]
        for page in client.pages:
            results.append(await client.run(page, timeout))
    finally:
        await client.close()
    problems = [e for r in results for e in r.exceptions]
    if problems:
        raise RuntimeError(f"foutmelding bij het opwarmen: {problems[0]}")
    return time.perf_counter() - started


async def _run(
    bases: list[str],
    links: list[str],
    duration: float,
    timeout_ms: int,
    shots: str | None = None,
    client: str = "chromium",
    think: float = 0.0,
    warm: bool = True,
    memory: Callable[[], int] | None = None,
):
    """Times per page, errors, and with `memory` (the servers' resident bytes) two samples of it: after the
    warm-up and shortly before the end, while all sessions are still connected."""
    times: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    if warm:  # every instance has caches of its own
        for base in bases:
            try:
                times["(opwarmen: alle pagina's, 1 sessie)"].append(await warm_up(base, timeout_ms / 1000))
            except Exception as exc:  # reported with the rest; the sessions still run
                errors.append(f"opwarmen {base}: {type(exc).__name__}: {str(exc)[:160]}")
    rss: list[int] = []

    async def sample_memory(deadline: float) -> None:
        if memory is None:
            return
        rss.append(memory())
        await asyncio.sleep(max(0.0, deadline - time.perf_counter() - 2))
        rss.append(memory())

    if client == "websocket":
        deadline = time.perf_counter() + duration
        await asyncio.gather(
            sample_memory(deadline),
            *(
                _ws_session(n, bases[n % len(bases)], links[n], deadline, timeout_ms / 1000, think, times, errors)
                for n in range(len(links))
            ),
        )
        return times, errors, rss
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        deadline = time.perf_counter() + duration
        await asyncio.gather(
            sample_memory(deadline),
            *(
                _session(n, browser, bases[n % len(bases)], links[n], deadline, timeout_ms, times, errors, shots, think)
                for n in range(len(links))
            ),
        )
        await browser.close()
    return times, errors, rss


def summary(times: dict[str, list[float]], errors: list[str], p95_target: float) -> tuple[str, bool]:
    lines = ["| pagina | aantal | p50 | p95 | max |", "| --- | ---: | ---: | ---: | ---: |"]
    for title, values in times.items():
        lines.append(
            f"| {title} | {len(values)} | {statistics.median(values):.2f} s | {percentile(values, 95):.2f} s "
            f"| {max(values):.2f} s |"
        )
    clicks = [v for title, values in times.items() if not title.startswith("(") for v in values]
    ok = bool(clicks) and not errors
    if clicks:
        p95 = percentile(clicks, 95)
        ok = ok and p95 <= p95_target
        lines.append(
            f"| **alle paginawissels** | {len(clicks)} | {statistics.median(clicks):.2f} s | {p95:.2f} s "
            f"| {max(clicks):.2f} s |"
        )
    lines.append("")
    lines.append(f"Fouten: {len(errors)}")
    lines += [f"- {e}" for e in errors[:20]]
    lines.append(f"Resultaat: {'GOED' if ok else 'NIET GOED'} (doel: 0 fouten, p95 <= {p95_target:g} s)")
    return "\n".join(lines), ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load_test", description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--client", choices=["chromium", "websocket"], default="chromium")
    parser.add_argument("--think", type=float, default=0.0, help="mean pause between pages in seconds (0: none)")
    parser.add_argument(
        "--cold", action="store_true", help="no warm-up: all sessions start on empty caches (as after a data change)"
    )
    parser.add_argument("--duration", type=float, default=120.0, help="seconds of clicking")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the generated data (without --database-url)")
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--database-url", help="an already seeded database to use instead")
    parser.add_argument("--page-timeout", type=float, default=30.0, help="seconds before a page counts as an error")
    parser.add_argument("--p95-target", type=float, default=2.0)
    parser.add_argument("--out", help="also write the Markdown summary here")
    parser.add_argument("--server-log", help="keep the full Streamlit server log here")
    parser.add_argument("--shots", help="folder for a screenshot of the page at each error")
    parser.add_argument(
        "--instances",
        type=int,
        default=1,
        help="app processes on the same database; session n uses instance n mod N (a sticky load balancer)",
    )
    parser.add_argument("--app", default="dashboard.py", help="another app to compare with (e.g. a plain one)")
    args = parser.parse_args(argv)
    if not (1 <= args.sessions <= 50 and 0 < args.duration <= 1800 and 1 <= args.instances <= 4):
        parser.error("--sessions 1..50, --duration up to 1800 s and --instances 1..4")
    setup = (
        f"{args.sessions} sessies ({args.client}), {args.instances} app-proces(sen), {args.duration:g} s, "
        f"{args.database}, schaal {args.scale:g}, "
        f"bedenktijd {args.think:g} s" + (", koude start" if args.cold else ", na opwarmen")
    )
    with tempfile.TemporaryDirectory(prefix="load-") as tmp_dir:
        tmp = Path(tmp_dir)
        with database(args.database, args.database_url) as url:
            if not args.database_url:
                generate(args.scale, tmp / "data")
                data, problems = read_folder(tmp / "data")
                assert not problems, problems[:3]
                load_dataset(get_engine(url), data)
            with contextlib.ExitStack() as servers:
                started = [
                    servers.enter_context(streamlit_server(url, tmp / f"streamlit-{i}.log", app=args.app))
                    for i in range(args.instances)
                ]
                bases = [base for base, _ in started]
                processes = [psutil.Process(proc.pid) for _, proc in started]

                def memory() -> int:  # the app processes with their children
                    return sum(q.memory_info().rss for p in processes for q in [p, *p.children(recursive=True)])

                print(
                    f"{setup} ...",
                    file=sys.stderr,
                    flush=True,
                )
                engine = get_engine(url)
                links = session_links(engine, args.sessions, args.instances)
                engine.dispose()
                times, errors, rss = asyncio.run(
                    _run(
                        bases,
                        links,
                        args.duration,
                        int(args.page_timeout * 1000),
                        args.shots,
                        args.client,
                        args.think,
                        not args.cold,
                        memory,
                    )
                )
            logs = [tmp / f"streamlit-{i}.log" for i in range(args.instances)]
            server_log = [
                line for log in logs for line in log.read_text(encoding="utf-8", errors="replace").splitlines()
            ]
            if args.server_log:
                Path(args.server_log).write_text("\n".join(server_log) + "\n", encoding="utf-8")
    text, ok = summary(times, errors, args.p95_target)
    if len(rss) == 2:
        text += (
            f"\nServergeheugen: {rss[0] / 2**20:.0f} MB na opwarmen, {rss[1] / 2**20:.0f} MB met {args.sessions} "
            f"sessies ({(rss[1] - rss[0]) / 2**20:+.0f} MB, doel: minder dan 500 MB erbij)"
        )
    if errors:  # the server's own words help to tell an app error from an overloaded machine
        tail = [line for line in server_log if "Traceback" in line or "Error" in line or "WARNING" in line]
        text += "\n\nServerlog (fouten en waarschuwingen, laatste 20):\n" + "\n".join(tail[-20:] or ["(geen)"])
    header = f"Belastingtest: {setup}\n\n"
    print(header + text)
    if args.out:
        Path(args.out).write_text(header + text + "\n", encoding="utf-8")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
