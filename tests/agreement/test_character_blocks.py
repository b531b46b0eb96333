"""Character α summed over blocks of documents equals α of the literal characters x coders
table, whatever the block size (blocks as small as one document)."""

from __future__ import annotations

import math
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.agreement import characters, krippendorff_alpha
from annotator.agreement.characters import char_alpha
from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow
from annotator.agreement.study import build_study

CODES = ("Claim/a", "Claim/b", "Actor/c")
CODERS = ("coder 0", "coder 1", "coder 2")


@st.composite
def studies(draw: st.DrawFn) -> tuple[AgreementInput, int]:
    """Up to five documents; each coded by a random subset of the coders (a document coded by
    one coder is not pairable), with nested, touching and overlapping spans."""
    documents = []
    for d in range(draw(st.integers(1, 5))):
        length = draw(st.integers(1, 30))
        coders = draw(st.sets(st.sampled_from(CODERS), min_size=1))
        spans = []
        for coder in sorted(coders):
            for _ in range(draw(st.integers(0, 4))):
                start = draw(st.integers(0, length - 1))
                end = draw(st.integers(start + 1, length))
                spans.append(SpanRow(coder, start, end, draw(st.sampled_from(CODES))))
        documents.append(DocumentUnits(f"d{d}", f"doc {d}", "x" * length, spans, coders))
    return AgreementInput(documents, list(CODERS), list(CODES), {c: c for c in CODES}), \
        draw(st.integers(1, 40))


def literal(data: AgreementInput, code: str | None) -> list[list[object]]:
    """Coders x characters: 1/0 for one code, the covering code set for None; None where the
    coder did not code the document."""
    rows: dict[str, list[object]] = {c: [] for c in CODERS}
    for doc in data.documents:
        for pos in range(doc.length):
            for coder in CODERS:
                cover = sorted({s.code for s in doc.spans if s.coder == coder
                                and s.start <= pos < s.end})
                value = "|".join(cover) if code is None else int(code in cover)
                rows[coder].append(value if coder in doc.coders else None)
    return list(rows.values())


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or a == pytest.approx(b, rel=1e-9, abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(studies())
def test_blocks_equal_literal_character_alpha(case: tuple[AgreementInput, int]) -> None:
    data, block = case
    study = build_study(data)
    spans = study.spans({c: c for c in CODES}, CODES)
    with mock.patch.object(characters, "BLOCK_CHARACTERS", block):
        result = char_alpha(study, spans)
    for i, code in enumerate(CODES):
        assert same(result.per_category[i], krippendorff_alpha(literal(data, code))), code
    assert same(result.overall, krippendorff_alpha(literal(data, None)))
