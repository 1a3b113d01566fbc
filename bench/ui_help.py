"""Help latency end to end: a touch on the real kiosk's help button → the alarm row painted
on the real console, in another process; and what the kiosk itself shows and says.

Four processes and a broker: Mosquitto, the hub (``python -m kiosk hub``), the kiosk window
(``bench.ui_kiosk_process``, real speech service) and the console window
(``bench.ui_console_process``, a member of staff signed in through the hub), both offscreen.
A second console, headless in this process, closes each call once the first console has
painted it, as staff would, and the kiosk shows the close before the next touch.

The baseline is bare paho publish → receive through the same broker, in the same run. The
same run gives the kiosk's own figures (touch → help screen painted, → speech asked for, →
playback started) and the memory of both programs across all the calls.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench import mqtt_baseline
from bench.branch import STAFF_PINS, HubRunner, console_ids, write_branch, write_hub_secrets
from bench.brokers import BenchBroker
from bench.help_latency import wait_for
from bench.line_process import Event, LineProcess
from bench.procstat import rss_bytes
from bench.profiling import Recording
from bench.report import BenchResult, Figure, Target
from bench.staff_sign_in import sign_in
from bench.stats import summarise
from kiosk.core.config import load_config
from kiosk.core.help.events import Outcome
from kiosk.net.headless import headless_console

OFFSCREEN = {"QT_QPA_PLATFORM": "offscreen"}
ALARM_P50_MS = 20.0
ALARM_P99_MS = 50.0
SHOWN_P99_MS = 50.0
AUDIO_P99_MS = 150.0
WARM_UP_CALLS = 5


def _mib(pid: int) -> float:
    return rss_bytes(pid) / 1024 / 1024


def run(work_dir: Path, calls: int, profile: bool = False) -> BenchResult:
    """``profile``: record the kiosk's and the console's GUI threads and the hub with py-spy
    during the calls (:mod:`bench.profiling`)."""
    result = BenchResult("bench.ui_help", "Help end to end: touch on the kiosk's help button → "
                         "alarm row painted on the console (real windows, real hub, "
                         "Mosquitto)")
    stops: list[Callable[[], None]] = []
    try:
        broker = BenchBroker("mosquitto", work_dir / "broker").start()
        stops.append(broker.stop)
        config_path = write_branch(work_dir / "branch", broker.port, kiosks=2, consoles=2)
        hub = HubRunner(config_path, work_dir / "branch" / "hub-data",
                        write_hub_secrets(work_dir / "branch")).start()
        stops.append(hub.stop)
        config = load_config(config_path)
        lobby, closer_id = console_ids(2)
        console = LineProcess("console", ["bench.ui_console_process", str(config_path), lobby,
                                          str(work_dir / "console")],
                              work_dir / "console.log", OFFSCREEN)
        stops.append(console.stop)
        kiosk = LineProcess("kiosk", ["bench.ui_kiosk_process", str(config_path), "kiosk-1",
                                      str(work_dir / "kiosk"), "silent", "connect"],
                            work_dir / "kiosk.log", OFFSCREEN)
        stops.append(kiosk.stop)
        closer = headless_console(config, closer_id, work_dir / closer_id).start()
        stops.append(closer.stop)
        ready = console.wait_for(lambda e: e.get("event") == "ready", 90, "console ready")
        kiosk.wait_for(lambda e: e.get("event") == "ready", 90, "kiosk ready")
        wait_for(lambda: closer.link.connected, "the closing console connected")
        sign_in(closer, "li-ming", STAFF_PINS["li-ming"])
        if not ready.get("signed_in"):
            result.notes.append("The console could not sign in; it showed calls unstaffed.")

        baseline = mqtt_baseline.measure(broker.host, broker.port, max(calls, 500))
        recordings = [Recording("kiosk", kiosk.process.pid, work_dir, gui_thread=True),
                      Recording("console", console.process.pid, work_dir, gui_thread=True),
                      Recording("hub", hub.pid, work_dir, gui_thread=False)] if profile else []
        for recording in recordings:
            stops.append(recording.start().abandon)
        samples: list[dict[str, Any]] = []
        rss: dict[str, float] = {}
        for n in range(calls + WARM_UP_CALLS):
            if n == WARM_UP_CALLS:
                rss = {"kiosk_start": _mib(kiosk.process.pid),
                       "console_start": _mib(console.process.pid)}
            tapped = kiosk.ask("tap-help", "help", 30)
            call_id = tapped["call_id"]
            if call_id is None:
                raise RuntimeError("the touch raised no call")
            painted = console.wait_for(partial(_is_event, "painted", call_id), 30,
                                       "the alarm row")
            if n >= WARM_UP_CALLS:
                samples.append({**tapped, "console_painted": painted["at"]})
            wait_for(partial(closer.client.calls.__contains__, call_id),
                     "the call at the 2nd console")
            refused = closer.call(partial(closer.client.resolve, call_id, "li-ming",
                                          Outcome.HELPED))
            if refused is not None:
                raise RuntimeError(f"could not close the call: {refused}")
            kiosk.wait_for(partial(_is_event, "closed", call_id), 30,
                           "the kiosk showing the close")
        rss.update(kiosk_end=_mib(kiosk.process.pid), console_end=_mib(console.process.pid))
        result.profiles = [recording.stop().as_dict() for recording in recordings]
        _report(result, samples, baseline, rss)
    finally:
        for stop in reversed(stops):
            stop()
    return result


def _is_event(name: str, call_id: str, event: Event) -> bool:
    return event.get("event") == name and event.get("call_id") == call_id


def _ms(samples: list[Event], start: str, end: str) -> list[float]:
    return [(s[end] - s[start]) * 1000 for s in samples
            if s.get(end) is not None and s.get(start) is not None]


def _report(result: BenchResult, samples: list[Event], baseline: list[float],
            rss: dict[str, float]) -> None:
    alarm = summarise(_ms(samples, "tapped", "console_painted"))
    base = summarise(baseline)
    result.add(Figure("ui_help_alarm_p50", "touch help on the kiosk → alarm row painted on the "
                      "console, p50", alarm.p50, "ms", Target("<=", ALARM_P50_MS),
                      baseline=base.p50, baseline_label="bare paho one-way", network=True))
    result.add(Figure("ui_help_alarm_p99", "touch help on the kiosk → alarm row painted on the "
                      "console, p99", alarm.p99, "ms", Target("<=", ALARM_P99_MS),
                      baseline=base.p99, baseline_label="bare paho one-way", network=True))
    shown = _ms(samples, "tapped", "painted")
    if shown:
        shown_s = summarise(shown)
        result.add(Figure("ui_help_shown_p99", "touch help → kiosk's help screen painted, p99",
                          shown_s.p99, "ms", Target("<=", SHOWN_P99_MS)))
    asked = _ms(samples, "tapped", "speech_requested")
    if asked:
        result.add(Figure("ui_help_speech_asked_p99", "touch help → \"calling staff\" given "
                          "to the speech service, p99", summarise(asked).p99, "ms"))
    audio = _ms(samples, "tapped", "audio_started")
    if audio:
        audio_s = summarise(audio)
        result.add(Figure("ui_help_audio_p50", "touch help → speech playback started, p50",
                          audio_s.p50, "ms"))
        result.add(Figure("ui_help_audio_p99", "touch help → speech playback started, p99",
                          audio_s.p99, "ms", Target("<=", AUDIO_P99_MS)))
    result.add(Figure("ui_help_audio_missing", "touches with no playback started within 3 s",
                      float(len(samples) - len(audio)), "count", Target("==", 0)))
    calls = len(samples) + WARM_UP_CALLS
    result.add(Figure("ui_help_kiosk_rss_growth", f"kiosk RSS growth over {len(samples)} help "
                      f"calls (start {rss['kiosk_start']:.0f} MiB)",
                      rss["kiosk_end"] - rss["kiosk_start"], "MiB"))
    result.add(Figure("ui_help_console_rss_growth", f"console RSS growth receiving "
                      f"{len(samples)} calls (start {rss['console_start']:.0f} MiB)",
                      rss["console_end"] - rss["console_start"], "MiB"))
    result.details.update({
        "calls": len(samples), "warm_up_calls": WARM_UP_CALLS, "rss_mib": rss,
        "alarm_ms": alarm.as_dict(), "baseline_one_way_ms": base.as_dict(),
        "shown_ms": summarise(shown).as_dict() if shown else None,
        "speech_asked_ms": summarise(asked).as_dict() if asked else None,
        "audio_ms": summarise(audio).as_dict() if audio else None,
        "alarm_ms_by_call": [round(v, 2) for v in _ms(samples, "tapped", "console_painted")],
        "speech_texts": sorted({str(s.get("speech_text")) for s in samples})[:5]})
    result.notes.append(
        f"{calls} touches ({WARM_UP_CALLS} warm-up ones not counted), one at a time; each call "
        "is closed at a second console and the kiosk shows the close before the next touch. "
        "The touch is timed from the release that completes it (QTest touch events on the "
        "kiosk window); the help screen is painted when the repaint that shows the new call "
        "(not the last one's close) is drawn; playback start is when the player process was "
        "spawned (`sleep` for the WAV's length: this machine has no sound card, and a "
        "kiosk's player, aplay, is as small a program).")
