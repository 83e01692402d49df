"""`ActionableError`: the one shape of a failure the reader can act on.

Every error that reaches a person carries `message` (what is wrong) and `advice` (what to do),
so the command line and the window show any of them the same way:

    >>> err = ActionableError("the file is locked.", "Close the other program.")
    >>> err.message, err.advice
    ('the file is locked.', 'Close the other program.')
    >>> str(ActionableError("no such page."))
    'no such page.'
"""

from __future__ import annotations


class ActionableError(Exception):
    """A failure with `message` (what is wrong) and `advice` (what to do; may be empty)."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.advice = advice
