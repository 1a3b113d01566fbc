"""Chinese shows as real characters on a machine without any font of its own.

The render runs in a child process whose fontconfig knows only an empty folder, so the
result is the same on a developer machine full of CJK fonts and on a fresh Debian with
none. There the kiosk's screen text is drawn with the bundled font or not at all: a
missing font shows every character as the same box (or nothing), while real glyphs are
all different from each other and from the rendering of a character no font has.

This file is also the child process: run as a script it renders and prints its findings.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import string
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.ui.fonts import load_fonts
from kiosk.ui.i18n import load_language
from kiosk.ui.strings import vocabulary_text
from tools.i18n.pseudo import pseudo_translate

ROOT = Path(__file__).resolve().parents[2]
# A private-use character: no font draws it, so its rendering is the "missing glyph" look.
NO_FONT_HAS_THIS = "\ue000"


@dataclass(frozen=True)
class Render:
    family: str
    text: str
    glyph_images: list[str]
    """A hash of the rendering of each character of `text`, alone in a label."""
    missing_glyph_image: str
    inked: list[bool]
    """Whether each character's rendering has any pixel other than the background."""
    in_font: list[bool]

    def shows_real_glyphs(self) -> bool:
        distinct = set(self.text)
        return (
            len(set(self.glyph_images)) == len(distinct)
            and self.missing_glyph_image not in self.glyph_images
            and all(self.inked)
            and all(self.in_font)
        )


def render_without_system_fonts(tmp_path: Path, *, bundled_font: bool) -> Render:
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n'
        f"<fontconfig><dir>{empty}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(config),
        "QT_QPA_FONTDIR": str(empty),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, __file__, "--bundled-font" if bundled_font else "--no-bundled-font"]
    result = subprocess.run(
        command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return Render(**json.loads(result.stdout.splitlines()[-1]))


def test_chinese_renders_with_the_bundled_font_alone(tmp_path: Path) -> None:
    render = render_without_system_fonts(tmp_path, bundled_font=True)
    assert render.family == "Kiosk Sans SC"
    assert render.text == "呼叫工作人员"
    assert render.shows_real_glyphs(), render


def test_without_the_bundled_font_the_same_check_sees_no_chinese(tmp_path: Path) -> None:
    """The check above is not vacuous: with no font to draw them, the glyphs fail it."""
    render = render_without_system_fonts(tmp_path, bundled_font=False)
    assert render.text == "呼叫工作人员"  # the catalogue still loaded; only the font is gone
    assert not render.shows_real_glyphs(), render


@pytest.mark.parametrize(
    "text",
    [
        pseudo_translate(string.ascii_letters + string.punctuation),
        "（取号）：“您好”……　１２３，【请稍等】",
        "王芳 李秀英 张伟 刘洋 陈静",
    ],
    ids=["pseudo-language", "chinese-punctuation", "common-names"],
)
def test_the_bundled_font_itself_draws_these_characters(qapp: QApplication, text: str) -> None:
    """QRawFont looks at the one font file, not at fallbacks: no other font is needed."""
    raw = QRawFont.fromFont(QFont(load_fonts(), 24))
    assert raw.familyName() == "Kiosk Sans SC"
    assert [char for char in text if not raw.supportsCharacter(ord(char))] == []


def test_a_missing_or_damaged_font_is_logged_and_the_kiosk_carries_on(
    qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "KioskSansSC-Bold.otf").write_bytes(b"OTTO" + bytes(200))
    with caplog.at_level(logging.ERROR, logger="kiosk.ui.fonts"):
        family = load_fonts(tmp_path)
    assert family == QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()
    assert "KioskSansSC-Regular.otf is missing" in caplog.text
    assert "KioskSansSC-Bold.otf could not be loaded" in caplog.text
    assert "no bundled font could be loaded" in caplog.text


def _image_digest(label: QLabel) -> tuple[str, bool]:
    image = label.grab().toImage()
    background = image.pixel(0, 0)
    inked = any(
        image.pixel(x, y) != background for y in range(image.height()) for x in range(image.width())
    )
    return hashlib.sha256(bytes(image.constBits())).hexdigest(), inked


def _render(bundled_font: bool) -> Render:
    app = QApplication([])
    if bundled_font:
        app.setFont(QFont(load_fonts(), 32))
    if not load_language(app, "zh_CN"):
        raise SystemExit("the zh_CN catalogue did not load")
    text = vocabulary_text("Navigation", "help_button")
    images, inked = [], []
    for char in text:
        label = QLabel(char)
        label.resize(64, 64)
        digest, has_ink = _image_digest(label)
        images.append(digest)
        inked.append(has_ink)
    missing = QLabel(NO_FONT_HAS_THIS)
    missing.resize(64, 64)
    metrics = QFontMetrics(app.font())
    return Render(
        family=app.font().family(),
        text=text,
        glyph_images=images,
        missing_glyph_image=_image_digest(missing)[0],
        inked=inked,
        in_font=[metrics.inFontUcs4(ord(char)) for char in text],
    )


if __name__ == "__main__":
    print(json.dumps(_render(bundled_font=sys.argv[1] == "--bundled-font").__dict__))
