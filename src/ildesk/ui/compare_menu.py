"""Where the compare view is opened from: a "Compare" menu on the main window, the result
list (select several with Ctrl/Shift + click or Shift + arrows, then Compare: the menu,
the list's context menu or Ctrl+Shift+M), an article ("Compare with…", Ctrl+M) and a
family ("Compare the family…": its members). `install(window)` adds all of it; the window
needs `content`, `results` (the result list view), `current_page` and `open_page`.

    install(window)                    # once, when the window is built
    compare_ids(window, ["il-4", "il-13"])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from ildesk.db import pages
from ildesk.ui.result_list import Role

if TYPE_CHECKING:  # the view (and the diagram code it draws with) loads on first use
    from ildesk.ui.compare_view import CompareView


def _limits() -> tuple[int, int]:
    """How many interleukins a comparison takes (`ildesk.compare` loads when first used)."""
    from ildesk.compare import MAX_ITEMS, MIN_ITEMS

    return MIN_ITEMS, MAX_ITEMS


def _interleukins(window: Any) -> list[tuple[str, str]]:
    names = pages.labels(window.content)
    return [(p["id"], names[p["id"]][0]) for p in pages.list_pages(window.content,
                                                                   "interleukin")]


def _choose(window: Any, checked: Sequence[str], title: str,
            choices: Sequence[tuple[str, str]] | None = None) -> list[str] | None:
    from ildesk.ui.compare_chooser import CompareChooser  # a dialog: made when first used

    dialog = CompareChooser(window, choices or _interleukins(window), checked, title,
                            _limits())
    window.compare_chooser = dialog  # tests reach the open dialog here
    try:
        return dialog.chosen() if dialog.exec() else None
    finally:
        window.compare_chooser = None
        dialog.deleteLater()


def compare_ids(window: Any, ids: Sequence[str]) -> CompareView | None:
    """Open a compare window for `ids`; it is kept on `window.compare_views`."""
    from ildesk.ui.compare_view import open_compare

    view = open_compare(window, window.content, ids)
    if view is not None:
        views: list[CompareView] = window.compare_views
        views[:] = [v for v in views if v.isVisible()]
        views.append(view)
    return view


def selected_interleukins(window: Any) -> list[str]:
    """The interleukins selected in the result list, in list order."""
    rows = sorted(window.results.selectionModel().selectedIndexes(), key=lambda i: i.row())
    return [i.data(Role.PAGE_ID) for i in rows if i.data(Role.KIND) == "interleukin"]


def compare_selected(window: Any) -> CompareView | None:
    """Compare the selected results; with fewer than two (or more than four) selected, the
    chooser opens with them ticked."""
    ids, (low, high) = selected_interleukins(window), _limits()
    if not low <= len(ids) <= high:
        chosen = _choose(window, ids[:high], "Compare interleukins")
        if not chosen:
            return None
        ids = chosen
    return compare_ids(window, ids)


def _current_interleukin(window: Any) -> str | None:
    page = window.current_page
    return page["id"] if page is not None and page["kind"] == "interleukin" else None


def compare_with(window: Any) -> CompareView | None:
    """"Compare with…": the open interleukin and those ticked in the chooser."""
    current = _current_interleukin(window)
    title = f"Compare {window.current_page['short']} with…" if current else "Compare…"
    chosen = _choose(window, [current] if current else [], title)
    return compare_ids(window, chosen) if chosen else None


def compare_family(window: Any, family_id: str | None = None) -> CompareView | None:
    """The members of a family (the open interleukin's, unless `family_id` is given): up to
    four at once directly, a larger family through the chooser with its first four ticked."""
    if family_id is None:
        page = window.current_page
        family_id = page["family_id"] if page is not None and page["kind"] == "interleukin" \
            else None
    family = next((f for f in pages.families(window.content) if f["id"] == family_id), None)
    if family is None:
        window.statusBar().showMessage("Open an interleukin to compare its family.", 5000)
        return None
    members, (low, high) = [m["id"] for m in family["members"]], _limits()
    if low <= len(members) <= high:
        return compare_ids(window, members)
    if len(members) < low:
        window.statusBar().showMessage(f"{family['name']} has only one member.", 5000)
        return None
    current = _current_interleukin(window)
    ticked = ([current] if current in members else []) + members
    chosen = _choose(window, list(dict.fromkeys(ticked))[:high],
                     f"Compare the {family['name']}",
                     [(m["id"], m["name"]) for m in family["members"]])
    return compare_ids(window, chosen) if chosen else None


def install(window: Any) -> dict[str, QAction]:
    """The Compare menu (before Help) and the result list's context menu."""
    window.compare_views = []
    window.compare_chooser = None
    bar = window.menuBar()
    menu = bar.addMenu("Co&mpare")
    help_menu = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_menu is not None:
        bar.insertMenu(help_menu, menu)
    acts: dict[str, QAction] = {}
    for name, text, slot, key in (
            ("compare_selected", "Compare &selected results", compare_selected,
             "Ctrl+Shift+M"),
            ("compare_with", "Compare &with…", compare_with, "Ctrl+M"),
            ("compare_family", "Compare the &family…", compare_family, None)):
        act = QAction(text, window)
        act.setObjectName(name)
        act.triggered.connect(lambda _=False, f=slot: f(window))
        if key:
            act.setShortcut(QKeySequence(key))
        menu.addAction(act)
        acts[name] = act
    results = window.results  # multi-selection: ResultView
    results.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    results.addAction(acts["compare_selected"])
    window.compare_actions = acts
    return acts
