"""The quitting benchmark's child: `ildesk open IL-6 --quit-after-paint`, printing the wall
clock (time.time) to standard error the moment the application is told to quit, so that the
parent can time quit → process gone."""

from __future__ import annotations

import sys
import time

from PySide6.QtWidgets import QApplication

from ildesk.cli import main
from ildesk.ui import app as ui_app


class _Stamped(ui_app._FirstPaint):
    def _check(self) -> None:
        if self.painted and not self.done and self.window.model.rowCount() > 0:
            self.done = True
            sys.stderr.write(f"ILDESK-QUIT {time.time()!r}\n")
            sys.stderr.flush()
            QApplication.quit()


ui_app._FirstPaint = _Stamped  # type: ignore[misc]

if __name__ == "__main__":
    sys.exit(main(["open", "IL-6", "--quit-after-paint"]))
