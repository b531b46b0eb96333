"""Framing Annotator: span annotation and inter-coder agreement for Arabic media-framing research.

The package root is the domain layer: plain Python, no Qt and no SQLAlchemy. See docs/architecture.md.
"""

__version__ = "0.1.0"
