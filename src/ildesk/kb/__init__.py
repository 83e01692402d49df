"""The knowledge base: the YAML/Markdown files in data/, their schema, loader and validator.

The loader (pydantic, PyYAML) is imported only when it is used, so that the window, which
needs just `ildesk.kb.names` and `ildesk.kb.prose`, starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ildesk.kb.loader import load
    from ildesk.kb.model import KnowledgeBase, Problem

__all__ = ["KnowledgeBase", "Problem", "load"]


def __getattr__(name: str) -> Any:
    if name in ("KnowledgeBase", "Problem"):
        from ildesk.kb import model

        return getattr(model, name)
    if name == "load":
        from ildesk.kb import loader

        return loader.load
    raise AttributeError(f"module 'ildesk.kb' has no attribute {name!r}")
