"""Every table of an export, built lazily from one scope, and the README that describes them.

The Excel workbook writes them as sheets, the CSV zip as files; SPSS and Stata take Doc_Matrix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from annotator import __version__
from annotator.db.services.export_rows import count_annotations, longest_texts
from annotator.db.services.projects import get_project
from annotator.domain import Layer
from annotator.export.adjudication_table import adjudication_table
from annotator.export.disagreements import disagreements_table
from annotator.export.matrix import code_variables, doc_matrix_table, matrix_question_columns
from annotator.export.methods import methods_arabic, methods_english
from annotator.export.question_columns import QuestionColumn, question_reliability_table
from annotator.export.reliability import compute_reliability, pairwise_table, reliability_table
from annotator.export.scope import ExportScope, scope_description
from annotator.export.selection import Selection, resolve_selection
from annotator.export.tables import (
    Cell,
    Column,
    Table,
    codebook_table,
    documents_table,
    relations_table,
    segments_table,
)

OFFSETS = ("offsets are code points of the canonical text (Unicode NFC), 0-based, "
           "end-exclusive: text = document[start:end]")
NO_RELIABILITY = ("left out on request (--no-reliability): no Reliability or Pairwise sheet; "
                  "`annotator agreement` computes them")
LEFT_OUT = ("None. Disagreements lists the review clusters (annotator review) where the chosen "
            "coders differ; Adjudication holds every gold decision of the chosen documents.")


@dataclass
class ExportBundle:
    selection: Selection
    tables: list[Table]
    variables: dict[str, tuple[str, str]]
    readme: Table
    questions: list[QuestionColumn] = field(default_factory=list)

    def table(self, name: str) -> Table:
        return next(table for table in self.tables if table.name == name)


def cell_parts(texts: list[str], limit: int | None) -> int:
    """How many cells of ``limit`` UTF-16 units the longest of ``texts`` needs (1 without a limit)."""
    if limit is None or not texts:
        return 1
    longest = max(len(text.encode("utf-16-le")) // 2 for text in texts)
    return max(1, -(-longest // limit))


def build_bundle(session: Session, scope: ExportScope, *, cell_limit: int | None = None,
                 reliability: bool = True, n_boot: int = 1000, seed: int = 0,
                 format_note: str = "") -> ExportBundle:
    """The tables of an export; ``cell_limit`` (Excel: 32,767) sizes continuation columns.
    ``reliability`` False leaves out the agreement report (Reliability, Pairwise, methods),
    whose cost grows with the spans while the tables only stream."""
    selection = resolve_selection(session, scope)
    texts, memos = longest_texts(session, selection.documents, selection.layers,
                                 (cell_limit or 0) // 2 if cell_limit else 10**12)
    variables = code_variables(selection)
    questions = matrix_question_columns(session, variables)
    tables = [
        codebook_table(selection, session, variables),
        documents_table(selection, session),
        segments_table(selection, session, cell_parts(texts, cell_limit),
                       cell_parts(memos, cell_limit)),
        relations_table(selection, session),
        doc_matrix_table(selection, session, variables, questions),
    ]
    context = {
        "project": get_project(session).name, "format": format_note,
        "exported": datetime.now(UTC).isoformat(timespec="seconds"),
        "methods_en": NO_RELIABILITY, "methods_ar": NO_RELIABILITY, "cell_limit": cell_limit,
        "notes": [],
    }
    if reliability:
        figures = compute_reliability(session, scope, n_boot, seed)
        tables += [reliability_table(figures), pairwise_table(figures)]
        answers = question_reliability_table(session, selection, Layer(figures.layer), n_boot, seed)
        tables += [answers] if answers is not None else []
        context.update(methods_en=methods_english(figures.report, figures.layer),
                       methods_ar=methods_arabic(figures.report, figures.layer),
                       notes=figures.report.notes)
    tables.append(disagreements_table(selection, session, cell_limit))
    tables.append(adjudication_table(selection, session))
    return ExportBundle(selection, tables, variables,
                        readme_table(selection, tables, variables, context), questions)


def expected_rows(session: Session, bundle: ExportBundle) -> int:
    """About how many rows the tables will have (for a progress bar): README, the codes, the
    documents, the chosen annotations and a row per document and coder (links and figures,
    not known before they are read, are left out)."""
    selection = bundle.selection
    segments = count_annotations(session, selection.documents, list(selection.coders),
                                 list(selection.codes), selection.layers)
    readme = len(bundle.readme.rows)  # type: ignore[arg-type]
    return (readme + len(selection.codes) + segments
            + len(selection.documents) * (2 + len(selection.coders)))


def readme_table(selection: Selection, tables: list[Table],
                 variables: dict[str, tuple[str, str]], context: dict) -> Table:
    columns = [Column("section", "what the row is about", 14),
               Column("item", "name", 28), Column("value", "description or value", 100)]
    return Table("README", "what this export holds and how to read it", columns,
                 list(_readme_rows(selection, tables, variables, context)))


def _readme_rows(selection: Selection, tables: list[Table],
                 variables: dict[str, tuple[str, str]], context: dict) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        ["export", "project", context["project"]],
        ["export", "exported at", f"{context['exported']} (UTC)"],
        ["export", "application", f"Framing Annotator {__version__}"],
        ["export", "format", context["format"]],
        ["export", "filters", scope_description(selection.scope)],
        ["export", "offsets", OFFSETS],
        ["export", "text cells", "every text is stored exactly as in the project: text that "
         "begins with =, +, -, @, a tab or a carriage return is a text cell, never a formula"],
        ["export", "sheets left out", LEFT_OUT],
    ]
    if context["cell_limit"]:
        rows.append(["export", "long cells", f"a text longer than Excel's limit of "
                     f"{context['cell_limit']:,} characters continues in the next columns "
                     "('text (2)', 'text (3)', …): join them in order to get the whole text"])
    rows.append(["export", "variable names", "Doc_Matrix, SPSS and Stata variable names are "
                 "ASCII, start with a letter, at most 31 bytes, unique regardless of case and "
                 "not reserved words; code path → count and presence variable below"])
    rows += [["methods", "English", context["methods_en"]],
             ["methods", "العربية", context["methods_ar"]]]
    rows += [["reliability note", "", note] for note in context["notes"]]
    for table in tables:
        rows.append(["sheet", table.name, table.legend])
        rows += [["column", f"{table.name}.{column.name}", column.legend]
                 for column in table.columns]
    rows += [["variables", selection.codes[code_id].path, f"{count}, {presence}"]
             for code_id, (count, presence) in variables.items()]
    return rows
