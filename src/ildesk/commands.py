"""Commands beyond the core ones (fact sheets, diagrams, self-test), registered with the CLI.

Each command imports its heavy modules (Qt's renderer) only when it runs.
"""

from __future__ import annotations
