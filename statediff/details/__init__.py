"""Details stage, between classify and render: strength, numbers, names, topics and match reasons per change."""

from .annotate import UNCERTAIN_MARGIN, Annotation, annotate

__all__ = ["UNCERTAIN_MARGIN", "Annotation", "annotate"]
