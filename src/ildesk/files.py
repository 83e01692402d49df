"""Writing a file so that nothing half-written is ever left under its name.

Callers write to a temporary file in the target's folder (`tempfile.mkstemp(dir=...)`) and
then `publish` it: the finished file takes the permissions the person expects (those of the
file it replaces, or the umask's default — mkstemp's own 0600 would hide a PDF from others)
and is renamed over the target in one step.
"""

from __future__ import annotations

import os
from pathlib import Path


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def publish(tmp: Path | str, target: Path | str) -> None:
    """Give `tmp` the target's (or the default) permissions and rename it to `target`."""
    target = Path(target)
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        mode = _default_mode()
    Path(tmp).chmod(mode)
    os.replace(tmp, target)
