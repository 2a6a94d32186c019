"""statediff: compare successive joint statements pledge by pledge."""

__version__ = "0.1.0"
