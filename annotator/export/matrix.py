"""Doc_Matrix: one row per document and coder with the count and presence of every chosen code,
ready for SPSS, Stata and R (variable names from :mod:`annotator.export.variables`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from annotator.codebook.questions import Answer

from annotator.db.services.export_rows import assignment_pairs, code_counts, iter_documents
from annotator.export.question_columns import QuestionColumn, answer_rows, question_columns
from annotator.export.selection import GOLD_CODER, Selection
from annotator.export.tables import Cell, Column, Table, count_words
from annotator.export.variables import VariableNames

FIXED = ("document_id", "external_id", "coder", "layer", "outlet", "date", "characters", "words")
PRESENCE_LABELS = {0: "absent / غير موجود", 1: "present / موجود"}


@dataclass(frozen=True)
class MatrixVariable:
    name: str
    label: str
    value_labels: dict[int, str] | None = None
    text: bool = False


def code_variables(selection: Selection) -> dict[str, tuple[str, str]]:
    """code id -> (count variable, presence variable), in codebook order."""
    names = VariableNames(FIXED)
    variables = {}
    for code in selection.codes.values():
        stem = code.path.replace("Framing device", "device")
        variables[code.uuid] = (names.claim(stem, "_n"), names.claim(stem, "_any"))
    return variables


def matrix_question_columns(session: Session, variables: dict[str, tuple[str, str]]) -> list[QuestionColumn]:
    """The document questions' columns, named after the code columns (so never clashing with them)."""
    return question_columns(session, VariableNames((*FIXED, *(n for pair in variables.values() for n in pair))))


def matrix_variables(selection: Selection, variables: dict[str, tuple[str, str]],
                     questions: Sequence[QuestionColumn] = ()) -> list[MatrixVariable]:
    """Every Doc_Matrix column with its variable label (Arabic and English) and value labels."""
    fixed = [MatrixVariable("document_id", "document UUID"),
             MatrixVariable("external_id", "external id"),
             MatrixVariable("coder", f"coder ('{GOLD_CODER}' for the gold layer)"),
             MatrixVariable("layer", "coding or gold"),
             MatrixVariable("outlet", "outlet"), MatrixVariable("date", "publication date"),
             MatrixVariable("characters", "characters (code points)"),
             MatrixVariable("words", "words")]
    coded = []
    for code_id, (count, presence) in variables.items():
        code = selection.codes[code_id]
        name = f"{code.path} — {code.name_ar}" if code.name_ar else code.path
        coded.append(MatrixVariable(count, f"{name} (count)"))
        coded.append(MatrixVariable(presence, f"{name} (present)", PRESENCE_LABELS))
    answered = [MatrixVariable(q.name, q.label, q.value_labels, q.text) for q in questions]
    return fixed + coded + answered


def doc_matrix_table(selection: Selection, session: Session, variables: dict[str, tuple[str, str]],
                     questions: Sequence[QuestionColumn] = ()) -> Table:
    described = matrix_variables(selection, variables, questions)
    columns = [Column(v.name, v.label, 12 if i >= len(FIXED) else 16)
               for i, v in enumerate(described)]
    return Table("Doc_Matrix", "one row per document and coder (the gold layer as coder "
                 f"'{GOLD_CODER}'): count and presence (0/1) of every chosen code, then the "
                 "answers to the document questions and the frame scores",
                 columns, matrix_rows(selection, session, variables, questions))


def matrix_rows(selection: Selection, session: Session, variables: dict[str, tuple[str, str]],
                questions: Sequence[QuestionColumn] = ()) -> Iterator[list[Cell]]:
    """A row for each document a chosen coder is assigned to, annotated (any code) or answered,
    and for each document with gold annotations or answers when the gold layer is exported."""
    counts = code_counts(session, selection.layers)
    answers = answer_rows(session, selection.layers) if questions else {}
    assigned = assignment_pairs(session) if "coding" in selection.layers else set()
    assigned |= {(d, c) for d, c, layer in answers if layer == "coding"}
    for doc in iter_documents(session, selection.documents):
        words = count_words(doc.text)
        for coder_id, name, layer in _row_keys(selection, doc.uuid, counts, assigned, answers):
            found = _merged(counts, doc.uuid, coder_id, selection.coders)
            cells: list[Cell] = [doc.uuid, doc.external_id, name, layer, doc.outlet, doc.date,
                                 len(doc.text), words]
            for code_id in variables:
                cells += [found.get(code_id, 0), int(found.get(code_id, 0) > 0)]
            given = _merged_answers(answers, doc.uuid, coder_id, selection.coders)
            cells += [column.cell(given) for column in questions]
            yield cells


def _row_keys(selection: Selection, document_id: str,
              counts: dict[tuple[str, str, str], Counter[str]], assigned: set[tuple[str, str]],
              answers: Mapping[tuple[str, str, str], object]) -> list[tuple[str | None, str, str]]:
    keys: list[tuple[str | None, str, str]] = []
    if "coding" in selection.layers:
        keys += [(coder_id, name, "coding") for coder_id, name in selection.coders.items()
                 if (document_id, coder_id) in assigned
                 or (document_id, coder_id, "coding") in counts]
    if "gold" in selection.layers and any(
            (document_id, coder_id, "gold") in counts or (document_id, coder_id, "gold") in answers
            for coder_id in selection.coders):
        keys.append((None, GOLD_CODER, "gold"))
    return keys


def _merged(counts: dict[tuple[str, str, str], Counter[str]], document_id: str,
            coder_id: str | None, coders: dict[str, str]) -> Counter[str]:
    """Counts of one coder's coding, or of the gold layer by any chosen coder."""
    if coder_id is not None:
        return counts.get((document_id, coder_id, "coding"), Counter())
    merged: Counter[str] = Counter()
    for adjudicator in coders:
        merged.update(counts.get((document_id, adjudicator, "gold"), Counter()))
    return merged


def _merged_answers(answers: Mapping[tuple[str, str, str], dict[str, Answer]], document_id: str,
                    coder_id: str | None, coders: dict[str, str]) -> dict[str, Answer]:
    """One coder's answers, or the gold answers by any chosen coder."""
    if coder_id is not None:
        return answers.get((document_id, coder_id, "coding"), {})
    merged: dict[str, Answer] = {}
    for adjudicator in coders:
        merged.update(answers.get((document_id, adjudicator, "gold"), {}))
    return merged
