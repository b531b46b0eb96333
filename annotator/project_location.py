"""Where a project lives: a file path or a database server URL.

Every command that takes a project file also takes a SQLAlchemy URL such as
``postgresql+psycopg://coder@db.example.org/framing``. The password never comes from the command
line (it would show in the shell history and in ``ps``): libpq takes it from ``PGPASSWORD`` or
``~/.pgpass``, or the app asks for it. A URL that carries one is refused with one line.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from urllib.parse import urlsplit

from annotator.errors import ProjectError

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
SERVER_SCHEMES = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg",
                  "postgresql+psycopg": "postgresql+psycopg"}

ProjectLocation = Path | str


def is_server_url(location: object) -> bool:
    """Whether ``location`` names a database server rather than a project file."""
    return isinstance(location, str) and _URL.match(location) is not None


def checked_server_url(url: str) -> str:
    """The URL with the driver spelled out (``postgresql+psycopg``); refuses a password in it
    or a database the app does not support, each with one line."""
    scheme, rest = url.split("://", 1)
    driver = SERVER_SCHEMES.get(scheme.lower())
    if driver is None:
        raise ProjectError(f"{scheme}://…: unsupported database server; use "
                           "postgresql+psycopg://user@host/database")
    if urlsplit(url).password is not None:
        raise ProjectError("a password in the database URL is refused (it would show in the shell "
                           "history); set PGPASSWORD, use ~/.pgpass or answer the prompt")
    if not urlsplit(url).path.strip("/"):
        raise ProjectError(f"{url}: name the database (…/DATABASE at the end of the URL)")
    return f"{driver}://{rest}"


def project_location(text: str) -> ProjectLocation:
    """``argparse`` type of a project argument: a ``Path``, or a checked server URL."""
    if not is_server_url(text):
        return Path(text)
    try:
        return checked_server_url(text)
    except ProjectError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def display_location(location: ProjectLocation) -> str:
    """How messages name a project: the file path, or the URL (never holding a password)."""
    return str(location)


def as_location(value: str | Path) -> ProjectLocation:
    """A location given as text or path: a server URL stays text, anything else is a ``Path``."""
    return value if isinstance(value, str) and is_server_url(value) else Path(value)


def location_name(location: ProjectLocation) -> str:
    """A short name for window titles: the file name, or ``database on host``."""
    if not is_server_url(location):
        return Path(location).name
    parts = urlsplit(str(location))
    return f"{parts.path.strip('/')} on {parts.hostname or 'localhost'}"


def local_stem(location: ProjectLocation) -> Path:
    """Where files made from the project are suggested (exports, packages): beside the file, or
    in the home folder, named after the database, for a server project."""
    if not is_server_url(location):
        return Path(location)
    return Path.home() / (urlsplit(str(location)).path.strip("/") or "project")
