"""The review classifier: hand-made clusters of every class, and invariants (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.review import (
    ReviewClass,
    ReviewDocument,
    ReviewRelation,
    ReviewSpan,
    class_counts,
    filter_clusters,
    group_overlapping,
    review_document,
)

C = ReviewClass


def span(key: str, coder: str, start: int, end: int, code: str = "Claim/Factual",
         **attributes: str) -> ReviewSpan:
    return ReviewSpan(key, coder, start, end, code, tuple(sorted(attributes.items())))


def classes_of(spans: list[ReviewSpan], coders: set[str] | None = None,
               relations: list[ReviewRelation] | None = None) -> list[tuple[ReviewClass, ...]]:
    document = ReviewDocument("d", "", "x" * 200, coders or {s.coder for s in spans}, spans,
                              relations or [])
    return [cluster.classes for cluster in review_document(document)]


def test_identical_spans_of_every_coder_are_unanimous() -> None:
    spans = [span("a", "A", 0, 10, mode="direct"), span("b", "B", 0, 10, mode="direct")]
    assert classes_of(spans) == [(C.UNANIMOUS,)]


def test_shifted_boundary_is_a_boundary_disagreement() -> None:
    assert classes_of([span("a", "A", 0, 10), span("b", "B", 2, 10)]) == [(C.BOUNDARY,)]


def test_other_code_on_the_same_stretch_is_a_code_disagreement() -> None:
    spans = [span("a", "A", 0, 10), span("b", "B", 0, 10, "Claim/Evaluative")]
    assert classes_of(spans) == [(C.CODE,)]


def test_other_attribute_value_under_the_same_code_is_an_attribute_disagreement() -> None:
    spans = [span("a", "A", 0, 10, mode="direct"), span("b", "B", 0, 10, mode="indirect")]
    assert classes_of(spans) == [(C.ATTRIBUTE,)]


def test_attributes_of_different_codes_are_not_compared() -> None:
    spans = [span("a", "A", 0, 10, mode="direct"), span("b", "B", 0, 10, "Source/Cited", x="1")]
    assert classes_of(spans) == [(C.CODE,)]


def test_a_link_only_one_coder_made_is_a_relation_disagreement() -> None:
    spans = [span("a1", "A", 0, 10), span("b1", "B", 0, 10),
             span("a2", "A", 20, 30, "Source/Cited"), span("b2", "B", 20, 30, "Source/Cited")]
    relations = [ReviewRelation("attributed_to", "a1", "a2")]
    assert classes_of(spans, relations=relations) == [(C.RELATION,), (C.RELATION,)]


def test_the_same_link_made_by_both_coders_agrees() -> None:
    spans = [span("a1", "A", 0, 10), span("b1", "B", 0, 10),
             span("a2", "A", 20, 30, "Source/Cited"), span("b2", "B", 20, 30, "Source/Cited")]
    relations = [ReviewRelation("attributed_to", "a1", "a2"),
                 ReviewRelation("attributed_to", "b1", "b2")]
    assert classes_of(spans, relations=relations) == [(C.UNANIMOUS,), (C.UNANIMOUS,)]


def test_a_coder_who_coded_the_document_but_not_this_stretch_is_missing() -> None:
    document = ReviewDocument("d", "", "x" * 50, {"A", "B", "C"},
                              [span("a", "A", 0, 10), span("b", "B", 0, 10)])
    [cluster] = review_document(document)
    assert cluster.classes == (C.MISSING,) and cluster.missing == ("C",)


def test_a_coder_who_has_not_coded_the_document_is_not_missing() -> None:
    assert classes_of([span("a", "A", 0, 10), span("b", "B", 0, 10)], {"A", "B"}) \
        == [(C.UNANIMOUS,)]


def test_several_classes_come_in_precedence_order() -> None:
    spans = [span("a", "A", 0, 10), span("b", "B", 3, 12, "Claim/Evaluative")]
    assert classes_of(spans, {"A", "B", "C"}) == [(C.MISSING, C.CODE, C.BOUNDARY)]


def test_chained_overlaps_form_one_cluster_and_touching_spans_do_not() -> None:
    spans = [span("a", "A", 0, 10), span("b", "B", 8, 20), span("c", "A", 18, 30),
             span("d", "B", 30, 40)]
    groups = group_overlapping(spans)
    assert [[s.key for s in group] for group in groups] == [["a", "b", "c"], ["d"]]


def test_filters_and_counts() -> None:
    spans = [span("a", "A", 0, 10), span("b", "B", 0, 10), span("c", "A", 20, 30, "Source/X"),
             span("d", "B", 22, 30, "Source/X")]
    clusters = review_document(ReviewDocument("d", "", "x" * 40, {"A", "B"}, spans))
    assert class_counts(clusters)["unanimous"] == 1 and class_counts(clusters)["boundary"] == 1
    assert [c.number for c in filter_clusters(clusters, classes=["boundary"])] == [2]
    assert [c.number for c in filter_clusters(clusters, codes=["Claim"])] == [1]
    assert [c.number for c in filter_clusters(clusters, coders=["C"])] == []


CODERS = ["A", "B", "C"]
spans_strategy = st.lists(
    st.tuples(st.sampled_from(CODERS), st.integers(0, 60), st.integers(1, 15),
              st.sampled_from(["K/x", "K/y"]), st.sampled_from(["", "1", "2"])),
    max_size=25)


def _document(rows: list[tuple[str, int, int, str, str]], rename: dict[str, str],
              reverse: bool = False) -> ReviewDocument:
    spans = [ReviewSpan(f"s{k}", rename[coder], start, start + size, code,
                        (("v", value),) if value else ())
             for k, (coder, start, size, code, value) in enumerate(rows)]
    relations = [ReviewRelation("about", spans[k].key, spans[k + 1].key)
                 for k in range(0, len(spans) - 1, 3)]
    if reverse:
        spans.reverse()
    return ReviewDocument("d", "", "x" * 80, {rename[c] for c in CODERS}, spans, relations)


def _summary(document: ReviewDocument) -> list[tuple[frozenset[str], tuple[ReviewClass, ...]]]:
    return [(frozenset(s.key for s in c.spans), c.classes) for c in review_document(document)]


@settings(max_examples=200, deadline=None)
@given(spans_strategy, st.permutations(["P", "Q", "R"]))
def test_renaming_and_reordering_coders_changes_nothing(rows: list, names: list[str]) -> None:
    plain = _document(rows, {c: c for c in CODERS})
    renamed = _document(rows, dict(zip(CODERS, names, strict=True)), reverse=True)
    assert _summary(plain) == _summary(renamed)


@settings(max_examples=200, deadline=None)
@given(spans_strategy)
def test_every_span_is_in_exactly_one_cluster_and_clusters_do_not_overlap(rows: list) -> None:
    document = _document(rows, {c: c for c in CODERS})
    clusters = review_document(document)
    keys = [s.key for c in clusters for s in c.spans]
    assert sorted(keys) == sorted(s.key for s in document.spans)
    for before, after in zip(clusters, clusters[1:], strict=False):
        assert before.end <= after.start
    for cluster in clusters:
        assert cluster.start == min(s.start for s in cluster.spans)
        assert (cluster.classes == (C.UNANIMOUS,)) != bool(set(cluster.classes) - {C.UNANIMOUS})


def test_a_second_span_of_the_same_code_and_values_is_not_an_attribute_disagreement() -> None:
    spans = [span("a", "A", 0, 10, mode="direct"), span("a2", "A", 5, 20, mode="direct"),
             span("b", "B", 0, 20, mode="direct")]
    assert classes_of(spans) == [(C.CODE, C.BOUNDARY)]
