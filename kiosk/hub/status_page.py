"""The ticket-status page a customer's phone opens from the QR code, and ``/healthz``.

Two listeners, two purposes. The status page may face the guest network, so it is given one
read-only lookup function and nothing else: it cannot publish to MQTT, write the ledger, or
list tickets; a ticket is reached only by its unguessable token, and the page says nothing
about anyone else. ``/healthz`` tells the bank's monitoring whether the broker and the
database answer; it listens on its own (internal) address. Both are served by
``kiosk.hub.http_server``, built for clients that may be hostile.

The page speaks the ticket's own language first (the one the customer chose at the kiosk),
then the others.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kiosk.core.queue.ticket_sentences import ahead_wording, wait_wording
from kiosk.hub.http_server import HttpListener as HttpListener  # serves these pages

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
    language: str = ""  # chosen at the kiosk; '' when not known: the branch's order


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
`kiosk.core.queue.ticket_sentences`, so the phone says what the kiosk and the paper say."""

_STYLE = """
body{background:#000;color:#fff;font-family:sans-serif;margin:0;padding:6vw;line-height:1.4}
h1{font-size:9vw;margin:0 0 4vw} .number{font-size:28vw;font-weight:bold;color:#ffeb3b}
p{font-size:7vw;margin:3vw 0} .small{font-size:4.5vw;color:#ddd}
hr{border:0;border-top:2px solid #666;margin:8vw 0}
"""


STYLE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
"""The Content-Security-Policy hash of the page's one inline style sheet: nothing else may
style, and nothing at all may run."""


def page_languages(first: str) -> list[str]:
    """The page's languages, the ticket's own first."""
    order = list(_TEXT)
    return [first, *(lang for lang in order if lang != first)] if first in _TEXT else order


def waiting_sentences(view: TicketView, language: str) -> tuple[str, str]:
    """The people ahead and the wait of a waiting ticket, in `language`."""
    text = _TEXT[language]
    ahead = text[f"ahead_{ahead_wording(view.people_ahead)}"].format(count=view.people_ahead)
    wording = wait_wording(view.wait_low_min, view.wait_high_min)
    wait = text[f"wait_{wording}"].format(low=view.wait_low_min, high=view.wait_high_min)
    return ahead, wait


def render_ticket(view: TicketView) -> str:
    parts = []
    languages = page_languages(view.language)
    for language in languages:
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
    return _page("<hr>".join(parts), refresh=True, language=languages[0])


def render_invalid() -> str:
    body = "<hr>".join(f"<p>{html.escape(_TEXT[lang]['invalid'])}</p>" for lang in _TEXT)
    return _page(body, refresh=False)


def _page(body: str, refresh: bool, language: str = "zh_CN") -> str:
    meta = "<meta http-equiv='refresh' content='30'>" if refresh else ""
    return (f"<!doctype html><html lang='{language.replace('_', '-')}'><head>"
            "<meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width,initial-scale=1'>"
            f"{meta}<meta name='robots' content='noindex'><title>Ticket</title>"
            f"<style>{_STYLE}</style></head><body>{body}</body></html>")


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
