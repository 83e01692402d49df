"""The signalling diagram as pure geometry (no Qt): model, interleukin and family layouts."""

from ildesk.diagram.family import layout_family
from ildesk.diagram.layout import layout_interleukin
from ildesk.diagram.model import Caption, Diagram, Edge, Lane, LegendEntry, Node

__all__ = ["Caption", "Diagram", "Edge", "Lane", "LegendEntry", "Node", "layout_family",
           "layout_interleukin"]
