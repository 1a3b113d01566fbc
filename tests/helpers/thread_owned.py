"""Containers that one thread owns: reading them from another thread fails loudly.

A set the worker thread changes cannot be iterated safely from another thread (``sorted``
of a set whose size changes meanwhile raises, or returns a mix of two states). CPython's
lock hides the race almost always, so a test cannot wait for it to happen: it swaps such
containers for these, and any iteration off the owning thread raises at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator


class OffOwnerThread(AssertionError):
    """A thread-owned container was read from another thread."""


class OwnedSet(set[str]):
    def __init__(self, items: set[str], owner: threading.Thread) -> None:
        super().__init__(items)
        self.owner = owner

    def __iter__(self) -> Iterator[str]:
        if threading.current_thread() is not self.owner:
            raise OffOwnerThread(f"iterated from {threading.current_thread().name}, "
                                 f"owned by {self.owner.name}")
        return super().__iter__()


def own_every_set(obj: object, owner: threading.Thread) -> list[str]:
    """Replace every ``set`` attribute of ``obj`` with an ``OwnedSet``; their names."""
    names = [name for name, value in vars(obj).items()
             if isinstance(value, set) and not isinstance(value, OwnedSet)]
    for name in names:
        setattr(obj, name, OwnedSet(getattr(obj, name), owner))
    return names


def call_on_thread(job: object) -> object:
    """Run ``job()`` on a new thread and return its result (or raise its error) here."""
    assert callable(job)
    box: list[object] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            box.append(job())
        except BaseException as error:  # handed back to the calling thread
            errors.append(error)

    thread = threading.Thread(target=run, name="http-like")
    thread.start()
    thread.join(10.0)
    if errors:
        raise errors[0]
    return box[0]
