"""What a fact sheet says: a document model built from page dicts (no Qt, no layout).

    sheet = sheet_for(pages.page(content, "il-2"), pages.labels(content), pages.meta(content))

`ildesk.render.factsheet` lays it out and paints it on a page.
"""

from ildesk.factsheet.build import (
    NoSheetError,
    diagram_interleukin,
    disease_sheet,
    drug_sheet,
    interleukin_ids,
    interleukin_sheet,
    sheet_for,
    sheets_for,
)
from ildesk.factsheet.model import DISCLAIMER, Fact, Footer, Reference, Rich, Section, Sheet, Span

__all__ = [
    "DISCLAIMER", "Fact", "Footer", "NoSheetError", "Reference", "Rich", "Section", "Sheet",
    "Span", "diagram_interleukin", "disease_sheet", "drug_sheet", "interleukin_ids",
    "interleukin_sheet", "sheet_for", "sheets_for",
]
