"""`python -m tools.i18n update|pseudo|build|check|add CODE`: the catalogue workflow.

update   refresh every translations/kiosk_*.ts from the code (translations are kept),
         fill the English catalogue with the source text, regenerate the pseudo-language
pseudo   regenerate translations/kiosk_pseudo.ts only
build    compile every .ts into the .qm committed beside it
check    fail (exit 1) on missing, unfinished, obsolete or inconsistent messages and
         stale .qm files; needs no display
add      start a catalogue for a new language, e.g. `add de`
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from kiosk.paths import translations_dir as default_translations_dir
from tools.i18n.catalogue import (
    CATALOGUE_PREFIX,
    PSEUDO_LANGUAGE,
    SOURCE_LANGUAGE,
    UNFINISHED,
    Message,
    catalogue_code,
    catalogue_paths,
    fill_translations,
)
from tools.i18n.check import check_translations
from tools.i18n.linguist import LinguistError, run_lrelease, run_lupdate
from tools.i18n.pseudo import pseudo_translate

DEFAULT_SOURCE_DIR = Path(__file__).resolve().parents[2] / "kiosk"
DEFAULT_LANGUAGES = ("zh_CN", SOURCE_LANGUAGE)
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?")


def _source_text_if_untranslated(message: Message) -> str | None:
    if message.state == UNFINISHED or not all(message.translations):
        return message.key.source
    return None


def update(source_dir: Path, translations: Path, *, keep_obsolete: bool = False) -> None:
    """Merge the code's messages into every catalogue, then regenerate the generated ones."""
    translations.mkdir(parents=True, exist_ok=True)
    paths = [
        path for path in catalogue_paths(translations) if catalogue_code(path) != PSEUDO_LANGUAGE
    ]
    if not paths:
        paths = [translations / f"{CATALOGUE_PREFIX}{code}.ts" for code in DEFAULT_LANGUAGES]
    for path in paths:
        code = catalogue_code(path)
        run_lupdate(source_dir, path, keep_obsolete=keep_obsolete, target_language=code)
        if code == SOURCE_LANGUAGE and fill_translations(path, _source_text_if_untranslated):
            # English is the source language: new messages start as their own source text.
            run_lupdate(source_dir, path, keep_obsolete=keep_obsolete)
        print(f"updated {path.name}")
    pseudo(source_dir, translations)


def pseudo(source_dir: Path, translations: Path) -> None:
    path = translations / f"{CATALOGUE_PREFIX}{PSEUDO_LANGUAGE}.ts"
    run_lupdate(source_dir, path, target_language=SOURCE_LANGUAGE)
    fill_translations(path, lambda message: pseudo_translate(message.key.source))
    run_lupdate(source_dir, path)  # back to lupdate's own layout
    print(f"regenerated {path.name}")


def build(translations: Path) -> None:
    for path in catalogue_paths(translations):
        run_lrelease(path, path.with_suffix(".qm"))
        print(f"compiled {path.with_suffix('.qm').name}")


def add(source_dir: Path, translations: Path, code: str) -> None:
    if not _LANGUAGE_CODE.fullmatch(code):
        raise SystemExit(f"{code!r} is not a language code like de, fr_CA or zh_Hant")
    path = translations / f"{CATALOGUE_PREFIX}{code}.ts"
    if path.exists():
        raise SystemExit(f"{path.name} already exists; use update")
    run_lupdate(source_dir, path, target_language=code)
    print(f"created {path.name}: translate it in Qt Linguist (pyside6-linguist), then build")


def check(source_dir: Path, translations: Path) -> int:
    problems = check_translations(source_dir, translations)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"translation check failed: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"translations OK: {len(catalogue_paths(translations))} catalogues")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=("update", "pseudo", "build", "check", "add"))
    parser.add_argument("language", nargs="?", help="language code, for add")
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR)
    parser.add_argument("--translations-dir", type=Path, default=default_translations_dir())
    parser.add_argument(
        "--keep-obsolete",
        action="store_true",
        help="update: keep entries the code no longer uses, so translators can reuse them",
    )
    args = parser.parse_args(argv)
    if (args.command == "add") != (args.language is not None):
        parser.error("a language code goes with add, and only with add")
    source_dir: Path = args.source_dir
    translations: Path = args.translations_dir
    try:
        if args.command == "update":
            update(source_dir, translations, keep_obsolete=args.keep_obsolete)
        elif args.command == "pseudo":
            pseudo(source_dir, translations)
        elif args.command == "build":
            build(translations)
        elif args.command == "add":
            add(source_dir, translations, args.language)
        else:
            return check(source_dir, translations)
    except LinguistError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
