"""Lokale modus over a real network connection: the server listens on all interfaces, a browser on this
machine's own non-loopback address is refused on every page, one on 127.0.0.1 sees the data.

A connection from this machine to its own non-loopback address (e.g. 192.0.2.2) reaches the server with
that address as its source, exactly as another computer on the network would appear. A reverse proxy on
this machine that passes its browser's address in X-Forwarded-For is tested at the WebSocket level (a
browser cannot set that header on its own WebSocket). The decision itself, for every kind of address, is
also tested without a network in test_auth.py.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time

import pytest

from data_access.config import SAMPLE_DATA_DIR
from tests.a11y import axe_violations
from tests.browser import exception_texts, settle, streamlit_server

pytestmark = pytest.mark.browser

REFUSAL = "Lokale modus: alleen op deze computer"


def non_loopback_address() -> str | None:
    """An IPv4 address of this machine that is not loopback (UDP connect sends nothing)."""
    candidates = []
    for probe in ("192.0.2.1", "10.255.255.255", "203.0.113.1"):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                s.connect((probe, 9))
                candidates.append(s.getsockname()[0])
            except OSError:
                continue
    with contextlib.suppress(OSError):
        candidates += [info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)]
    return next((a for a in candidates if not a.startswith("127.") and a != "0.0.0.0"), None)


# A documentation-range address put on the loopback interface when the machine has no other address.
SPARE_ADDRESS = "198.51.100.77"


def remote_address() -> str:
    """A non-loopback address of this machine; adds one to `lo` when there is none (needs root and `ip`).

    Fails rather than skips: without such an address the lokale-modus refusal is not tested for real.
    """
    address = non_loopback_address()
    if address is not None:
        return address
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        subprocess.run(["ip", "addr", "add", f"{SPARE_ADDRESS}/32", "dev", "lo"], check=True, capture_output=True)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((SPARE_ADDRESS, 0))
            return SPARE_ADDRESS
        except OSError:
            pytest.fail(
                "deze machine heeft geen netwerkadres buiten loopback en er kon er geen worden toegevoegd "
                f"(ip addr add {SPARE_ADDRESS}/32 dev lo, als root); test_auth.py toetst de adresregel zonder netwerk"
            )


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from data_access.engine import get_engine
    from data_access.schema import upgrade_to_head
    from data_access.seeding import seed_folder

    tmp = tmp_path_factory.mktemp("lokaal")
    url = f"sqlite:///{tmp / 'lokaal.sqlite'}"
    engine = get_engine(url)
    upgrade_to_head(engine)
    seed_folder(engine, SAMPLE_DATA_DIR)
    # No secrets file at all: lokale modus, whatever a developer has in .streamlit/secrets.toml.
    empty = tmp / "geen-secrets"
    empty.mkdir()
    with streamlit_server(
        url, tmp / "streamlit.log", address="0.0.0.0", extra_args=("--secrets.files", str(empty / "secrets.toml"))
    ) as base:
        yield base


def assert_refused(page) -> None:
    settle(page)
    assert exception_texts(page) == []
    main = page.locator("[data-testid='stMain']").inner_text()
    assert REFUSAL in main and "[auth]" in main
    assert page.locator("[data-testid='stSidebarNavLink']").count() == 0
    for testid in ("stMetric", "stDataFrame", "stVegaLiteChart", "stSelectbox", "stTable"):
        assert page.locator(f"[data-testid='{testid}']").count() == 0, testid
    assert page.locator(".wd-chart, .wd-table").count() == 0  # no chart or table drawn on the server either
    assert page.get_by_text("Peildatum", exact=False).count() == 0
    assert page.get_by_text("Page not found").count() == 0  # a deep link gets the refusal, not a dialog


def test_this_machine_sees_the_banner_and_the_data(browser, server):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(server)
    settle(page)
    assert exception_texts(page) == []
    assert "Lokale modus" in page.locator("[data-testid='stMain']").inner_text()
    assert REFUSAL not in page.locator("[data-testid='stMain']").inner_text()
    assert page.locator("[data-testid='stMetric']").count() > 0
    assert page.locator("[data-testid='stSidebarNavLink']").count() > 1


def test_another_address_is_refused_on_every_page(browser, server):
    address = remote_address()
    port = server.rsplit(":", 1)[1]
    remote = f"http://{address}:{port}"
    local = browser.new_page(viewport={"width": 1400, "height": 1000})
    local.goto(server)
    settle(local)
    paths = [
        local.locator("[data-testid='stSidebarNavLink']").nth(i).get_attribute("href").rsplit("/", 1)[-1]
        for i in range(local.locator("[data-testid='stSidebarNavLink']").count())
    ]
    assert len(paths) > 1
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(remote)
    assert_refused(page)
    assert address in page.locator("[data-testid='stMain']").inner_text()
    assert axe_violations(page) == []
    for path in paths:  # every page, as a deep link straight from the other address
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{remote}/{path}?programma=HAARLEM-WC")
        assert_refused(page)


def _first_run(base: str, headers: dict[str, str]) -> str:
    """Open the app's WebSocket like the browser does, ask for one run and return the text it sends."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    shown = []
    uri = base.replace("http://", "ws://") + "/_stcore/stream"
    with connect(uri, additional_headers=headers, subprotocols=["streamlit"], max_size=None) as ws:
        request = BackMsg()
        request.rerun_script.query_string = "programma=HAARLEM-WC"
        ws.send(request.SerializeToString())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=60))
            shown.append(str(msg))
            if msg.WhichOneof("type") == "script_finished":
                break
    return "\n".join(shown)


def test_a_proxy_on_this_machine_passes_the_remote_address_and_it_is_refused(server):
    direct = _first_run(server, {})
    assert "Lokale modus**: zonder inloggen" in direct and "metric" in direct
    proxied = _first_run(server, {"X-Forwarded-For": "203.0.113.9"})
    assert REFUSAL in proxied and "203.0.113.9" in proxied
    assert "metric" not in proxied and "Peildatum" not in proxied


def test_another_address_cannot_pose_as_local_with_a_forwarded_header(server):
    address = remote_address()
    remote = f"http://{address}:{server.rsplit(':', 1)[1]}"
    text = _first_run(remote, {"X-Forwarded-For": "127.0.0.1"})
    assert REFUSAL in text and address in text
    assert "metric" not in text
