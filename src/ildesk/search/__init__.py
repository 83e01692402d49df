"""Search: query normalisation, FTS5 ranking, a named page's neighbourhood, partial matching,
word variants, facets by cell type, disease and family, and "did you mean" suggestions. No Qt;
used by the window and the command line alike."""

from ildesk.search.engine import Facets, Searcher, SearchHit, SearchResult

__all__ = ["Facets", "SearchHit", "SearchResult", "Searcher"]
