"""What an article page says, as HTML for QTextBrowser (no Qt here)."""
