"""Disagreements between coders' answers to document questions, for review and adjudication.

For each document and question that two or more coders answered (and that applies to each of
them), the answers are grouped; a row is a disagreement when they differ. The gold answer, when
one was set (``annotator answers PATH set … --layer gold``), is shown beside them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.codebook.questions import Answer, QuestionSpec, QuestionType, answer_label, applies

Sheet = Mapping[tuple[str, str], Mapping[str, Answer]]


@dataclass(frozen=True)
class AnswerComparison:
    document_id: str
    question: QuestionSpec
    answers: dict[str, Answer]  # coder id -> answer
    gold: Answer | None

    @property
    def agree(self) -> bool:
        return len({json.dumps(v, sort_keys=True) for v in self.answers.values()}) == 1

    def shown(self, coder_names: Mapping[str, str], language: str = "en") -> dict[str, str]:
        shown = {coder_names.get(c, c): answer_label(self.question, v, language) for c, v in self.answers.items()}
        return dict(sorted(shown.items()))


def compare_answers(questions: Sequence[QuestionSpec], coding: Sheet,
                    gold: Mapping[str, Mapping[str, Answer]] | None = None) -> list[AnswerComparison]:
    """Every (document, question) answered by two or more coders, in document and question order."""
    documents = sorted({document for document, _ in coding})
    rows: list[AnswerComparison] = []
    for document in documents:
        coders = sorted(c for d, c in coding if d == document)
        for question in questions:
            if question.type is QuestionType.TEXT:
                continue
            given = {c: coding[(document, c)][question.uuid] for c in coders
                     if question.uuid in coding[(document, c)] and applies(question, coding[(document, c)])}
            if len(given) >= 2:
                settled = (gold or {}).get(document, {}).get(question.uuid)
                rows.append(AnswerComparison(document, question, given, settled))
    return rows
