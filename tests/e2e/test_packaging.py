"""An installed wheel carries the fonts, sounds, compiled translations and example config."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_installs_with_its_data(tmp_path: Path) -> None:
    wheels, target = tmp_path / "wheels", tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                    "-q", "-w", str(wheels), str(ROOT)], check=True, timeout=300,
                   capture_output=True)
    [wheel] = list(wheels.glob("bank_kiosk-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=300, capture_output=True)
    script = (
        "import json, kiosk, kiosk.paths as p\n"
        "print(json.dumps({'file': kiosk.__file__, 'version': kiosk.__version__,\n"
        " 'assets': str(p.assets_dir()), 'translations': str(p.translations_dir()),\n"
        " 'example': str(p.example_config())}))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, timeout=60, check=True,
                            env={**os.environ, "PYTHONPATH": str(target)})
    found = json.loads(result.stdout)
    assert found["file"].startswith(str(target))
    assets, translations = Path(found["assets"]), Path(found["translations"])
    assert assets.is_relative_to(target) and translations.is_relative_to(target)
    assert (assets / "fonts" / "KioskSansSC-Regular.otf").stat().st_size > 1_000_000
    assert (assets / "fonts" / "OFL.txt").is_file()
    assert {q.name for q in translations.glob("*.qm")} >= {"kiosk_zh_CN.qm", "kiosk_en.qm"}
    assert Path(found["example"]).is_file()
    check = subprocess.run([sys.executable, "-m", "kiosk", "check-config", found["example"]],
                           cwd=tmp_path, capture_output=True, text=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(target)}, check=False)
    assert check.returncode == 0, check.stderr
