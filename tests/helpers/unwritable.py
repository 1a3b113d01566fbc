"""Folders a program cannot (or can no longer) write in, for tests of a device without a disk.

``unwritable_folder``: as an ordinary user the folder is made read-only; as root (who may
write anywhere) it is a read-only tmpfs mounted there. ``small_disk``: a small tmpfs that a
test fills up while a device runs on it (root only). Tests are skipped where mounting is
not allowed.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def unwritable_folder(path: Path) -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        path.chmod(0o555)
        try:
            yield path
        finally:
            path.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(path)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot make a read-only folder as root: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


@contextmanager
def small_disk(path: Path, size_kib: int = 1024) -> Iterator[Callable[[], None]]:
    """A ``size_kib`` disk at ``path``; yields ``fill()``, which leaves no space on it."""
    path.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("filling a disk needs a tmpfs of its own, mounted as root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kib}k", "tmpfs",
                              str(path)], capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk: {mounted.stderr.strip()}")

    def fill() -> None:
        handle = os.open(path / "filler", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(handle, b"\0" * 4096)
        except OSError:
            pass  # full
        finally:
            os.close(handle)

    try:
        yield fill
    finally:
        subprocess.run(["umount", str(path)], check=False)
