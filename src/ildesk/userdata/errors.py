"""The one error the user library raises: `UserDataError(message, advice)`."""

from __future__ import annotations

from ildesk.errors import ActionableError


class UserDataError(ActionableError):
    """Your library cannot be read or saved; `message` says why, `advice` what to do.
    `notices` carries what was already done and must still be told (e.g. a file set aside)."""

    def __init__(self, message: str, advice: str = "") -> None:
        super().__init__(message, advice)
        self.notices: list[str] = []

    def __str__(self) -> str:
        return f"{self.message} {self.advice}".strip()
