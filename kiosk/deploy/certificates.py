"""A branch's own certificate authority and the broker's TLS certificate, made with openssl.

The branch broker is reached by host name or address on the branch LAN; its certificate
names each of them (subjectAltName) so clients verify it with the branch CA alone.
"""

from __future__ import annotations

import ipaddress
import shutil
import subprocess
from pathlib import Path


class CertificateError(RuntimeError):
    """openssl is missing or failed; the message says what it printed."""


def _openssl(*args: str, cwd: Path) -> None:
    binary = shutil.which("openssl")
    if binary is None:
        raise CertificateError("openssl is not installed (Debian: apt-get install openssl)")
    result = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True,
                            timeout=120, check=False)
    if result.returncode != 0:
        raise CertificateError(f"openssl {args[0]} failed: {result.stderr.strip()[-400:]}")


def _alt_names(hosts: list[str]) -> str:
    names = []
    for host in hosts:
        try:
            ipaddress.ip_address(host)
            names.append(f"IP:{host}")
        except ValueError:
            names.append(f"DNS:{host}")
    return ",".join(names)


def make_ca(folder: Path, branch: str, days: int = 3650) -> tuple[Path, Path]:
    """Create ``ca.key`` (0600) and ``ca.crt`` in ``folder`` unless they exist."""
    key, cert = folder / "ca.key", folder / "ca.crt"
    if key.exists() and cert.exists():
        return key, cert
    _openssl("req", "-x509", "-newkey", "rsa:3072", "-nodes", "-keyout", key.name,
             "-out", cert.name, "-days", str(days), "-subj", f"/CN=bank-kiosk CA {branch}",
             "-addext", "basicConstraints=critical,CA:TRUE",
             "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=folder)
    key.chmod(0o600)
    return key, cert


def make_server_certificate(folder: Path, hosts: list[str], days: int = 825) -> tuple[Path, Path]:
    """Create ``broker.key`` and ``broker.crt`` signed by the CA in ``folder``, naming ``hosts``."""
    if not hosts:
        raise CertificateError("the broker certificate needs at least one host name or address")
    key, request, cert = folder / "broker.key", folder / "broker.csr", folder / "broker.crt"
    extensions = folder / "broker.ext"
    extensions.write_text(f"subjectAltName={_alt_names(hosts)}\n"
                          "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature,"
                          "keyEncipherment\n", encoding="utf-8")
    _openssl("req", "-newkey", "rsa:3072", "-nodes", "-keyout", key.name, "-out", request.name,
             "-subj", f"/CN={hosts[0]}", cwd=folder)
    _openssl("x509", "-req", "-in", request.name, "-CA", "ca.crt", "-CAkey", "ca.key",
             "-CAcreateserial", "-out", cert.name, "-days", str(days), "-extfile",
             extensions.name, cwd=folder)
    request.unlink()
    extensions.unlink()
    key.chmod(0o600)
    return key, cert
