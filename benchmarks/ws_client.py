"""A minimal Streamlit websocket client: what the browser sends and waits for, without rendering anything.

The load test uses it to put 20 sessions on the server without 20 browsers competing with the server for
the same cores. It speaks Streamlit's own protocol (protobuf BackMsg/ForwardMsg over /_stcore/stream):
a run is a `rerun_script` message, and it is finished when `script_finished` reports success. A run that
Streamlit ends early for a rerun (the app's own `st.rerun`) is followed to the end of the next one.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus.FINISHED_SUCCESSFULLY
COMPILE_ERROR = ForwardMsg.ScriptFinishedStatus.FINISHED_WITH_COMPILE_ERROR


@dataclass
class Page:
    script_hash: str
    title: str
    url_path: str


@dataclass
class RunResult:
    seconds: float
    title: str = ""  # the document title the run set
    exceptions: list[str] = field(default_factory=list)  # texts of exception boxes on the page
    received_bytes: int = 0


class StreamlitClient:
    """One browser session, as the server sees it."""

    def __init__(self, base_url: str) -> None:
        self.ws_url = base_url.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
        self.origin = base_url.rstrip("/")
        self.pages: list[Page] = []
        self.query_string = ""
        self._ws = None

    async def connect(self, timeout: float) -> None:
        from websockets.asyncio.client import connect

        self._ws = await connect(
            self.ws_url,
            subprotocols=["streamlit"],
            origin=self.origin,
            max_size=None,
            open_timeout=timeout,
            compression=None,
        )

    async def close(self) -> None:
        if self._ws is not None:
            await self._ws.close()

    async def run(self, page: Page | None, timeout: float) -> RunResult:
        """Ask for a run of `page` (None: the default page, as a fresh browser tab) and wait until it ends."""
        import asyncio

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string if page is None else ""
        state.page_script_hash = page.script_hash if page else ""
        state.page_name = ""
        state.context_info.timezone = "Europe/Amsterdam"
        state.context_info.locale = "nl-NL"
        state.context_info.url = self.origin + "/" + (page.url_path if page else "")
        started = time.perf_counter()
        await self._ws.send(msg.SerializeToString())
        result = RunResult(seconds=0.0)
        deadline = started + timeout
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                raise TimeoutError(f"run not finished within {timeout:g} s")
            raw = await asyncio.wait_for(self._ws.recv(), remaining)
            result.received_bytes += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            kind = fwd.WhichOneof("type")
            if kind == "navigation":
                self.pages = [
                    Page(p.page_script_hash, p.page_name, p.url_pathname)
                    for p in fwd.navigation.app_pages
                    if not p.is_hidden
                ]
            elif kind == "page_config_changed" and fwd.page_config_changed.title:
                result.title = fwd.page_config_changed.title
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                if element.WhichOneof("type") == "exception":
                    result.exceptions.append(f"{element.exception.type}: {element.exception.message}"[:300])
            elif kind == "script_finished":
                if fwd.script_finished == COMPILE_ERROR:
                    result.exceptions.append("script kon niet worden gecompileerd")
                if fwd.script_finished in (FINISHED, COMPILE_ERROR):
                    result.seconds = time.perf_counter() - started
                    return result
