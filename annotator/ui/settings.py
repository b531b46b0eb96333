"""The app's own preferences, declared once and typed (window layout, zoom, per-project choices).

Everything goes through :class:`AppSettings`; no raw ``QSettings`` elsewhere. Values live in an INI
file in the user's config folder, so tests redirect them with ``QSettings.setPath``. Per-project
values (the coder, the last document) are keyed by the project file's resolved path.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from annotator.project_location import is_server_url

ORGANISATION = "FramingAnnotator"  # i18n: not shown
APPLICATION = "Framing Annotator"  # i18n: not shown
SCHEMA = 1

T = TypeVar("T", bool, int, str, QByteArray)


@dataclass(frozen=True)
class Key(Generic[T]):
    """A typed setting: its name in the file and the value used when it is absent or unreadable."""

    name: str
    default: T


GEOMETRY = Key("window/geometry", QByteArray())
DOCK_STATE = Key("window/dockState", QByteArray())
FONT_SIZE = Key("view/fontSize", 16)
SNAP_TO_WORDS = Key("coding/snapToWords", True)
LAST_PROJECT = Key("session/lastProject", "")
LANGUAGE = Key("view/language", "")  # "" follows the system; else a code of i18n.LANGUAGES
MIN_FONT_SIZE, MAX_FONT_SIZE = 9, 40


class AppSettings:
    """Typed access to the settings file; reads fall back to the key's default."""

    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )
        if self._store.value("meta/schema") is None:
            self._store.setValue("meta/schema", SCHEMA)

    def get(self, key: Key[T]) -> T:
        return _coerce(self._store.value(key.name), key.default)

    def set(self, key: Key[T], value: T) -> None:
        self._store.setValue(key.name, value)

    def sync(self) -> None:
        self._store.sync()

    @property
    def file_name(self) -> str:
        return self._store.fileName()

    def font_size(self) -> int:
        return max(MIN_FONT_SIZE, min(MAX_FONT_SIZE, self.get(FONT_SIZE)))

    def project_coder(self, project: Path) -> str:
        return self.get(_project_key(project, "coder", ""))

    def set_project_coder(self, project: Path, coder_name: str) -> None:
        self.set(_project_key(project, "coder", ""), coder_name)

    def last_document(self, project: Path) -> str:
        return self.get(_project_key(project, "lastDocument", ""))

    def set_last_document(self, project: Path, document_id: str) -> None:
        self.set(_project_key(project, "lastDocument", ""), document_id)


def _project_key(project: Path, name: str, default: T) -> Key[T]:
    key = project if is_server_url(project) else Path(project).resolve()
    digest = hashlib.sha1(str(key).encode("utf-8")).hexdigest()[:16]
    return Key(f"projects/{digest}/{name}", default)


def _coerce(value: object, default: T) -> T:
    """QSettings' INI backend returns strings for everything; turn them back into the key's type."""
    if value is None:
        return default
    try:
        if isinstance(default, bool):
            return (value.lower() in ("true", "1", "yes")) if isinstance(value, str) else bool(value)
        if isinstance(default, int):
            return int(value)
        if isinstance(default, QByteArray):
            return value if isinstance(value, QByteArray) else default
        return str(value)  # type: ignore[return-value]
    except (TypeError, ValueError):
        return default
