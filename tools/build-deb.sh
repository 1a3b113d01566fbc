#!/usr/bin/env bash
# Builds the Debian package: dist/bank-kiosk_<version>-<revision>_<arch>.deb
#
#   bash tools/build-deb.sh            (Debian 12 with python3-venv and dpkg-dev; no root)
#
# The package carries the product's wheel and every wheel it needs (downloaded from PyPI
# once, here, and kept in WHEEL_CACHE), the systemd units, the kiosk session scripts and
# the maintainer scripts. Installing it needs no PyPI: its postinst makes the program's own
# virtual environment in /opt/bank-kiosk with Debian's /usr/bin/python3 from those wheels
# alone. Why it is built this way: docs/decisions/0019-debian-package.md.
#
#   WHEEL_CACHE   where downloaded wheels are kept between builds (default: build/wheel-cache)
#   DEB_REVISION  the Debian revision (default: 1)
#   OUT           the folder for the .deb (default: dist)
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT=$PWD
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || { echo "Debian's python3 is needed: apt-get install python3 python3-venv" >&2; exit 2; }
command -v dpkg-deb > /dev/null || { echo "dpkg-deb is needed: apt-get install dpkg-dev" >&2; exit 2; }
VERSION=$("$PYTHON" -c 'import re,sys; print(re.search(r"__version__ = \"(.+)\"", open("kiosk/__init__.py").read()).group(1))')
REVISION=${DEB_REVISION:-1}
ARCH=$(dpkg --print-architecture)
WHEEL_CACHE=$(realpath -m "${WHEEL_CACHE:-build/wheel-cache}")
OUT=$(realpath -m "${OUT:-dist}")
WORK=$CHECKOUT/build/deb
STAGE=$WORK/bank-kiosk_${VERSION}-${REVISION}_${ARCH}
DEB=$OUT/bank-kiosk_${VERSION}-${REVISION}_${ARCH}.deb
rm -rf "$WORK" && mkdir -p "$WORK" "$WHEEL_CACHE" "$OUT"

echo "== wheels (Debian's $("$PYTHON" --version), cache $WHEEL_CACHE)"
"$PYTHON" -m venv "$WORK/build-venv"
"$WORK/build-venv/bin/python" -m pip install --quiet --upgrade pip
"$WORK/build-venv/bin/python" -m pip wheel --quiet --no-deps -w "$WORK/product" .
PRODUCT=$(ls "$WORK"/product/bank_kiosk-"$VERSION"-*.whl)
# Only what is missing from the cache is downloaded (wheels with the product's pins).
"$WORK/build-venv/bin/python" -m pip wheel --quiet --find-links "$WHEEL_CACHE" \
  -w "$WHEEL_CACHE" "$PRODUCT"
WHEELS=$STAGE/usr/share/bank-kiosk/wheels
mkdir -p "$WHEELS"
cp "$PRODUCT" "$WHEELS/"
# Exactly the wheels the product needs: resolve it offline against the cache.
"$WORK/build-venv/bin/python" -m pip download --quiet --no-index --find-links "$WHEEL_CACHE" \
  -d "$WORK/needed" "$PRODUCT"
find "$WORK/needed" -name '*.whl' ! -name 'bank_kiosk-*' -exec cp {} "$WHEELS/" \;

echo "== files"
install -d "$STAGE/DEBIAN" "$STAGE/lib/systemd/system" "$STAGE/usr/lib/systemd/user" \
  "$STAGE/usr/share/bank-kiosk/session" "$STAGE/usr/share/doc/bank-kiosk/examples" \
  "$STAGE/usr/bin" "$STAGE/etc/bank-kiosk" "$STAGE/usr/share/lintian/overrides"
for unit in hub kiosk display; do
  install -m 0644 "deploy/systemd/bank-kiosk-$unit.service" "$STAGE/lib/systemd/system/"
done
install -m 0644 deploy/systemd/bank-kiosk-console.service "$STAGE/usr/lib/systemd/user/"
install -m 0755 deploy/systemd/kiosk-session deploy/systemd/kiosk-x-client \
  "$STAGE/usr/share/bank-kiosk/session/"
install -m 0644 deploy/debian/environment "$STAGE/etc/bank-kiosk/environment"
install -m 0644 deploy/example-branch.toml "$STAGE/usr/share/doc/bank-kiosk/examples/"
install -m 0644 docs/install.md docs/kiosk-mode.md docs/configuration.md \
  docs/troubleshooting.md "$STAGE/usr/share/doc/bank-kiosk/"
install -m 0644 deploy/debian/copyright "$STAGE/usr/share/doc/bank-kiosk/copyright"
install -m 0644 deploy/debian/lintian-overrides "$STAGE/usr/share/lintian/overrides/bank-kiosk"
ln -s /opt/bank-kiosk/bin/kiosk "$STAGE/usr/bin/bank-kiosk"
install -d "$STAGE/usr/share/man/man1"
gzip -9n < deploy/debian/bank-kiosk.1 > "$STAGE/usr/share/man/man1/bank-kiosk.1.gz"
{
  echo "bank-kiosk ($VERSION-$REVISION) bookworm; urgency=medium"
  echo
  echo "  * Release $VERSION, built from $(git log -1 --format=%h 2>/dev/null || echo 'a checkout')."
  echo
  echo " -- Bank kiosk maintainers <dev@bank-kiosk.invalid>  $(date -R -u -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")"
} | gzip -9n > "$STAGE/usr/share/doc/bank-kiosk/changelog.Debian.gz"
gzip -9n "$STAGE/usr/share/doc/bank-kiosk/"*.md

for script in postinst prerm postrm; do
  install -m 0755 "deploy/debian/$script" "$STAGE/DEBIAN/$script"
done
echo /etc/bank-kiosk/environment > "$STAGE/DEBIAN/conffiles"
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION-$REVISION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
  deploy/debian/control > "$STAGE/DEBIAN/control"
(cd "$STAGE" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z \
  | xargs -0 md5sum > DEBIAN/md5sums)

echo "== package"
# The wheels are zip files already: gzip, not xz, keeps the build quick for the same size.
dpkg-deb --root-owner-group -Zgzip --build "$STAGE" "$DEB" > /dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1))"
if command -v lintian > /dev/null; then
  echo "== lintian"
  # Tags overridden, each with its reason: deploy/debian/lintian-overrides.
  lintian --fail-on error,warning "$DEB" || { echo "lintian: see above" >&2; exit 1; }
fi
