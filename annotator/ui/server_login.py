"""A server project in the GUI: who the connected database role codes as, and the password prompt.

On a server the coder is not chosen in a dialog: the database role the app connected as is mapped
to its project coder (``annotator server coder URL add``), and row-level security shows that role
only its own coding whatever the app does.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

from annotator.db.engine import PASSWORD_PROMPT, ProjectStore
from annotator.db.services.coders import CoderInfo, list_coders
from annotator.errors import ProjectError
from annotator.ui.bidi import isolate_if_mirrored as isolate

translate = QCoreApplication.translate


def server_coder(store: ProjectStore, asked: str | None) -> CoderInfo | None:
    """The coder mapped to the connected role, or None (a file, or a role with no mapping such
    as the database owner, who then chooses like on a file)."""
    if not store.is_server:
        return None
    from annotator.db.rls import connected_coder_id  # psycopg: loaded for servers only

    with store.reader() as session:
        coder_id = connected_coder_id(session.connection())
        if coder_id is None:
            return None
        coder = next((c for c in list_coders(session) if c.uuid == coder_id), None)
    if coder is None:
        return None
    if asked is not None and asked.casefold() != coder.name.casefold():
        raise ProjectError(f"{store.location}: this login codes as {coder.name}, not as {asked}")
    return coder


def _ask_password(url: str) -> str | None:
    parent = QApplication.activeWindow()
    text, ok = QInputDialog.getText(
        parent, translate("ServerLogin", "Database password"),
        translate("ServerLogin", "Password for\n{server}").format(server=isolate(url)),
        QLineEdit.EchoMode.Password)
    return text if ok and text else None


def install_password_prompt() -> None:
    """Ask in a dialog when the server wants a password that PGPASSWORD and ~/.pgpass lack."""
    if not PASSWORD_PROMPT:
        PASSWORD_PROMPT.append(_ask_password)
