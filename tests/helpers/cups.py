"""A real CUPS daemon for tests: a private socket, a queue whose backend writes each job
to a folder, and readers for what came out (text with pdftotext, the QR code with zbarimg).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from tests.helpers.waiting import wait_until

TOOLS = ("cupsd", "lpadmin", "lp", "lpstat", "cancel", "cupsenable", "cupsdisable",
         "pdftotext", "pdftoppm", "zbarimg")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None
           and not Path("/usr/sbin", tool).exists()]

QUEUE = "tickets"
TOKEN = "Tk7-status_token_0123456789abcdefXYZ"
PATIENCE_S = 20.0
BACKEND = """#!/bin/sh
# A CUPS backend that writes each job into the folder named by its device URI.
if [ $# -eq 0 ]; then echo 'direct ticketfolder "Unknown" "Ticket folder"'; exit 0; fi
folder="${DEVICE_URI#ticketfolder:}"
if [ $# -ge 6 ]; then cat "$6" > "$folder/job-$1.pdf"; else cat > "$folder/job-$1.pdf"; fi
"""


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path("/usr/sbin", name))


class CupsDaemon:
    """cupsd with its own configuration under a fresh folder, reached by a unix socket.

    The folder is outside pytest's tmp_path because the backend runs as user `lp`, who
    cannot enter pytest's private folders; it is removed afterwards."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kiosk-cups-"))
        self.root.chmod(0o755)
        self.socket = str(self.root / "cups.sock")
        self.paper = self.root / "paper"
        self.process: subprocess.Popen[bytes] | None = None
        self.env = {**os.environ, "CUPS_SERVER": self.socket, "LC_ALL": "C"}

    def start(self) -> CupsDaemon:
        for sub in ("spool", "cache", "state", "tmp", "log", "serverbin/backend"):
            (self.root / sub).mkdir(parents=True)
        self.paper.mkdir(mode=0o777)
        self.paper.chmod(0o777)
        for sub in ("daemon", "notifier"):
            (self.root / "serverbin" / sub).symlink_to(Path("/usr/lib/cups", sub))
        backend = self.root / "serverbin" / "backend" / "ticketfolder"
        backend.write_text(BACKEND, encoding="utf-8")
        backend.chmod(0o755)
        (self.root / "cupsd.conf").write_text(
            f"Listen {self.socket}\nLogLevel info\nWebInterface No\nBrowsing No\n"
            "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n", encoding="utf-8")
        (self.root / "cups-files.conf").write_text("\n".join([
            f"ServerRoot {self.root}", f"RequestRoot {self.root}/spool",
            f"CacheDir {self.root}/cache", f"StateDir {self.root}/state",
            f"TempDir {self.root}/tmp", f"ServerBin {self.root}/serverbin",
            f"ErrorLog {self.root}/log/error_log", f"AccessLog {self.root}/log/access_log",
            f"PageLog {self.root}/log/page_log", "FileDevice Yes", ""]), encoding="utf-8")
        self.start_again()
        self.run("lpadmin", "-p", QUEUE, "-v", f"ticketfolder:{self.paper}", "-E", check=True)
        return self

    def start_again(self) -> None:
        """Start cupsd on the existing configuration, queue, spool and jobs."""
        with (self.root / "log" / "stderr").open("ab") as stderr:
            self.process = subprocess.Popen(
                [_tool("cupsd"), "-f", "-c", str(self.root / "cupsd.conf"), "-s",
                 str(self.root / "cups-files.conf")], stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=stderr)
        wait_until(lambda: "is running" in self.run("lpstat", "-r").stdout, PATIENCE_S,
                   "cupsd to answer on its socket")

    def run(self, *command: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        return subprocess.run([_tool(command[0]), *command[1:]], env=self.env, text=True,
                              capture_output=True, timeout=30, check=check)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self.process = None

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def printed(self) -> list[Path]:
        return sorted(self.paper.glob("job-*.pdf"))

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True, timeout=30).stdout


def qr_of(pdf: Path, folder: Path) -> str:
    picture = folder / pdf.stem
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(picture)],
                   check=True, timeout=30)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", f"{picture}.png"],
                             capture_output=True, text=True, timeout=30)
    return decoded.stdout.strip()


