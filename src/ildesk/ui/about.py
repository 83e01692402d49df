"""The About box: what ildesk is, its data version and the sources and licences of its data.

The text is rich text written here; the two values read from the content database (`meta`:
data version, build time) are escaped, so a crafted database shows them as plain text, and
the box opens no link of any kind.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ildesk import __version__
from ildesk.wording import short_date

SOURCES = [
    ("HGNC", "gene symbols, names, HGNC IDs, cytogenetic bands", "free to use, no restrictions"),
    ("NCBI Gene", "gene identifiers and locations", "US public domain"),
    ("UniProt", "protein accessions and precursor lengths", "CC BY 4.0"),
    ("Cell Ontology", "cell type names, CL identifiers, is-a hierarchy", "CC BY 4.0"),
    ("MONDO and MeSH", "disease identifiers", "CC BY 4.0 (MONDO); NLM terms (MeSH)"),
    ("FDA and EMA labels", "drug approvals, indications, warnings", "public regulatory records"),
    ("PubMed", "references", "citations only; articles belong to their publishers"),
]


def about_html(meta: dict[str, str]) -> str:
    rows = "".join(f"<tr><td><b>{n}</b></td><td>{what}</td><td><i>{lic}</i></td></tr>"
                   for n, what, lic in SOURCES)
    return (f"<h3>ildesk {__version__}</h3>"
            "<p>An offline encyclopedia of the human interleukins: articles, signalling "
            "diagrams and printable fact sheets. It never uses the network (printing asks "
            "your computer's own print service, CUPS, for its printers); outside links open "
            "in your browser only when you click them.</p>"
            + (f"<p>Content checked up to {escape(short_date(meta['content_date']))}. "
               if meta.get("content_date") else "<p>") +
            f"Data version {escape(str(meta.get('data_version', '?')))}, built "
            f"{escape(str(meta.get('built_at', '?')))}.</p>"
            "<p>The facts were checked against these sources; all text is ildesk's own:</p>"
            f"<table cellspacing='4'>{rows}</table>"
            "<p>Built with Qt for Python (PySide6, LGPLv3), SQLAlchemy (MIT) and SQLite "
            "(public domain).</p><p><b>Not medical advice.</b> Check the current product "
            "label before prescribing.</p>")


def show_about(parent: QWidget, meta: dict[str, str]) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle("About ildesk")
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setText(about_html(meta))
    box.setAccessibleName("About ildesk")
    for label in box.findChildren(QLabel):
        label.setOpenExternalLinks(False)
    box.exec()
