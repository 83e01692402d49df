"""`python -m ildesk` is the same as the `ildesk` command."""

import sys

from ildesk.cli import main

sys.exit(main())
