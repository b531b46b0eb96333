"""Bidi isolates around inserted text."""

from annotator.bidi import FSI, PDI, isolate, isolate_quoted


def test_quoted_pieces_are_isolated_once() -> None:
    label = "Mark ‘99 قتيلا’ done, ‘Claim/Factual’"
    once = isolate_quoted(label)
    assert once == f"Mark ‘{FSI}99 قتيلا{PDI}’ done, ‘{FSI}Claim/Factual{PDI}’"
    assert isolate_quoted(once) == once
    assert isolate("x") == f"{FSI}x{PDI}"
    assert isolate_quoted("Delete 3 annotations") == "Delete 3 annotations"


def test_arabic_quotes_are_isolated_too() -> None:
    label = "تغيير «Claim/Factual» إلى «99 قتيلا»"
    once = isolate_quoted(label)
    assert once == f"تغيير «{FSI}Claim/Factual{PDI}» إلى «{FSI}99 قتيلا{PDI}»"
    assert isolate_quoted(once) == once
