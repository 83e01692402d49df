"""A writer process for the crash tests.

    python userdata_writer.py DB PREFIX START COUNT   write COUNT notes and bookmarks
    python userdata_writer.py --zygote                 fork writers on command (POSIX)

It writes numbered notes and bookmarks and reports `note ID` / `bookmark ID` only after each
write's commit has returned, so every reported id must survive a SIGKILL. The zygote pays for
the imports once and forks a fresh writer process for each `go DB PREFIX START OUTFILE` line
(answering its pid; the writer reports into OUTFILE); `wait PID` reaps one and answers its
status. Nothing is opened before a fork, so each writer has its own connections.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from ildesk.userdata import UserStore


def write(db: str, prefix: str, start: int, count: int, emit: Callable[[str], None]) -> None:
    store = UserStore(db)
    emit("ready")
    for i in range(start, start + count):
        page = f"{prefix}-{i}"
        store.notes.save(page, f"note number {i} from {prefix} " + "x" * (i % 50), page)
        emit(f"note {page}")
        store.bookmarks.add(page, f"Page {i}", tags=[prefix, f"t{i % 5}"])
        emit(f"bookmark {page}")
        store.history.record(page, f"Page {i}")
    emit("done")


def _child(db: str, prefix: str, start: int, out: str) -> None:
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def emit(text: str) -> None:
        os.write(fd, (text + "\n").encode())  # unbuffered: in the kernel once written

    write(db, prefix, start, 1_000_000, emit)


def zygote() -> None:
    for line in sys.stdin:
        cmd = line.split()
        if cmd and cmd[0] == "go":
            db, prefix, start, out = cmd[1], cmd[2], int(cmd[3]), cmd[4]
            pid = os.fork()
            if pid == 0:
                try:
                    _child(db, prefix, start, out)
                finally:
                    os._exit(0)
            print(pid, flush=True)
        elif cmd and cmd[0] == "wait":
            print(os.waitpid(int(cmd[1]), 0)[1], flush=True)


def main() -> None:
    if sys.argv[1:] == ["--zygote"]:
        zygote()
        return
    db, prefix, start, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    write(db, prefix, start, count, lambda text: print(text, flush=True))


if __name__ == "__main__":
    main()
