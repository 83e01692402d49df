"""The knowledge base: the YAML/Markdown files in data/, their schema, loader and validator."""

from ildesk.kb.loader import KnowledgeBase, Problem, load

__all__ = ["KnowledgeBase", "Problem", "load"]
