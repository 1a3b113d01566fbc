"""The translation check passes on the committed catalogues and catches each way they break.

Every broken case starts from a copy of the real `translations/`, damages one thing, and
(except where the compiled file is the point) recompiles the copy so that exactly one new
problem appears: the check must name the file, the context and the source text. "New" is
measured against the undamaged copy, so texts someone has just added to the code and not
yet translated fail the first test only, not every one of these.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.paths import translations_dir
from tools.i18n.__main__ import build, main, update
from tools.i18n.catalogue import read_catalogue
from tools.i18n.check import Problem, check_translations
from tools.i18n.linguist import run_lrelease
from tools.i18n.placeholders import PlaceholderError, placeholder_names
from tools.i18n.pseudo import pseudo_translate

ROOT = Path(__file__).resolve().parents[2]
KIOSK = ROOT / "kiosk"


@dataclass(frozen=True)
class CatalogueCopy:
    folder: Path
    baseline: frozenset[Problem]

    def __truediv__(self, name: str) -> Path:
        return self.folder / name

    def new_problems(self) -> list[Problem]:
        return [p for p in check_translations(KIOSK, self.folder) if p not in self.baseline]

    def only_new_problem(self) -> Problem:
        problems = self.new_problems()
        assert len(problems) == 1, "\n".join(map(str, problems))
        return problems[0]


@pytest.fixture
def catalogues(tmp_path: Path) -> CatalogueCopy:
    copy = tmp_path / "translations"
    shutil.copytree(translations_dir(), copy)
    return CatalogueCopy(copy, frozenset(check_translations(KIOSK, copy)))


def edit_message(ts_file: Path, source: str, change: str, text: str = "") -> None:
    """Damage the message with `source`: drop it, mark it unfinished, or retranslate it."""
    tree = ET.parse(ts_file)
    for context in tree.getroot().iter("context"):
        for message in context.findall("message"):
            if message.findtext("source") != source:
                continue
            translation = message.find("translation")
            assert translation is not None
            if change == "drop":
                context.remove(message)
            elif change == "unfinished":
                translation.set("type", "unfinished")
            elif change == "vanished":
                translation.set("type", "vanished")
            else:  # a translator's new text, finished
                translation.attrib.pop("type", None)
                translation.text = text
            tree.write(ts_file, encoding="utf-8", xml_declaration=True)
            return
    raise AssertionError(f"{source!r} is not in {ts_file.name}")


def recompile(ts_file: Path) -> None:
    run_lrelease(ts_file, ts_file.with_suffix(".qm"))


def test_the_committed_catalogues_pass() -> None:
    problems = check_translations(KIOSK, translations_dir())
    assert problems == [], "\n".join(map(str, problems))


def test_a_message_missing_from_a_catalogue_is_named(catalogues: CatalogueCopy) -> None:
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "Home", "drop")
    recompile(zh)
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.context, problem.source) == (
        "kiosk_zh_CN.ts",
        "Navigation",
        "Home",
    )
    assert problem.reason.startswith("missing")
    assert "kiosk/ui/strings.py:" in problem.reason  # where the code uses it
    assert "kiosk_zh_CN.ts: [Navigation] 'Home': missing" in str(problem)


def test_an_unfinished_message_fails(catalogues: CatalogueCopy) -> None:
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "Back", "unfinished")
    recompile(zh)
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.context, problem.source) == (
        "kiosk_zh_CN.ts",
        "Navigation",
        "Back",
    )
    assert problem.reason.startswith("unfinished")


def test_an_empty_translation_counts_as_unfinished(catalogues: CatalogueCopy) -> None:
    en = catalogues / "kiosk_en.ts"
    edit_message(en, "Cancel", "text", "   ")
    recompile(en)
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.source) == ("kiosk_en.ts", "Cancel")
    assert problem.reason.startswith("unfinished")


def test_a_renamed_placeholder_fails(catalogues: CatalogueCopy) -> None:
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "{name} is coming to help you.", "text", "{名字}马上过来帮您。")
    recompile(zh)
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.context) == ("kiosk_zh_CN.ts", "HelpCall")
    assert problem.source == "{name} is coming to help you."
    assert "placeholders differ: the source has {name}" in problem.reason
    assert "has {名字}" in problem.reason


def test_a_dropped_placeholder_fails(catalogues: CatalogueCopy) -> None:
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "{count} people are waiting before you.", "text", "请等候叫号。")
    recompile(zh)
    assert "has no placeholders" in catalogues.only_new_problem().reason


def test_a_stale_compiled_catalogue_fails(catalogues: CatalogueCopy) -> None:
    edit_message(catalogues / "kiosk_zh_CN.ts", "Back", "text", "回上一页")
    problem = catalogues.only_new_problem()
    assert problem.file == "kiosk_zh_CN.qm"
    assert problem.reason.startswith("stale")
    assert "python -m tools.i18n build" in problem.reason


def test_a_missing_compiled_catalogue_fails(catalogues: CatalogueCopy) -> None:
    (catalogues / "kiosk_en.qm").unlink()
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.reason.split(":")[0]) == ("kiosk_en.qm", "missing")


def test_an_obsolete_entry_left_in_a_catalogue_fails(catalogues: CatalogueCopy) -> None:
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "Say it again", "vanished")
    recompile(zh)
    reasons = {(p.file, p.source, p.reason.split(":")[0]) for p in catalogues.new_problems()}
    assert reasons == {
        ("kiosk_zh_CN.ts", "Say it again", "obsolete entry"),
        ("kiosk_zh_CN.ts", "Say it again", "missing"),
    }


def test_a_hand_edited_pseudo_translation_fails(catalogues: CatalogueCopy) -> None:
    pseudo = catalogues / "kiosk_pseudo.ts"
    edit_message(pseudo, "Home", "text", "[Ĥömé]")
    recompile(pseudo)
    problem = catalogues.only_new_problem()
    assert (problem.file, problem.source) == ("kiosk_pseudo.ts", "Home")
    assert "pseudo translation is out of date" in problem.reason


def test_an_unreadable_catalogue_is_reported_not_raised(catalogues: CatalogueCopy) -> None:
    (catalogues / "kiosk_zh_CN.ts").write_text("<TS><context>", encoding="utf-8")
    problems = catalogues.new_problems()
    assert any(p.file == "kiosk_zh_CN.ts" and "cannot be read as XML" in p.reason for p in problems)


def test_the_command_line_exits_1_and_prints_the_problem(
    catalogues: CatalogueCopy, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_message(catalogues / "kiosk_zh_CN.ts", "Back", "text", "回上一页")
    assert main(["check", "--translations-dir", str(catalogues.folder)]) == 1
    assert "kiosk_zh_CN.qm: stale" in capsys.readouterr().err
    build(catalogues.folder)
    main(["check", "--translations-dir", str(catalogues.folder)])
    assert "stale" not in capsys.readouterr().err


def write_module(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "screen.py").write_text(
        "from PySide6.QtCore import QT_TRANSLATE_NOOP\n" + body, encoding="utf-8"
    )
    return folder


def test_update_keeps_translations_and_build_makes_the_check_pass(tmp_path: Path) -> None:
    source = write_module(
        tmp_path / "app",
        'A = QT_TRANSLATE_NOOP("Greeting", "Hello")\n'
        'B = QT_TRANSLATE_NOOP("Greeting", "{name} is here.")\n',
    )
    catalogues = tmp_path / "translations"
    update(source, catalogues)
    zh = catalogues / "kiosk_zh_CN.ts"
    edit_message(zh, "Hello", "text", "您好")
    edit_message(zh, "{name} is here.", "text", "{name}来了。")
    (source / "screen.py").write_text(
        (source / "screen.py").read_text(encoding="utf-8")
        + 'C = QT_TRANSLATE_NOOP("Greeting", "Goodbye")\n',
        encoding="utf-8",
    )
    update(source, catalogues)
    build(catalogues)
    problems = check_translations(source, catalogues)
    assert [(p.file, p.source, p.reason.split(":")[0]) for p in problems] == [
        ("kiosk_zh_CN.ts", "Goodbye", "unfinished")
    ]
    translations = {m.key.source: m.translations for m in read_catalogue(zh).messages}
    assert translations["Hello"] == ("您好",)
    assert translations["{name} is here."] == ("{name}来了。",)
    english = {
        m.key.source: m.translations for m in read_catalogue(catalogues / "kiosk_en.ts").messages
    }
    assert english["Goodbye"] == ("Goodbye",)


def test_a_positional_placeholder_in_the_code_is_named_with_its_location(tmp_path: Path) -> None:
    source = write_module(tmp_path / "app", 'A = QT_TRANSLATE_NOOP("Queue", "{} people waiting")\n')
    catalogues = tmp_path / "translations"
    update(source, catalogues)
    build(catalogues)
    problems = check_translations(source, catalogues)
    assert any(
        p.file.endswith("screen.py:2") and "positional placeholder" in p.reason for p in problems
    ), "\n".join(map(str, problems))


@pytest.mark.parametrize(
    ("text", "names"),
    [("Hello", set()), ("{name} is coming", {"name"}), ("{a} and {b}, {{literal}}", {"a", "b"})],
)
def test_placeholder_names(text: str, names: set[str]) -> None:
    assert placeholder_names(text) == names


@pytest.mark.parametrize("text", ["{} waiting", "{0} waiting", "%1 waiting", "{name waiting"])
def test_positional_and_malformed_placeholders_are_rejected(text: str) -> None:
    with pytest.raises(PlaceholderError):
        placeholder_names(text)


def test_pseudo_translation_is_longer_accented_and_keeps_placeholders() -> None:
    source = "{name} is coming to help you."
    pseudo = pseudo_translate(source)
    assert pseudo.startswith("[{name} îs çömîñg tö hélp ýöü.")
    assert pseudo.endswith("·]")
    assert len(pseudo) >= 1.4 * len(source)
    assert placeholder_names(pseudo) == {"name"}
    assert pseudo_translate("Take a ticket") == "[Tàké à tîçkét ···]"


def test_pseudo_padding_breaks_like_words_so_a_long_label_can_wrap() -> None:
    source = ("Priority service is for elderly customers and for anyone who needs "
              "assistance. Just choose, nobody will ask you why.")

    pseudo = pseudo_translate(source)

    assert len(pseudo) >= 1.4 * len(source)
    assert max(len(word) for word in pseudo.split()) <= 12


def test_the_check_needs_no_display_and_no_qt() -> None:
    """Run in a clean interpreter without a display: the check must not load PySide6."""
    script = (
        "import sys\nfrom tools.i18n.__main__ import main\n"
        "code = main(['check'])\n"
        "print(code, any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            key: value
            for key, value in os.environ.items()
            if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
        },
        timeout=120,
        check=False,
    )
    # 0 or 1 (texts in the code awaiting translation are the first test's business), never
    # a crash; and no Qt was loaded to get there.
    exit_code, loaded_qt = result.stdout.split()[-2:]
    assert (exit_code in ("0", "1"), loaded_qt) == (True, "False"), result.stderr
