"""ildesk: an offline desktop encyclopedia of the human interleukins."""

__version__ = "0.1.0"
