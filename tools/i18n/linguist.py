"""Running Qt Linguist's `lupdate` and `lrelease` from the installed PySide6 wheel.

The binaries are found inside the PySide6 package without importing it (importing would
load Qt), falling back to the `pyside6-*` wrappers on PATH.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import tempfile
from pathlib import Path

from tools.i18n.catalogue import SOURCE_LANGUAGE, Message, read_catalogue


class LinguistError(RuntimeError):
    """A Linguist tool is missing or reported an error."""


def tool_path(name: str) -> Path:
    """`lupdate` or `lrelease`: the binary shipped in the PySide6 wheel."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for package_dir in spec.submodule_search_locations:
            candidate = Path(package_dir) / name
            if candidate.is_file():
                return candidate
    wrapper = shutil.which(f"pyside6-{name}")
    if wrapper is not None:
        return Path(wrapper)
    raise LinguistError(f"cannot find Qt's {name}: install PySide6-Essentials (it ships {name})")


def _run(command: list[str]) -> str:
    try:
        completed = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise LinguistError(f"cannot run {command[0]}: {error}") from None
    if completed.returncode != 0:
        raise LinguistError(
            f"{Path(command[0]).name} failed (exit {completed.returncode}):\n"
            f"{completed.stdout}{completed.stderr}"
        )
    return completed.stdout + completed.stderr


def run_lupdate(
    source_dir: Path,
    ts_file: Path,
    *,
    keep_obsolete: bool = False,
    locations: str = "none",
    target_language: str | None = None,
) -> str:
    """Merge the messages found in the Python code under `source_dir` into `ts_file`.

    Existing translations are kept. Locations default to none: line numbers in the
    catalogues would change with every edit anywhere in the code and make the `.ts`
    files a constant source of merge conflicts.
    """
    command = [
        str(tool_path("lupdate")),
        "-extensions", "py",
        "-locations", locations,
        "-source-language", SOURCE_LANGUAGE,
        str(source_dir),
        "-ts", str(ts_file),
    ]  # fmt: skip
    if not keep_obsolete:
        command.insert(1, "-no-obsolete")
    if target_language is not None:
        command[1:1] = ["-target-language", target_language]
    return _run(command)


def run_lrelease(ts_file: Path, qm_file: Path) -> str:
    """Compile a catalogue. Unfinished messages are left out, so guesses never ship."""
    return _run(
        [str(tool_path("lrelease")), "-silent", "-nounfinished", str(ts_file), "-qm", str(qm_file)]
    )


def extract_messages(source_dir: Path) -> tuple[Message, ...]:
    """Every translatable message in the code, with `path:line` relative to `source_dir`'s parent.

    lupdate is the extractor so that the check sees exactly what `update` would write.
    """
    root = source_dir.resolve().parent
    with tempfile.TemporaryDirectory() as scratch:
        ts_file = Path(scratch) / f"extracted_{SOURCE_LANGUAGE}.ts"
        run_lupdate(source_dir, ts_file, locations="absolute", target_language=SOURCE_LANGUAGE)
        messages = read_catalogue(ts_file).messages
        return tuple(_relocate(message, Path(scratch), root) for message in messages)


def _relocate(message: Message, ts_dir: Path, root: Path) -> Message:
    relocated = []
    for location in message.locations:
        filename, _, line = location.rpartition(":")
        path = (ts_dir / filename).resolve()
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        relocated.append(f"{shown}:{line}")
    return Message(message.key, message.translations, message.state, tuple(relocated))
