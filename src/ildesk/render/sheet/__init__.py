"""Lay a fact sheet out on one page: `fonts` (units, colours, fonts, advances), `ops` (the
settings of a trial, the display list, the finished `SheetLayout`), `blocks` (header, table,
diagram, sections, footer), `fit` (the search for the roomiest layout that fits) and `cover`
(the first page of a multi-sheet PDF). `ildesk.render.factsheet` paints the result."""
