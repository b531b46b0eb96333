"""What hovering a span shows: code, coder, attribute values and memo of each span under the
pointer, innermost first."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from annotator.db.services.annotations import get_annotation
from annotator.errors import AnnotatorError
from annotator.ui.document_state import DocumentState
from annotator.ui.workspace import Workspace

MAX_SPANS = 4
MEMO_CHARS = 300
translate = QCoreApplication.translate


def describe_spans(workspace: Workspace, state: DocumentState | None, offset: int) -> str:
    """Rich text for a tooltip at ``offset`` (code points); empty where no span is."""
    spans = state.at(offset) if state is not None else []
    parts = [describe_annotation(workspace, row.uuid) for row in spans[:MAX_SPANS]]
    return "<hr>".join(part for part in parts if part)


def describe_annotation(workspace: Workspace, annotation_id: str) -> str:
    try:
        with workspace.store.reader() as session:
            data = get_annotation(session, annotation_id)
    except AnnotatorError:
        return ""
    code = workspace.codes.get(data.code_id)
    names = {a.uuid: a.name for a in code.attributes} if code else {}
    coder = html.escape(workspace.coder_name(data.coder_id))
    if not workspace.is_own(data.coder_id):
        coder = translate("SpanTooltip", "{coder} (read-only)").format(coder=coder)
    lines = [f"<b>{html.escape(code.label if code else '?')}</b> · {coder}"]
    lines += [f"{html.escape(names.get(key, '?'))}: {html.escape(value)}"
              for key, value in data.attributes.items()]
    if data.memo:
        lines.append(f"<i>{html.escape(data.memo[:MEMO_CHARS])}</i>")
    return "<br>".join(lines)
