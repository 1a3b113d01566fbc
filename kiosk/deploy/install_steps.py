"""Idempotent installation steps that say exactly what they changed.

Used by ``kiosk branch create`` and ``kiosk branch install-bundle``: each step compares what
is there with what should be there and only then writes, so running a command twice changes
nothing the second time and says so.
"""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


class InstallError(Exception):
    """A step could not be done; the message says what and why."""


@dataclass(frozen=True)
class Owner:
    user: str
    uid: int
    gid: int
    home: str = "/nonexistent"


def owner_in(root: Path, user: str) -> Owner | None:
    """The user as the machine under ``root`` knows it (its own /etc/passwd, which is not
    this machine's when installing into another root)."""
    try:
        lines = (root / "etc" / "passwd").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for line in lines:
        fields = line.split(":")
        if len(fields) >= 6 and fields[0] == user:
            return Owner(user, int(fields[2]), int(fields[3]), fields[5])
    return None


@dataclass
class Changes:
    """What a command did, line by line, in the words the operator reads."""

    root: Path = Path("/")
    lines: list[str] = field(default_factory=list)
    changed: int = 0

    def shown(self, path: Path) -> str:
        """A path as it is on the installed machine (without the root prefix)."""
        if self.root == Path("/"):
            return str(path)
        return "/" + str(path.relative_to(self.root))

    def did(self, text: str) -> None:
        self.lines.append(text)
        self.changed += 1

    def kept(self, text: str) -> None:
        self.lines.append(text)

    def summary(self) -> str:
        if not self.changed:
            return "nothing to change: everything was already in place"
        return f"{self.changed} change{'s' if self.changed != 1 else ''}"

    def directory(self, path: Path, mode: int, owner: Owner | None = None) -> None:
        if not path.is_dir():
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(mode)
            if owner is not None:
                os.chown(path, owner.uid, owner.gid)
            self.did(f"created {self.shown(path)}/")
            return
        self._fix_mode_and_owner(path, mode, owner)

    def file(self, path: Path, content: bytes, mode: int, owner: Owner | None = None) -> None:
        """Write ``content`` unless it is there already; a private file (mode 0600) is never
        readable by others, not even while it is being written."""
        try:
            old: bytes | None = path.read_bytes()
        except FileNotFoundError:
            old = None
        except OSError as error:
            raise InstallError(f"{self.shown(path)}: cannot be read: "
                               f"{error.strerror or error}") from error
        if old == content:
            self._fix_mode_and_owner(path, mode, owner)
            self.kept(f"unchanged {self.shown(path)}")
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.new")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode & 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        temporary.chmod(mode)
        if owner is not None:
            os.chown(temporary, owner.uid, owner.gid)
        temporary.replace(path)
        described = f"mode {mode:04o}" + (f", owner {owner.user}" if owner else "")
        self.did(f"{'wrote' if old is None else 'updated'} {self.shown(path)} ({described})")

    def _fix_mode_and_owner(self, path: Path, mode: int, owner: Owner | None) -> None:
        info = path.stat()
        if stat.S_IMODE(info.st_mode) != mode:
            path.chmod(mode)
            self.did(f"changed the mode of {self.shown(path)} to {mode:04o}")
        if owner is not None and (info.st_uid, info.st_gid) != (owner.uid, owner.gid):
            os.chown(path, owner.uid, owner.gid)
            self.did(f"gave {self.shown(path)} to {owner.user}")

    def enable_unit(self, unit: str, *, user_unit: bool = False) -> None:
        """Enable a systemd unit of the machine under ``root`` (offline with ``--root``)."""
        scope = ["--global"] if user_unit else []
        root = [] if self.root == Path("/") else [f"--root={self.root}"]
        state = subprocess.run(["systemctl", *root, *scope, "is-enabled", unit],
                               capture_output=True, text=True, check=False, timeout=60)
        if state.stdout.strip() == "enabled":
            self.kept(f"already enabled {unit}")
        else:
            done = subprocess.run(["systemctl", *root, *scope, "enable", unit],
                                  capture_output=True, text=True, check=False, timeout=60)
            if done.returncode != 0:
                raise InstallError(f"systemctl enable {unit} failed: "
                                   f"{(done.stderr or done.stdout).strip()}")
            self.did(f"enabled {unit}")

    def run_unit(self, unit: str, *, files_changed: bool) -> None:
        """Start a unit that is not running, or restart one whose files just changed; only on
        the machine itself (root ``/``) with systemd running, never inside another root."""
        if self.root != Path("/") or not Path("/run/systemd/system").is_dir():
            return
        active = subprocess.run(["systemctl", "is-active", "--quiet", unit],
                                check=False, timeout=60).returncode == 0
        if active and not files_changed:
            self.kept(f"already running {unit}")
            return
        action = "restart" if active else "start"
        done = subprocess.run(["systemctl", action, unit], capture_output=True, text=True,
                              check=False, timeout=120)
        if done.returncode != 0:
            raise InstallError(f"systemctl {action} {unit} failed: "
                               f"{(done.stderr or done.stdout).strip()}")
        self.did(f"{action}ed {unit}")
