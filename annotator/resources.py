"""Where the files the app ships (codebook templates, demo articles, fonts) live.

They sit in the top-level ``resources/`` folder of the source tree, which the editable install
(``make run`` / ``make test``) keeps beside the package. In the app bundle (``make bundle``,
packaging/framing-annotator.spec) the PyInstaller bootloader unpacks them under ``sys._MEIPASS``.
The app reads only the folders in :data:`FOLDERS`: the bundle spec lists the same folders
(tests/test_bundle_spec.py), and :func:`resource_path` refuses any other, so a new kind of
resource cannot be read from a clone yet be missing from the bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

FOLDERS = ("codebooks", "demo", "fonts", "translations")
"""Every folder of ``resources/`` the app reads."""


def _resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by the PyInstaller bootloader
    if bundle is not None:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


RESOURCES_DIR = _resources_dir()


def resource_path(folder: str, *parts: str) -> Path:
    """Path of a shipped resource, e.g. ``resource_path("codebooks", "framing-core.json")``."""
    if folder not in FOLDERS:
        raise ValueError(f"resources/{folder} is not a shipped resource folder "
                         f"(annotator.resources.FOLDERS: {', '.join(FOLDERS)})")
    return RESOURCES_DIR.joinpath(folder, *parts)
