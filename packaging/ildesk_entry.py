"""The entry point of the packaged executable: the same as the `ildesk` command.

A link handed over by the desktop (`ildesk ildesk://IL-6`) opens that page; `main` turns it
into the `open` command itself (ildesk.launch), so that it knows the arguments came from a
link.
"""

import sys

from ildesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
