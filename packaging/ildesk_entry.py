"""The entry point of the packaged executable: the same as the `ildesk` command.

A link handed over by the desktop (`ildesk ildesk://IL-6`) opens that page.
"""

import sys

from ildesk.cli import main
from ildesk.launch import translate_url_args

if __name__ == "__main__":
    sys.exit(main(translate_url_args(sys.argv[1:])))
