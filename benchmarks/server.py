"""Start a Streamlit server for a benchmark (loopback only) and a throwaway database of each kind."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from data_access.config import PROJECT_ROOT
from data_access.engine import get_engine
from data_access.schema import upgrade_to_head

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
EMPTY_APP = 'import streamlit as st\n\nst.title("Lege pagina")\n'
# What every dashboard page has before its own content: a navigation of ten pages and the sidebar selection
# (two select boxes and a date field). Measured beside the empty page, it shows how much of the 2x budget
# the frame of the app already takes.
EMPTY_FRAME_APP = """import datetime as dt

import streamlit as st


def page():
    st.sidebar.markdown("**Wijkaanpak-dashboard**")
    st.sidebar.selectbox("Programma", ["Programma A", "Programma B"])
    st.sidebar.selectbox("Wijk", ["Alle wijken", *(f"Wijk {i}" for i in range(1, 18))])
    st.sidebar.date_input("Peildatum", dt.date(2009, 10, 1), format="DD-MM-YYYY")
    st.title("Lege pagina")


pages = [st.Page(page, title="Lege pagina", url_path="leeg", default=True)]
pages += [st.Page(page, title=f"Pagina {i}", url_path=f"pagina{i}") for i in range(2, 11)]
st.navigation(pages).run()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(database_url: str, log_path: Path, app: str | Path = "dashboard.py"):
    """Yield (base url, Popen) of `streamlit run app` on 127.0.0.1; stopped on exit."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": database_url}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                str(app),
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                "127.0.0.1",
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 120
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit stopte meteen:\n{log_path.read_text()}")
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    if time.time() > deadline:
                        raise RuntimeError("streamlit werd niet gezond binnen 120 s") from None
                    time.sleep(0.3)
            yield url, proc
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


def settle(page, timeout: int = 120_000) -> None:
    """Wait until the script run triggered by the last action has finished (as tests/browser.py does)."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


# The browser draws a page's elements after Streamlit reports the run as finished, on a busy machine up to a
# second or more later. A page counts as loaded when its document has stopped changing: the time of the last
# change, once nothing has changed for QUIET_MS.
RECORD_CHANGES = """
window.__lastChange = 0;
new MutationObserver(() => { window.__lastChange = performance.now(); })
  .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""
QUIET_MS = 1000


def drawn_at(page, timeout: int = 120_000) -> float:
    """Seconds from navigation start to the last change of the document (needs RECORD_CHANGES at load)."""
    settle(page, timeout)
    page.wait_for_function(f"() => performance.now() - window.__lastChange > {QUIET_MS}", timeout=timeout, polling=100)
    return page.evaluate("window.__lastChange") / 1000


def exception_texts(page) -> list[str]:
    return [e.inner_text() for e in page.query_selector_all("[data-testid='stException']")]


@contextlib.contextmanager
def database(kind: str, database_url: str | None = None):
    """Yield an empty database URL (schema created): a temp SQLite file or a throwaway PostgreSQL cluster."""
    import tempfile

    if database_url:
        upgrade_to_head(get_engine(database_url))
        yield database_url
        return
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            url = f"sqlite:///{tmp}/bench.sqlite"
            upgrade_to_head(get_engine(url))
            yield url
        return
    from tests.pg_server import PgServer

    server = PgServer().start()
    try:
        url = server.new_database()
        upgrade_to_head(get_engine(url))
        yield url
    finally:
        server.stop()
