"""Commands beyond the core ones (fact sheets, diagrams, self-test), registered with the CLI.

Each command imports its heavy modules (Qt's renderer) only when it runs.
"""

from __future__ import annotations

from ildesk import cli
from ildesk.cli_factsheet import register as _factsheet

cli._EXTRA_COMMANDS.append(_factsheet)
from ildesk.cli_diagram import register as _diagram  # noqa: E402

cli._EXTRA_COMMANDS.append(_diagram)
from ildesk.cli_selftest import register as _selftest  # noqa: E402

cli._EXTRA_COMMANDS.append(_selftest)
