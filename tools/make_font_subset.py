"""Rebuild the bundled Chinese font in `assets/fonts/` from Debian's Noto Sans CJK.

A fresh Debian has no CJK font, so the kiosk ships its own: Noto Sans CJK SC cut down to
what a Simplified Chinese bank kiosk can show (all of GB2312, Latin with accents for the
pseudo-language, CJK and fullwidth punctuation). The full collection is 19 MB per weight;
the subset is under 3 MB per weight.

This is a developer tool, run by hand when the subset must change; the kiosk itself never
needs fontTools. It needs `pip install fonttools` and the Debian font files, which can be
fetched without installing them system-wide (so the machine's own font set stays as it is):

    apt-get download fonts-noto-cjk
    dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto
    python -m tools.make_font_subset --source-dir /tmp/noto/usr/share/fonts/opentype/noto \\
        --licence-source /tmp/noto/usr/share/doc/fonts-noto-cjk/copyright

For each weight it runs exactly (the code point list is written to a temporary file):

    pyftsubset NotoSansCJK-<Weight>.ttc --font-number=2 --unicodes-file=<list>
        --output-file=<out> --name-IDs=* --drop-tables+=vhea,vmtx,VORG --no-hinting

and then renames the family (see `rename_family`). The subset was last made from
fonts-noto-cjk 1:20220127+repack1-1 (Noto Sans CJK 2.004).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kiosk.paths import assets_dir

FAMILY = "Kiosk Sans SC"
POSTSCRIPT_FAMILY = "KioskSansSC"
ORIGINAL_FAMILY = "Noto Sans CJK SC"
# Index of "Noto Sans CJK SC" inside NotoSansCJK-*.ttc; index 0 is the Japanese cut.
SC_FONT_NUMBER = 2
WEIGHTS = ("Regular", "Bold")
DEFAULT_SOURCE_DIR = Path("/usr/share/fonts/opentype/noto")
DEFAULT_LICENCE_SOURCE = Path("/usr/share/doc/fonts-noto-cjk/copyright")

# Ranges kept besides GB2312 itself: ASCII, Latin-1 and Latin Extended-A (the
# pseudo-language's accented letters, names of foreign customers), general punctuation
# (dashes, curly quotes, ellipsis), CJK symbols and punctuation, fullwidth forms.
EXTRA_RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x2000, 0x206F),
    (0x3000, 0x303F),
    (0xFF00, 0xFFEF),
)

OFL_HEADER = (
    "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.\n"
    "\n"
    "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n"
    "This license is copied below, and is also available with a FAQ at:\n"
    "https://openfontlicense.org\n"
    "\n"
    "\n"
)


def gb2312_code_points() -> set[int]:
    """Every character GB2312 encodes: 6763 hanzi plus its symbols, kana, Greek, Cyrillic."""
    code_points: set[int] = set()
    for high in range(0xA1, 0xF8):
        for low in range(0xA1, 0xFF):
            try:
                code_points.add(ord(bytes((high, low)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return code_points


def subset_code_points() -> list[int]:
    code_points = gb2312_code_points()
    for first, last in EXTRA_RANGES:
        code_points.update(range(first, last + 1))
    return sorted(code_points)


def pyftsubset_command(source: Path, unicodes_file: Path, output: Path) -> list[str]:
    return [
        sys.executable, "-m", "fontTools.subset", str(source),
        f"--font-number={SC_FONT_NUMBER}",
        f"--unicodes-file={unicodes_file}",
        f"--output-file={output}",
        "--name-IDs=*",
        # The kiosk never sets text vertically; hinting matters little at its large sizes.
        "--drop-tables+=vhea,vmtx,VORG",
        "--no-hinting",
    ]  # fmt: skip


def rename_family(path: Path, weight: str) -> None:
    """Give the subset its own family name.

    Noto has no Reserved Font Name (the OFL RFN "Source" belongs to Source Han Sans and is
    not in this name), but "Noto" is a Google trademark and a cut-down font should not pass
    for the full one. A distinct name also means Qt can never confuse the bundled subset
    with a full Noto Sans CJK SC installed on the machine.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(path)
    postscript_name = f"{POSTSCRIPT_FAMILY}-{weight}"
    full_name = FAMILY if weight == "Regular" else f"{FAMILY} {weight}"
    names = font["name"]
    version = names.getDebugName(5) or ""
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    replacements = {
        1: FAMILY,
        2: weight,
        3: f"{version.removeprefix('Version ').split(';')[0]};{postscript_name}",
        4: full_name,
        5: f"{version}; subset of {ORIGINAL_FAMILY} (GB2312)",
        6: postscript_name,
        10: f"A GB2312 subset of {ORIGINAL_FAMILY} {weight}, renamed; "
        "modified under the SIL Open Font License 1.1.",
    }
    for name_id, text in replacements.items():
        names.setName(text, name_id, 3, 1, 0x409)
    cff = font["CFF "].cff
    cff.fontNames = [postscript_name]
    top = cff.topDictIndex[0]
    top.FamilyName = FAMILY
    top.FullName = full_name
    font.save(path)


def write_licence(copyright_file: Path, destination: Path) -> None:
    """Copy the OFL 1.1 text out of Debian's copyright file, undoing its indentation."""
    lines = copyright_file.read_text(encoding="utf-8").splitlines()
    # The first "License: SIL-1.1" line belongs to the "Files: *" stanza; the text follows
    # the stand-alone paragraph that repeats it.
    start = len(lines) - lines[::-1].index("License: SIL-1.1")
    body: list[str] = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        body.append("" if line == " ." else line[1:])
    destination.write_text(OFL_HEADER + "\n".join(body) + "\n", encoding="utf-8")


def make_subsets(source_dir: Path, output_dir: Path, weights: Iterable[str]) -> list[Path]:
    output_dir.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        unicodes_file = Path(scratch) / "unicodes.txt"
        unicodes_file.write_text(
            "\n".join(f"U+{cp:04X}" for cp in subset_code_points()) + "\n", encoding="ascii"
        )
        for weight in weights:
            source = source_dir / f"NotoSansCJK-{weight}.ttc"
            output = output_dir / f"{POSTSCRIPT_FAMILY}-{weight}.otf"
            subprocess.run(pyftsubset_command(source, unicodes_file, output), check=True)
            rename_family(output, weight)
            made.append(output)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=DEFAULT_SOURCE_DIR)
    parser.add_argument("--licence-source", type=Path, default=DEFAULT_LICENCE_SOURCE)
    parser.add_argument("--output-dir", type=Path, default=assets_dir() / "fonts")
    args = parser.parse_args(argv)
    for path in make_subsets(args.source_dir, args.output_dir, WEIGHTS):
        print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")
    write_licence(args.licence_source, args.output_dir / "OFL.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
