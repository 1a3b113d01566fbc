"""A field's check is declared once, with its type: every message keeps the rule."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
from collections.abc import Iterator

import pytest

import kiosk.protocol
from kiosk.protocol.message import CheckedFields, declared_fields
from kiosk.protocol.rejection import InvalidMessage, RejectCode
from kiosk.protocol.staff_commands import CallNext, IssueTicket
from kiosk.protocol.ticket_messages import TicketCalled


def _checked_types() -> Iterator[type]:
    for module in pkgutil.iter_modules(kiosk.protocol.__path__):
        importlib.import_module(f"kiosk.protocol.{module.name}")
    todo = [CheckedFields]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if dataclasses.is_dataclass(sub):
                yield sub


def test_a_type_that_checks_more_still_keeps_its_fields_rules() -> None:
    skipping = []
    for cls in _checked_types():
        has_rules = any(field.rule for field in declared_fields(cls))
        own = cls.__dict__.get("__post_init__")
        if has_rules and own is not None:
            if "super().__post_init__()" not in inspect.getsource(own):
                skipping.append(cls.__name__)
    assert skipping == []


def test_a_rule_names_the_field_it_refuses() -> None:
    with pytest.raises(InvalidMessage, match="'counter'") as refused:
        CallNext(counter=0)
    assert refused.value.code is RejectCode.BAD_VALUE


def test_an_optional_field_is_checked_only_when_given() -> None:
    assert IssueTicket(service_id="accounts", priority=False).kiosk_id is None
    with pytest.raises(InvalidMessage, match="'kiosk_id'"):
        IssueTicket(service_id="accounts", priority=False, kiosk_id="Not An Id")


def test_a_time_is_held_as_float() -> None:
    called = TicketCalled(number="A012", service_id="accounts", counter=3, recall=False, at=5)
    assert isinstance(called.at, float)
