"""Drawing diagrams and fact sheets to the screen, SVG, PNG, PDF and printers (QtGui only)."""
