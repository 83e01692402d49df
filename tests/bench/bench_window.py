"""In-process window benchmarks: keystroke to result list, diagram layout and scene.

Needs a QApplication (offscreen); the user folder points at a temporary one.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.bench.harness import Report, Result, median, p95, timed

TYPED = "interleukin 6"


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def keystrokes(report: Report, db: Path, rounds: int = 8) -> None:
    """Type TYPED one character at a time; time from the key event to `results_shown` with
    the answer for the text in the field."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest

    from ildesk.db.engine import open_content
    from ildesk.search import Searcher
    from ildesk.ui.main_window import MainWindow

    app = _app()
    content = open_content(db)
    window = MainWindow(content, Searcher(db))
    window.show()
    field = window.search_field
    state: dict[str, Any] = {"want": None, "at": None}
    loop = QEventLoop()

    def shown(result: Any) -> None:
        if state["want"] is not None and field.text() == state["want"]:
            state["at"] = time.perf_counter()
            loop.quit()

    window.results_shown.connect(shown)

    def wait_for(text: str) -> float | None:
        if state["at"] is None:
            timer = QTimer()
            timer.setSingleShot(True)
            timer.timeout.connect(loop.quit)
            timer.start(5000)
            loop.exec()
            timer.stop()
        return state["at"]

    latencies: list[float] = []
    per_prefix: dict[str, list[float]] = {}
    timeouts = 0
    for round_no in range(rounds + 1):  # the first round warms caches and is not counted
        state.update(want="", at=None)
        field.clear()
        if field.text() == "" and window.last_result is not None:
            wait_for("")
        app.processEvents()
        warm = round_no == 0
        typed = ""
        for ch in TYPED:
            typed += ch
            state.update(want=typed, at=None)
            t0 = time.perf_counter()
            QTest.keyClick(field, ch if ch != " " else Qt.Key.Key_Space)
            at = wait_for(typed)
            if at is None:
                timeouts += 1
                continue
            if not warm:
                latencies.append((at - t0) * 1e3)
                per_prefix.setdefault(typed, []).append((at - t0) * 1e3)
    window.close()
    window.bg.wait(5000)
    window.deleteLater()
    app.processEvents()
    content.close()
    med, worst = median(latencies), max(latencies)
    slow = sorted(((median(v), k) for k, v in per_prefix.items() if v), reverse=True)[:3]
    report.add(Result("keystroke → result list (median)", med, "ms", goal="≤ 16 ms",
                      met=med <= 16, median=med, p95=p95(latencies), n=len(latencies),
                      note=f"{len(TYPED)} keys × {rounds} rounds" +
                           (f", {timeouts} timed out" if timeouts else ""),
                      extra={"per_prefix_median_ms": {k: round(v, 2) for v, k in slow}}))
    report.add(Result("keystroke → result list (worst)", worst, "ms", goal="≤ 50 ms",
                      met=worst <= 50 and not timeouts, median=med, p95=p95(latencies),
                      n=len(latencies),
                      note="slowest prefixes: " + ", ".join(f"{k!r} {v:.0f}" for v, k in slow)))


def diagram(report: Report, db: Path) -> None:
    try:
        from ildesk.diagram.layout import layout_interleukin
        from ildesk.ui.diagram_panel import DiagramPanel
    except ImportError as exc:
        report.skip("diagram layout + scene", f"not available ({exc})")
        return
    from ildesk.db import pages
    from ildesk.db.engine import open_content

    _app()
    with open_content(db) as content:
        labels = pages.labels(content)
        ids = [p["id"] for p in pages.list_pages(content, "interleukin")]
        all_pages = {i: pages.page(content, i) for i in ids}
    panel = DiagramPanel()
    panel.resize(700, 600)
    panel.show()
    panel.set_names(labels)
    il6 = all_pages["il-6"]
    lay = timed(lambda: layout_interleukin(il6, labels), repeat=50, warmup=3)
    scene = timed(lambda: panel.set_interleukin(il6), repeat=50, warmup=3)
    per_il = {i: median(timed(lambda p=p: panel.set_interleukin(p), repeat=7, warmup=1)) * 1e3
              for i, p in all_pages.items()}
    worst_id = max(per_il, key=lambda k: per_il[k])
    med = median(scene) * 1e3
    report.add(Result("diagram layout IL-6 (layout_interleukin)", median(lay) * 1e3, "ms",
                      median=median(lay) * 1e3, p95=p95(lay) * 1e3, n=len(lay)))
    report.add(Result("diagram layout + scene IL-6 (set_interleukin)", med, "ms",
                      goal="≤ 10 ms", met=med <= 10, median=med, p95=p95(scene) * 1e3,
                      n=len(scene)))
    worst = per_il[worst_id]
    report.add(Result("diagram layout + scene, slowest interleukin", worst, "ms",
                      goal="≤ 10 ms", met=worst <= 10, median=median(per_il.values()),
                      note=f"{worst_id}; median over {len(per_il)} interleukins "
                           f"{median(per_il.values()):.1f} ms"))
    panel.deleteLater()
