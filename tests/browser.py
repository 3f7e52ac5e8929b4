"""Run the dashboard in a real Streamlit server and drive it with headless Debian Chromium."""

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

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def streamlit_server(
    database_url: str, log_path: Path, *, address: str = "127.0.0.1", extra_args: tuple[str, ...] = (), env=None
):
    """Yield the base URL (always via 127.0.0.1) of `streamlit run dashboard.py` listening on `address`."""
    port = free_port()
    env = {**os.environ, **(env or {}), "DATABASE_URL": database_url}
    with log_path.open("w") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "dashboard.py",
                "--server.headless",
                "true",
                "--server.port",
                str(port),
                "--server.address",
                address,
                "--server.fileWatcherType",
                "none",
                "--browser.gatherUsageStats",
                "false",
                *extra_args,
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.time() + 60
            while True:
                if proc.poll() is not None:
                    raise RuntimeError(f"streamlit stopte meteen:\n{log_path.read_text()}")
                try:
                    if urllib.request.urlopen(url + "/_stcore/health", timeout=2).read() == b"ok":
                        break
                except OSError:
                    if time.time() > deadline:
                        raise RuntimeError("streamlit werd niet gezond binnen 60 s") from None
                    time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


# Resolves once the document has not changed for `quiet` ms (or after `limit` ms): the browser draws a page's
# elements after Streamlit reports the run as finished, on a busy machine a second or more later.
_DRAWN = """([quiet, limit]) => new Promise(resolve => {
  const start = performance.now();
  let last = start;
  const observer = new MutationObserver(() => { last = performance.now(); });
  observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
  const check = () => {
    const now = performance.now();
    if (now - last >= quiet || now - start >= limit) { observer.disconnect(); resolve(now - last >= quiet); }
    else setTimeout(check, 50);
  };
  setTimeout(check, 50);
})"""


def settle(page, timeout: int = 60000) -> None:
    """Wait until the script run triggered by the last action has finished and the page is drawn."""
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.wait_for_timeout(300)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)
    page.evaluate(_DRAWN, [400, 15000])
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def exception_texts(page) -> list[str]:
    return [e.inner_text() for e in page.query_selector_all("[data-testid='stException']")]


def nav_titles(page) -> list[str]:
    """The page titles in the sidebar navigation, in order (each link's text ends with its title)."""
    return [t.strip().splitlines()[-1] for t in page.locator("[data-testid='stSidebarNavLink']").all_inner_texts()]


def choose_option(page, box, text: str) -> None:
    """Pick the first option containing `text` in a selectbox by typing it and pressing Enter.

    Enter soon after the filtered list appears is sometimes taken as "close the list" without a choice, and
    the list can re-render while it opens; so the choice is checked in the box and the whole step is tried
    again when it did not take. Then the run that the choice started is waited for."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    field = box.locator("input")
    option = page.get_by_role("option").filter(has_text=text).first
    for _ in range(4):
        try:
            if option.is_visible():
                page.keyboard.press("Escape")  # close a list left open by a failed attempt
            box.click()
            page.keyboard.press("ControlOrMeta+a")
            page.keyboard.type(text)
            expect(option).to_be_visible(timeout=10000)
            label = (option.text_content(timeout=2000) or "").strip()
            page.wait_for_timeout(300)
            page.keyboard.press("Enter")
            expect(field).to_have_value(label, timeout=3000)
            break
        except (AssertionError, PlaywrightTimeout):
            continue
    else:
        raise AssertionError(f"option {text!r} could not be chosen")
    settle(page)
