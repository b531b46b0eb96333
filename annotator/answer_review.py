"""Disagreements between coders' answers to document questions, for review and adjudication.

For each document and question that two or more coders answered (and that applies to each of
them), the answers are grouped; a row is a disagreement when they differ. The gold answer, when
one was set (the review window's Document questions tab, or ``annotator answers PATH set …
--layer gold``), is shown beside them. :func:`settle_answer` is the automatic rule for one row:
the span strategies of :mod:`annotator.adjudication` applied to the coders' answers as votes.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.adjudication import DEFAULT_THRESHOLD, Strategy, winning_vote
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


MIN_VOTERS = 2  # one coder's answer is not an agreement: it stays for the lead


@dataclass(frozen=True)
class AnswerOutcome:
    """An automatic gold answer: ``value``, given by ``supporters`` of the ``voters``."""

    value: Answer
    supporters: tuple[str, ...]
    voters: int


def answer_key(value: Answer) -> str:
    """Equal answers have equal keys (lists of options are already in codebook order)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def settle_answer(answers: Mapping[str, Answer], strategy: Strategy,
                  threshold: float = DEFAULT_THRESHOLD) -> AnswerOutcome | None:
    """The gold answer ``strategy`` gives among the coders who answered (coder -> answer), or
    None: fewer than two answers, a tie for first place, or too small a share."""
    if len(answers) < MIN_VOTERS:
        return None
    votes = {coder: answer_key(value) for coder, value in answers.items()}
    best = winning_vote(votes, strategy, threshold)
    if best is None:
        return None
    supporters = tuple(sorted(coder for coder, key in votes.items() if key == best))
    return AnswerOutcome(answers[supporters[0]], supporters, len(votes))
