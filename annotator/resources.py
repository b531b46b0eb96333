"""Where the files the app ships (codebook templates, demo articles, icons) live.

They sit in the top-level ``resources/`` folder of the source tree, which the editable install
(``make run`` / ``make test``) keeps beside the package.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("codebooks", "framing-core.json")``."""
    return RESOURCES_DIR.joinpath(*parts)
