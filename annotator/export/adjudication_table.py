"""The Adjudication table: every gold decision of the chosen documents (who, when, how, why),
then every gold answer to a document question (kind ``answer``)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from sqlalchemy.orm import Session

from annotator.db.services.adjudication_rows import iter_decisions, iter_gold_answers
from annotator.export.selection import Selection
from annotator.export.tables import Cell, Column, Table

TEXT_LIMIT = 30_000  # below Excel's cell limit; a longer gold text is whole in Segments
LEGEND = ("one row per adjudication decision and gold annotation (a rejection: one row without "
          "gold); decided clusters only, see `annotator review` for the rest; then one row "
          "(kind answer) per gold answer to a document question")


def adjudication_table(selection: Selection, session: Session) -> Table:
    columns = [
        Column("decision_id", "decision UUID (repeats when a decision made several gold spans)",
               38),
        Column("document_id", "document UUID", 38),
        Column("external_id", "document external id", 22),
        Column("cluster", "cluster key: a hash of the document and its coders' annotation ids",
               22),
        Column("cluster_start", "first code point of the cluster", 10),
        Column("cluster_end", "code point after the cluster's end", 10),
        Column("kind", "accept (a coder's version), edit (gold edited by the lead), reject "
               "(nothing of the cluster is gold) or answer (a gold answer to a question)", 8),
        Column("strategy", "manual, unanimous, majority or threshold:<share of coders>", 14),
        Column("source_coder", "the coder whose version was accepted (an answer: the coders "
               "who gave that answer, comma-separated)", 12),
        Column("source_annotation_id", "the accepted coder's annotation UUID", 38),
        Column("gold_annotation_id", "the gold annotation UUID (Segments, layer gold)", 38),
        Column("code_path", "the gold span's code", 30),
        Column("start", "gold span's first code point (a rejection: the cluster's)", 8),
        Column("end", "code point after the gold span (a rejection: the cluster's)", 8),
        Column("text", "the canonical text sliced [start, end) (over 30,000 characters: cut, "
               "the whole text is in Segments with --layer gold)", 60, arabic=True),
        Column("rationale", "the lead's reason", 40, arabic=True),
        Column("decided_by", "the lead", 12),
        Column("decided_at", "when (UTC, ISO 8601; an answer: when it was last set)", 20),
        Column("question", "an answer's question key (Doc_Matrix column)", 16),
        Column("answer", "the gold answer as stored: an option value, a number, true/false, "
               "a text, or a JSON list for several options", 24, arabic=True),
    ]
    paths = {row.uuid: row.path for row in selection.all_codes}

    def rows() -> Iterator[list[Cell]]:
        for row in iter_decisions(session, selection.documents):
            yield [row.decision_id, row.document_id, row.external_id, row.cluster_key,
                   row.cluster_start, row.cluster_end, row.kind, row.strategy, row.source_coder,
                   row.source_annotation_id, row.gold_id,
                   paths.get(row.code_id) if row.code_id else None, row.start, row.end,
                   _cut(row.text), row.rationale, row.lead,
                   row.decided_at.isoformat(timespec="seconds"), None, None]
        for answer in iter_gold_answers(session, selection.documents):
            yield [answer.answer_id, answer.document_id, answer.external_id, None, None, None,
                   "answer", None, ", ".join(answer.agreeing) or None, None, None, None, None,
                   None, None, None, answer.lead, answer.decided_at.isoformat(timespec="seconds"),
                   answer.question, _value(answer.value)]

    return Table("Adjudication", LEGEND, columns, rows())


def _cut(text: str) -> str:
    return text if len(text) <= TEXT_LIMIT else text[:TEXT_LIMIT] + " …"


def _value(value: object) -> Cell:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value  # type: ignore[return-value]
