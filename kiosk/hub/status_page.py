"""The ticket-status page a customer's phone opens from the QR code, and ``/healthz``.

Two listeners, two purposes. The status page may face the guest network, so it is given one
read-only lookup function and nothing else: it cannot publish to MQTT, write the ledger, or
list tickets; a ticket is reached only by its unguessable token, and the page says nothing
about anyone else. ``/healthz`` tells the bank's monitoring whether the broker and the
database answer; it listens on its own (internal) address.
"""

from __future__ import annotations

import html
import json
import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kiosk.core.ticket_sentences import ahead_wording, wait_wording

log = logging.getLogger(__name__)

TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{16,64}")


@dataclass(frozen=True)
class TicketView:
    """What the status page shows: nothing personal, only the ticket and its place."""

    number: str
    service: dict[str, str]  # name by language
    state: str  # waiting, called, finished, no_show, expired
    people_ahead: int
    wait_low_min: int
    wait_high_min: int
    counter: int | None


TicketLookup = Callable[[str], TicketView | None]
HealthCheck = Callable[[], dict[str, Any]]

_TEXT = {
    "zh_CN": {
        "title": "排队号码",
        "ahead_nobody": "您前面没有人在等候。",
        "ahead_one": "您前面还有1人在等候。",
        "ahead_many": "您前面还有{count}人在等候。",
        "wait_under_a_minute": "预计等候不到1分钟",
        "wait_up_to": "预计等候不超过{high}分钟",
        "wait_about": "预计等候约{low}分钟",
        "wait_range": "预计等候{low}到{high}分钟",
        "called": "请到 {counter} 号窗口",
        "finished": "这张号码已经办理完毕",
        "no_show": "这张号码已过号，请到大堂咨询",
        "expired": "这张号码已过期",
        "refresh": "本页每 30 秒自动更新",
        "invalid": "这个链接无效或已经过期。请看取号机或问工作人员。",
    },
    "en": {
        "title": "Your ticket",
        "ahead_nobody": "Nobody is waiting before you.",
        "ahead_one": "One person is waiting before you.",
        "ahead_many": "{count} people are waiting before you.",
        "wait_under_a_minute": "Expected wait: under 1 minute",
        "wait_up_to": "Expected wait: up to {high} minutes",
        "wait_about": "Expected wait: about {low} minutes",
        "wait_range": "Expected wait: {low} to {high} minutes",
        "called": "Please go to counter {counter}",
        "finished": "This ticket has been served",
        "no_show": "This ticket was called and missed; please ask in the lobby",
        "expired": "This ticket has expired",
        "refresh": "This page updates every 30 seconds",
        "invalid": "This link is not valid or has expired. Please look at the kiosk or ask "
                   "a member of staff.",
    },
}
"""The page's words. The people-ahead and wait sentences are the kiosk's own (its
translations of `kiosk.printing.ticket_words`, checked by a test), chosen by
`kiosk.core.ticket_sentences`, so the phone says what the kiosk and the paper say."""

_STYLE = """
body{background:#000;color:#fff;font-family:sans-serif;margin:0;padding:6vw;line-height:1.4}
h1{font-size:9vw;margin:0 0 4vw} .number{font-size:28vw;font-weight:bold;color:#ffeb3b}
p{font-size:7vw;margin:3vw 0} .small{font-size:4.5vw;color:#ddd}
hr{border:0;border-top:2px solid #666;margin:8vw 0}
"""


def waiting_sentences(view: TicketView, language: str) -> tuple[str, str]:
    """The people ahead and the wait of a waiting ticket, in `language`."""
    text = _TEXT[language]
    ahead = text[f"ahead_{ahead_wording(view.people_ahead)}"].format(count=view.people_ahead)
    wording = wait_wording(view.wait_low_min, view.wait_high_min)
    wait = text[f"wait_{wording}"].format(low=view.wait_low_min, high=view.wait_high_min)
    return ahead, wait


def render_ticket(view: TicketView) -> str:
    parts = []
    for language in ("zh_CN", "en"):
        text = _TEXT[language]
        lines = [f"<h1>{html.escape(text['title'])}</h1>",
                 f"<div class='number'>{html.escape(view.number)}</div>",
                 f"<p>{html.escape(view.service.get(language, ''))}</p>"]
        if view.state == "waiting":
            lines.extend(f"<p>{html.escape(line)}</p>"
                         for line in waiting_sentences(view, language))
        elif view.state == "called" and view.counter is not None:
            lines.append(f"<p>{html.escape(text['called'].format(counter=view.counter))}</p>")
        elif view.state in ("finished", "no_show", "expired"):
            lines.append(f"<p>{html.escape(text[view.state])}</p>")
        lines.append(f"<p class='small'>{html.escape(text['refresh'])}</p>")
        parts.append(f"<section lang='{language.replace('_', '-')}'>{''.join(lines)}</section>")
    return _page("<hr>".join(parts), refresh=True)


def render_invalid() -> str:
    body = "<hr>".join(f"<p>{html.escape(_TEXT[lang]['invalid'])}</p>" for lang in _TEXT)
    return _page(body, refresh=False)


def _page(body: str, refresh: bool) -> str:
    meta = "<meta http-equiv='refresh' content='30'>" if refresh else ""
    return ("<!doctype html><html lang='zh-CN'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"{meta}<meta name='robots' content='noindex'><title>Ticket</title>"
            f"<style>{_STYLE}</style></head><body>{body}</body></html>")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def _handler(routes: Callable[[str], tuple[int, str, str]]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "bank-kiosk"
        sys_version = ""

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            try:
                status, kind, body = routes(self.path)
            except Exception:  # a page must never take the hub down
                log.exception("status page failed for a request")
                status, kind, body = 500, "text/plain; charset=utf-8", "error\n"
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            # Never log the path: it holds the ticket token.
            log.debug("http %s", args[1] if len(args) > 1 else "")

    return Handler


class HttpListener:
    """One ThreadingHTTPServer in a daemon thread."""

    def __init__(self, host: str, port: int,
                 routes: Callable[[str], tuple[int, str, str]]) -> None:
        self._server = _Server((host, port), _handler(routes))
        self.host, self.port = self._server.server_address[:2]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True,
                                        name=f"http-{port}")

    def start(self) -> HttpListener:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def status_routes(lookup: TicketLookup) -> Callable[[str], tuple[int, str, str]]:
    html_type = "text/html; charset=utf-8"

    def route(path: str) -> tuple[int, str, str]:
        match = re.fullmatch(r"/t/([^/?#]*)", path.split("?", 1)[0])
        if match is None:
            return 404, html_type, render_invalid()
        token = match.group(1)
        view = lookup(token) if TOKEN_PATTERN.fullmatch(token) else None
        if view is None:
            return 404, html_type, render_invalid()
        return 200, html_type, render_ticket(view)

    return route


def health_routes(check: HealthCheck) -> Callable[[str], tuple[int, str, str]]:
    def route(path: str) -> tuple[int, str, str]:
        if path.split("?", 1)[0] != "/healthz":
            return 404, "text/plain; charset=utf-8", "not found\n"
        report = check()
        status = 200 if report.get("ok") else 503
        return status, "application/json", json.dumps(report, sort_keys=True) + "\n"

    return route
