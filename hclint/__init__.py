"""hclint: keep a Markdown help center accurate, fresh, readable and complete."""

__version__ = "0.1.0"
