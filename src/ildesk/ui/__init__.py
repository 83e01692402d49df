"""The PySide6 window: widgets and Qt models only. It calls the domain packages, never SQL."""
