"""The knowledge base: the YAML/Markdown files in data/, their schema, loader and validator.

The loader (pydantic, PyYAML) is imported only when it is used, so that the window, which
needs just `ildesk.kb.names` and `ildesk.kb.prose`, starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ildesk.kb.loader import KnowledgeBase, Problem, load

__all__ = ["KnowledgeBase", "Problem", "load"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from ildesk.kb import loader

        return getattr(loader, name)
    raise AttributeError(f"module 'ildesk.kb' has no attribute {name!r}")
