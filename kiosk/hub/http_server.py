"""The hub's small HTTP server: the guest-facing status page, and /healthz.

The status page may face a guest network, so the server assumes hostile clients
(docs/decisions/0015-status-page-server.md):

- asyncio, one thread: an idle or slow connection costs a socket and a few kB, never a
  thread, so hundreds of them cannot starve a real request or the hub;
- every connection has ``idle_timeout_s`` to send its whole request head and as long again
  to take the answer; then it is closed. One request per connection (``Connection: close``);
- at most ``max_connections`` open at once: a new one beyond that closes the oldest that has
  not sent its request yet (a slow-loris client), or, when every place is busy answering,
  is itself closed at once;
- request heads over 8 kB, bodies and methods other than GET and HEAD are refused;
- the answer is computed by ``routes`` on a small thread pool (the lookup asks the hub's
  worker, which may take a moment), never on the event loop;
- every answer carries the security headers below; the path (it holds the ticket token) is
  never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus

log = logging.getLogger(__name__)

Routes = Callable[[str], tuple[int, str, str]]
"""path -> (status, content type, body)."""

MAX_HEAD_BYTES = 8192
LOOKUP_THREADS = 4


def security_headers(style_hash: str | None = None) -> tuple[tuple[str, str], ...]:
    """Headers on every answer: nothing runs, nothing loads, nothing frames the page, nothing
    is cached or sent on as a referrer. ``style_hash``: the CSP hash of the page's one
    inline style sheet (``sha256-...``)."""
    style = f"'{style_hash}'" if style_hash else "'none'"
    policy = (f"default-src 'none'; style-src {style}; base-uri 'none'; form-action 'none'; "
              "frame-ancestors 'none'")
    return (("Content-Security-Policy", policy),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("X-Frame-Options", "DENY"),
            ("Cache-Control", "no-store"))


@dataclass
class ServerCounts:
    """For /healthz: what the server has seen since it started."""

    open: int = 0
    answered: int = 0
    timed_out: int = 0
    evicted: int = 0  # closed to make room: idle longest without a request
    refused: int = 0  # closed at once: every place busy answering
    bad_requests: int = 0


class HttpListener:
    """Listens from construction (so a port in use fails at start-up, with ``OSError``);
    serves from ``start()`` on its own thread until ``stop()``."""

    def __init__(self, host: str, port: int, routes: Routes, *, idle_timeout_s: float = 10.0,
                 max_connections: int = 100, style_hash: str | None = None) -> None:
        self._routes = routes
        self._idle_timeout_s = idle_timeout_s
        self._max_connections = max_connections
        self._headers = security_headers(style_hash)
        self.counts = ServerCounts()
        self._waiting: dict[asyncio.StreamWriter, None] = {}  # no request yet, oldest first
        self._busy: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._pool = ThreadPoolExecutor(max_workers=LOOKUP_THREADS,
                                        thread_name_prefix=f"http-{port}")
        self._loop = asyncio.new_event_loop()
        try:
            self._server = self._loop.run_until_complete(asyncio.start_server(
                self._connected, host, port, limit=MAX_HEAD_BYTES, backlog=128))
        except BaseException:
            self._loop.close()
            self._pool.shutdown(wait=False)
            raise
        self.host, self.port = self._server.sockets[0].getsockname()[:2]
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True,
                                        name=f"http-{self.port}")

    def start(self) -> HttpListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread.is_alive():
            done = asyncio.run_coroutine_threadsafe(self._close_all(), self._loop)
            with contextlib.suppress(Exception):
                done.result(timeout=5)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=5)
        elif not self._loop.is_closed():
            self._loop.run_until_complete(self._close_all())
        if not self._loop.is_closed():
            self._loop.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    async def _close_all(self) -> None:
        self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._server.wait_closed()

    # --- one connection (event loop) ------------------------------------------------------

    def _connected(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if len(self._waiting) + len(self._busy) >= self._max_connections:
            if not self._waiting:
                self.counts.refused += 1
                writer.close()
                return
            oldest = next(iter(self._waiting))
            del self._waiting[oldest]
            oldest.close()
            self.counts.evicted += 1
        self._waiting[writer] = None
        task = asyncio.ensure_future(self._serve(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.counts.open += 1
        try:
            try:
                head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"),
                                              self._idle_timeout_s)
            except TimeoutError:
                self.counts.timed_out += 1
                return
            except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
                return  # gone, evicted, or a head too long to be a browser's
            finally:
                self._waiting.pop(writer, None)
            self._busy.add(writer)
            status, kind, body, send_body = await self._answer(head)
            writer.write(self._response(status, kind, body, send_body))
            await asyncio.wait_for(writer.drain(), self._idle_timeout_s)
            self.counts.answered += 1
        except TimeoutError:
            self.counts.timed_out += 1
        except ConnectionError:
            pass
        finally:
            self.counts.open -= 1
            self._waiting.pop(writer, None)
            self._busy.discard(writer)
            writer.close()

    async def _answer(self, head: bytes) -> tuple[int, str, str, bool]:
        text = "text/plain; charset=utf-8"
        parts = head.split(b"\r\n", 1)[0].split(b" ")
        if len(parts) != 3 or not parts[2].startswith(b"HTTP/1."):
            self.counts.bad_requests += 1
            return 400, text, "bad request\n", True
        method, target = parts[0], parts[1].decode("ascii", errors="replace")
        if method not in (b"GET", b"HEAD"):
            self.counts.bad_requests += 1
            return 405, text, "only GET\n", True
        if b"\r\ncontent-length:" in head.lower() or b"\r\ntransfer-encoding:" in head.lower():
            self.counts.bad_requests += 1
            return 400, text, "no request body here\n", True
        loop = asyncio.get_running_loop()
        status, kind, body = await loop.run_in_executor(self._pool, self._route, target)
        return status, kind, body, method == b"GET"

    def _route(self, path: str) -> tuple[int, str, str]:
        try:
            return self._routes(path)
        except Exception:  # a page must never take the hub down
            log.exception("http: a request failed")  # never the path: it holds a token
            return 500, "text/plain; charset=utf-8", "error\n"

    def _response(self, status: int, kind: str, body: str, send_body: bool) -> bytes:
        data = body.encode("utf-8")
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = ""
        lines = [f"HTTP/1.1 {status} {phrase}", f"Content-Type: {kind}",
                 f"Content-Length: {len(data)}", "Connection: close", "Server: bank-kiosk",
                 *(f"{name}: {value}" for name, value in self._headers)]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + (data if send_body else b"")
