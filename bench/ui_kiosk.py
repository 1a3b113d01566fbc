"""The kiosk window on its own: tap → visible response on every screen, speech start per
language, and memory over many screen changes.

The kiosk (``bench.ui_kiosk_process``: the product's window, real speech service) runs
offscreen, connected to Mosquitto and the hub with a console online, as in a branch.

- **Taps**: on every screen, every visible control is touched (a press and a release) from
  that screen, several rounds; the figure is release → end of the next repaint of the
  window. The press's own repaint (the pressed look) is reported apart.
- **Speech**: per language, "settings" is touched on the home screen; screen painted →
  playback of its reading started (the first run of a language synthesises, the others hit
  the cache).
- **Memory**: screen changes through the real buttons (home ↔ settings), RSS before and
  after, in a second kiosk process whose player ends at once (thousands of changes would
  otherwise spawn thousands of silent players).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.branch import HubRunner, console_ids, write_branch, write_hub_secrets
from bench.brokers import BenchBroker
from bench.help_latency import wait_for
from bench.line_process import LineProcess
from bench.report import BenchResult, Figure, Target, not_measured
from bench.stats import median, summarise
from kiosk.core.config import load_config
from kiosk.net.headless import headless_console

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
TAP_P95_MS = 50.0
SCREENS_RSS_MIB = 10.0
SCREENS_TARGET_COUNT = 10_000
SCREENS_WARM_UP = 100
"""Changes before the first RSS reading: the first visits load fonts and fill caches."""
LANGUAGES = ("zh_CN", "en")


def run(work_dir: Path, tap_rounds: int, speech_runs: int, screen_changes: int
        ) -> list[BenchResult]:
    taps = BenchResult("bench.ui_kiosk.taps", "Tap → visible response on every kiosk screen")
    speech = BenchResult("bench.ui_kiosk.speech", "Speech start per language: screen shown "
                         "→ playback started")
    memory = BenchResult("bench.ui_kiosk.screens", f"Kiosk memory over {screen_changes:,} "
                         "screen changes")
    stops: list[Callable[[], None]] = []
    try:
        broker = BenchBroker("mosquitto", work_dir / "broker").start()
        stops.append(broker.stop)
        config_path = write_branch(work_dir / "branch", broker.port, kiosks=2, consoles=2)
        hub = HubRunner(config_path, work_dir / "branch" / "hub-data",
                        write_hub_secrets(work_dir / "branch")).start()
        stops.append(hub.stop)
        config = load_config(config_path)
        console = headless_console(config, console_ids(2)[0], work_dir / "console").start()
        stops.append(console.stop)
        wait_for(lambda: console.link.connected, "the console connected")

        kiosk = _kiosk(work_dir, config_path, "silent", "kiosk-1")
        stops.append(kiosk.stop)
        for language in LANGUAGES:  # first, while nothing is in the synthesis cache
            _speech(speech, language, kiosk.ask(f"speech {language} {speech_runs}", "speech",
                                                300))
        _taps(taps, kiosk.ask(f"taps {tap_rounds}", "taps", 600))
        kiosk.stop()
        if screen_changes > 0:
            changer = _kiosk(work_dir, config_path, "instant", "kiosk-2")
            stops.append(changer.stop)
            _screens(memory, changer.ask(f"screens {screen_changes} {SCREENS_WARM_UP}",
                                         "screens", 3600), screen_changes)
            changer.stop()
        else:
            memory.add(not_measured("screens_rss_growth", "kiosk RSS growth", "MiB",
                                    "--screen-changes 0", Target("<=", SCREENS_RSS_MIB)))
    finally:
        for stop in reversed(stops):
            stop()
    return [taps, speech, memory]


def _kiosk(work_dir: Path, config_path: Path, player: str, kiosk_id: str) -> LineProcess:
    process = LineProcess(kiosk_id, ["bench.ui_kiosk_process", str(config_path), kiosk_id,
                                     str(work_dir / kiosk_id), player, "connect"],
                          work_dir / f"{kiosk_id}.log", OFFSCREEN)
    process.wait_for(lambda e: e.get("event") == "ready", 90, f"{kiosk_id} ready")
    return process


def _taps(result: BenchResult, answer: dict[str, Any]) -> None:
    by_control: dict[str, list[float]] = answer["ms"]
    every = [ms for samples in by_control.values() for ms in samples]
    overall = summarise(every)
    result.add(Figure("taps_p95", f"release → next repaint, p95 over {overall.count} taps on "
                      f"{len({k.split(':')[0] for k in by_control})} screens", overall.p95,
                      "ms", Target("<=", TAP_P95_MS)))
    result.add(Figure("taps_p50", "release → next repaint, p50", overall.p50, "ms"))
    screens: dict[str, list[float]] = {}
    for key, samples in by_control.items():
        screens.setdefault(key.split(":")[0], []).extend(samples)
    for screen, samples in screens.items():
        result.add(Figure(f"taps_{screen}_p95", f"{screen} screen: release → next repaint, p95",
                          summarise(samples).p95, "ms", Target("<=", TAP_P95_MS)))
    slowest = sorted(((median(v), k) for k, v in by_control.items()), reverse=True)[:5]
    result.add(Figure("taps_press_p95", "press → pressed look painted, p95",
                      summarise(answer["press_ms"]).p95, "ms"))
    result.add(Figure("taps_no_paint", "taps after which nothing was repainted within 2 s",
                      float(sum(answer["no_paint"].values())), "count", Target("==", 0)))
    result.details.update({
        "by_control_ms": {k: summarise(v).as_dict() for k, v in sorted(by_control.items())},
        "slowest_controls_median_ms": [[k, round(v, 1)] for v, k in slowest],
        "no_paint": answer["no_paint"]})
    result.notes.append("Controls whose action leaves the screen (Home, Back, a setting that "
                        "re-lays out every text) count as much as those that only change a "
                        "label: the customer waits for either.")


def _speech(result: BenchResult, language: str, answer: dict[str, Any]) -> None:
    """The screen is shown inside the tap's handler, which also hands its text to the
    speech service; so the tap is the moment the screen was shown (its paint follows
    within milliseconds, and a cached reading may start before that paint ends)."""
    runs = answer["runs"]
    started = [(r["audio_started"] - r["tapped"]) * 1000 for r in runs
               if r.get("audio_started")]
    if not started:
        result.add(not_measured(f"speech_{language}", f"{language}: screen shown → playback "
                                "started", "ms", "no playback started"))
        return
    result.add(Figure(f"speech_{language}_first", f"{language}: screen shown → playback "
                      "started, first time (synthesised)", started[0], "ms"))
    rest = started[1:] or started
    result.add(Figure(f"speech_{language}_p50", f"{language}: screen shown → playback started, "
                      f"p50 of the next {len(rest)} (from the cache)", median(rest), "ms"))
    result.add(Figure(f"speech_{language}_max", f"{language}: screen shown → playback started, "
                      "worst", max(started), "ms"))
    result.details[language] = {"tap_to_audio_ms": [round(v, 1) for v in started],
                                "missing": len(runs) - len(started),
                                "painted_after_tap_ms": [
                                    round((r["painted"] - r["tapped"]) * 1000, 1)
                                    for r in runs if r.get("painted")],
                                "text": runs[0].get("text")}


def _screens(result: BenchResult, answer: dict[str, Any], count: int) -> None:
    growth = answer["rss_after_mib"] - answer["rss_before_mib"]
    full = count >= SCREENS_TARGET_COUNT
    result.add(Figure("screens_rss_growth", f"kiosk RSS growth over {count:,} screen changes "
                      f"(after {answer['warm_up']} warm-up ones; start "
                      f"{answer['rss_before_mib']:.0f} MiB)", growth, "MiB",
                      Target("<=", SCREENS_RSS_MIB) if full else None,
                      note="" if full else f"target is for {SCREENS_TARGET_COUNT:,} changes: "
                      "run `python -m bench --only ui-kiosk --screen-changes 10000`"))
    result.add(Figure("screens_change_ms", "time per screen change (touch → new screen shown "
                      "and painted)", answer["seconds"] / count * 1000, "ms"))
    result.details.update({"count": count, "warm_up": answer["warm_up"],
                           "seconds": round(answer["seconds"], 1),
                           "rss_before_mib": round(answer["rss_before_mib"], 1),
                           "rss_after_mib": round(answer["rss_after_mib"], 1)})
