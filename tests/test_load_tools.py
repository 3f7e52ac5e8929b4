"""The load-test tooling: the Streamlit websocket client against a real server, and a short load test run."""

from __future__ import annotations

import asyncio
import tomllib

import pytest

from benchmarks import load_test
from benchmarks.pages import dashboard_pages
from benchmarks.server import streamlit_server
from benchmarks.ws_client import StreamlitClient
from data_access.config import PROJECT_ROOT


async def _visit_all(base: str) -> tuple[list, list]:
    client = StreamlitClient(base)
    await client.connect(30)
    try:
        first = await client.run(None, 60)
        results = [first]
        for page in client.pages:
            results.append(await client.run(page, 60))
        return client.pages, results
    finally:
        await client.close()


def test_websocket_client_runs_every_page(sample_db_url, tmp_path):
    with streamlit_server(sample_db_url, tmp_path / "streamlit.log") as (base, _):
        pages, results = asyncio.run(_visit_all(base))
    # Lokale modus on loopback: the beheerder sees every page of dashboard.py, in its order.
    assert [p.title for p in pages] == [ref.title for ref in dashboard_pages()]
    assert results[0].title == "Overzicht · Wijkaanpak-dashboard"
    for page, result in zip(pages, results[1:], strict=True):
        assert result.exceptions == [], page.title
        assert result.title == f"{page.title} · Wijkaanpak-dashboard"
        assert result.received_bytes > 1000  # the page's elements arrived, not only the run's end
        assert 0 < result.seconds < 60


def test_websocket_client_reports_an_exception_box(tmp_path, sqlite_url):
    app = tmp_path / "kapot.py"
    app.write_text('import streamlit as st\n\nst.title("Kapot")\nraise ValueError("opzettelijk kapot")\n')

    async def visit(base: str):
        client = StreamlitClient(base)
        await client.connect(30)
        try:
            return await client.run(None, 60)
        finally:
            await client.close()

    with streamlit_server(sqlite_url, tmp_path / "streamlit.log", app=app) as (base, _):
        result = asyncio.run(visit(base))
    assert len(result.exceptions) == 1
    assert "opzettelijk kapot" in result.exceptions[0]


def test_short_websocket_load_test_has_no_errors(tmp_path, capsys):
    out = tmp_path / "belasting.md"
    args = ["--client", "websocket", "--sessions", "3", "--duration", "8", "--scale", "0.2", "--p95-target", "60"]
    code = load_test.main([*args, "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    assert code == 0, text
    assert "Fouten: 0" in text and "Resultaat: GOED" in text
    assert "3 sessies (websocket)" in text
    assert "alle paginawissels" in text
    assert "Servergeheugen:" in text and "MB met 3 sessies" in text


def test_load_test_fails_when_the_target_is_missed(tmp_path):
    args = ["--client", "websocket", "--sessions", "1", "--duration", "3", "--scale", "0.2", "--p95-target", "0.0001"]
    code = load_test.main([*args, "--out", str(tmp_path / "belasting.md")])
    assert code == 1
    assert "NIET GOED" in (tmp_path / "belasting.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", ["postScriptGC"])
def test_no_full_garbage_collection_after_every_run(option):
    # Streamlit's default (a full gc.collect() after every run, under the GIL) stalls every other session.
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"][option] is False


def test_collector_is_tuned_once_per_process(monkeypatch):
    import gc

    from ui import gc_tuning

    before = gc.get_threshold()
    monkeypatch.setattr(gc_tuning, "_tuned", False)
    try:
        gc_tuning.tune_once()
        assert gc.get_threshold() == (gc_tuning.YOUNG_THRESHOLD, *before[1:])
        assert gc.get_freeze_count() > 1000  # the loaded libraries are out of the collector's way
        gc.set_threshold(*before)
        gc_tuning.tune_once()  # a second call changes nothing
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
