"""Benchmarks of the figures in "Performance targets" (DESIGN.md), written to a report.

Run everything with ``python -m bench``; each module measures one thing against real
processes (Mosquitto, the hub, the kiosk and console programs) and, where a baseline exists,
measures the baseline in the same run so the report can give ratios that survive a noisy
machine. Figures live in ``bench/reports/``, never in timing assertions in the tests.
"""
