#!/usr/bin/env bash
# Show systemd's watchdog restarting a frozen kiosk, on a machine whose PID 1 is not systemd
# (a container, a CI runner): systemd 252 runs as PID 1 of its own PID, mount, network and
# host-name namespaces, starts the real deploy/systemd/bank-kiosk-kiosk.service (drop-in:
# offscreen instead of X on tty1, root instead of the kiosk user, paths of this checkout),
# the kiosk is frozen with SIGSTOP, and the log shows the watchdog firing and the restart.
#
#   sudo bash tools/watchdog-run.sh [OUT_DIR]      (default: docs/watchdog-run)
#
# Writes OUT_DIR/journal.log (the kiosk unit's journal: systemd's messages and the kiosk's log),
# OUT_DIR/steps.log (what was done, the kiosk's process ids before and after, its status)
# and OUT_DIR/systemd.log (anything printed outside the journal).
#
# It never touches the machine's own units or files: every folder systemd writes to (/run,
# /tmp, /var/tmp, /etc/systemd/system, /var/lib/bank-kiosk, the journal) is a fresh tmpfs
# inside the namespace, and only the kiosk's unit and the journal are started. Booting the
# default target instead would run systemd-tmpfiles, which empties the machine's /tmp.
# A checkout (or a Python) under /tmp or /var/tmp is bound back at its own path on top of
# the fresh tmpfs, so the run works from a clone anywhere.
#
# PYTHON (default: python3 on the PATH) is the interpreter the kiosk unit runs.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/docs/watchdog-run}")"
PYTHON="${PYTHON:-$(command -v python3)}"
PYTHON_PREFIX="$(dirname "$(dirname "$PYTHON")")"
SYSTEMD=/lib/systemd/systemd
WATCHDOG_WAIT_S=90
[ "$(id -u)" = 0 ] || { echo "run as root (namespaces and mounts)" >&2; exit 2; }
[ -x "$SYSTEMD" ] || { echo "systemd is not installed ($SYSTEMD)" >&2; exit 2; }
case "$ROOT/" in /run/*|/etc/systemd/system/*|/var/lib/bank-kiosk/*)
  echo "the checkout $ROOT is in a folder this run hides: clone it elsewhere" >&2; exit 2;;
esac
mkdir -p "$OUT"
: > "$OUT/steps.log"
step() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$OUT/steps.log"; }

# --- inside the namespaces: prepare the folders, then become PID 1 ----------------------
INSIDE=$(cat <<'EOS'
set -euo pipefail
mount --make-rprivate /
mount -t tmpfs tmpfs /run
# What lives under /tmp or /var/tmp (the checkout, a virtual environment) is kept aside
# before those are hidden, and bound back at the same path afterwards.
keep=()
for path in "$ROOT" "$PYTHON_PREFIX"; do
  case "$path/" in /tmp/*|/var/tmp/*) keep+=("$path");; esac
done
for i in "${!keep[@]}"; do mkdir -p "/run/keep/$i" && mount --rbind "${keep[$i]}" "/run/keep/$i"; done
for d in /tmp /var/tmp /etc/systemd/system; do mount -t tmpfs tmpfs "$d"; done
for i in "${!keep[@]}"; do mkdir -p "${keep[$i]}" && mount --rbind "/run/keep/$i" "${keep[$i]}"; done
mkdir -p /var/lib/bank-kiosk && mount -t tmpfs tmpfs /var/lib/bank-kiosk
# The journal of this run stays in the namespace (never the machine's own journal).
if [ -d /var/log/journal ]; then mount -t tmpfs tmpfs /var/log/journal; fi
ip link set lo up 2>/dev/null || true
echo kiosk-1 > /run/hostname && mount --bind /run/hostname /etc/hostname && hostname kiosk-1
mkdir -p /run/bank-kiosk /etc/systemd/system/bank-kiosk-kiosk.service.d
cp "$ROOT/deploy/example-branch.toml" /run/bank-kiosk/branch.toml
cp "$ROOT/deploy/systemd/bank-kiosk-kiosk.service" /etc/systemd/system/
# What this machine lacks: a tty with X, the kiosk user, the installed venv, a journal.
cat > /etc/systemd/system/bank-kiosk-kiosk.service.d/here.conf <<EOF
[Unit]
DefaultDependencies=no
[Service]
User=
Group=
PAMName=
TTYPath=
StandardInput=null
EnvironmentFile=
Environment=QT_QPA_PLATFORM=offscreen HOME=/root PYTHONPATH=$ROOT
ExecStart=
ExecStart=$PYTHON -m kiosk run --config /run/bank-kiosk/branch.toml --device kiosk-1 --data /var/lib/bank-kiosk/kiosk
EOF
# Units the real one orders itself after: absent here, so masked.
for unit in network-online.target systemd-user-sessions.service getty@tty1.service; do
  ln -s /dev/null "/etc/systemd/system/$unit"
done
cat > /etc/systemd/system/watchdog-run.target <<EOF
[Unit]
DefaultDependencies=no
Wants=systemd-journald.service bank-kiosk-kiosk.service
EOF
exec env container=watchdog-run "$SYSTEMD" --system --unit=watchdog-run.target \
  --log-target=journal --log-level=info --show-status=no
EOS
)

step "starting systemd ($("$SYSTEMD" --version | head -1)) in its own namespaces"
ROOT="$ROOT" PYTHON="$PYTHON" PYTHON_PREFIX="$PYTHON_PREFIX" SYSTEMD="$SYSTEMD" \
  unshare --pid --fork --mount --net --uts --mount-proc bash -c "$INSIDE" \
  > "$OUT/systemd.log" 2>&1 &
UNSHARE=$!
cleanup() { [ -n "${PID1:-}" ] && kill -9 "$PID1" 2>/dev/null; wait "$UNSHARE" 2>/dev/null || true; }
trap cleanup EXIT

PID1=""
for _ in $(seq 100); do
  PID1=$(pgrep -P "$UNSHARE" -x systemd || true)
  [ -n "$PID1" ] && break
  sleep 0.1
done
[ -n "$PID1" ] || { step "systemd did not start"; cat "$OUT/systemd.log"; exit 1; }
in_ns() { nsenter -t "$PID1" -p -m -n -u -- "$@"; }
main_pid() { in_ns systemctl show -p MainPID --value bank-kiosk-kiosk.service 2>/dev/null || echo 0; }
active() { [ "$(in_ns systemctl is-active bank-kiosk-kiosk.service 2>/dev/null)" = active ]; }

wait_active() {
  for _ in $(seq "$((WATCHDOG_WAIT_S * 10))"); do active && return 0; sleep 0.1; done
  return 1
}
wait_active || { step "the kiosk never became active"; exit 1; }
FIRST=$(main_pid)
step "kiosk active (READY=1 from its window), main PID $FIRST in the namespace;" \
     "$(in_ns systemctl show -p WatchdogUSec bank-kiosk-kiosk.service)"
sleep 3
step "freezing the kiosk: kill -STOP $FIRST (no more pings from its GUI thread)"
in_ns kill -STOP "$FIRST"
SECOND=0
for _ in $(seq "$((WATCHDOG_WAIT_S * 10))"); do
  SECOND=$(main_pid)
  if [ "$SECOND" != 0 ] && [ "$SECOND" != "$FIRST" ] && active; then break; fi
  sleep 0.1
done
if [ "$SECOND" = 0 ] || [ "$SECOND" = "$FIRST" ]; then
  step "NOT restarted within ${WATCHDOG_WAIT_S} s"; exit 1
fi
step "restarted by systemd: new main PID $SECOND, active again;" \
     "$(in_ns systemctl show -p NRestarts bank-kiosk-kiosk.service)"
in_ns systemctl status --no-pager bank-kiosk-kiosk.service >> "$OUT/steps.log" 2>&1 || true
in_ns journalctl --no-pager -o short-precise -u bank-kiosk-kiosk.service \
  > "$OUT/journal.log" 2>&1 || true
step "stopping systemd"
