"""Review of a coding round: the coders' spans of each document aligned into clusters and classified.

A *cluster* is a connected component of overlapping spans (half-open ``[start, end)``, any coder):
two spans that share at least one character are in the same cluster, and so is everything linked to
them through a chain of such overlaps. Spans that only touch (``[0, 5)`` and ``[5, 9)``) do not
overlap. Each cluster carries one or more classes; docs/review.md defines them and their precedence.

Plain data in, plain data out: no Qt, no SQL. Cost is a sort per document plus one pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class ReviewClass(StrEnum):
    """What a cluster shows; the order of the members is their precedence (most important first)."""

    MISSING = "missing"
    CODE = "code"
    BOUNDARY = "boundary"
    ATTRIBUTE = "attribute"
    RELATION = "relation"
    UNANIMOUS = "unanimous"


PRECEDENCE: tuple[ReviewClass, ...] = tuple(ReviewClass)
DISAGREEMENTS = frozenset(PRECEDENCE) - {ReviewClass.UNANIMOUS}

Attributes = tuple[tuple[str, str], ...]  # (attribute name, value), sorted by name


@dataclass(frozen=True)
class ReviewSpan:
    """One coder's annotation: ``key`` is its id, ``code`` a path (``Kind/Code/Sub``)."""

    key: str
    coder: str
    start: int
    end: int
    code: str
    attributes: Attributes = ()


@dataclass(frozen=True)
class ReviewRelation:
    """A link of one coder from the annotation ``source`` to ``target`` (annotation keys)."""

    type: str
    source: str
    target: str


@dataclass
class ReviewDocument:
    """One document's spans and relations, and the coders who coded it (done, or with spans)."""

    uuid: str
    title: str
    text: str
    coders: set[str] = field(default_factory=set)
    spans: list[ReviewSpan] = field(default_factory=list)
    relations: list[ReviewRelation] = field(default_factory=list)


@dataclass(frozen=True)
class Cluster:
    """Overlapping spans of one document and what they show (``classes`` in precedence order)."""

    document: str
    number: int  # 1-based position in the document
    start: int
    end: int
    spans: tuple[ReviewSpan, ...]
    coders: tuple[str, ...]  # the coders who coded the document, sorted
    classes: tuple[ReviewClass, ...]
    missing: tuple[str, ...]  # coders who coded the document but marked nothing here

    @property
    def primary(self) -> ReviewClass:
        return self.classes[0]

    @property
    def disagrees(self) -> bool:
        return self.primary is not ReviewClass.UNANIMOUS

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(sorted({span.code for span in self.spans}))

    def by_coder(self, coder: str) -> tuple[ReviewSpan, ...]:
        return tuple(span for span in self.spans if span.coder == coder)


def group_overlapping(spans: Iterable[ReviewSpan]) -> list[list[ReviewSpan]]:
    """Connected components of overlapping spans, in text order (sweep over sorted starts)."""
    ordered = sorted(spans, key=lambda s: (s.start, s.end, s.coder, s.key))
    groups: list[list[ReviewSpan]] = []
    reach = -1
    for span in ordered:
        if span.start >= reach:
            groups.append([])
        groups[-1].append(span)
        reach = max(reach, span.end)
    return groups


def review_document(document: ReviewDocument) -> list[Cluster]:
    """The document's clusters, in text order, classified."""
    groups = group_overlapping(document.spans)
    cluster_of = {span.key: number for number, group in enumerate(groups) for span in group}
    links = _relation_signatures(document.relations, cluster_of)
    coders = tuple(sorted(document.coders | {span.coder for span in document.spans}))
    return [_cluster(document.uuid, number + 1, group, coders, links)
            for number, group in enumerate(groups)]


def review_documents(documents: Iterable[ReviewDocument]) -> list[Cluster]:
    """Every document's clusters, documents in the order given."""
    return [cluster for document in documents for cluster in review_document(document)]


Link = tuple[str, str, int]  # (relation type, "out"/"in", cluster of the other end)


def _relation_signatures(relations: Sequence[ReviewRelation],
                         cluster_of: dict[str, int]) -> dict[str, set[Link]]:
    """Per annotation key, its links expressed as clusters, so coders' links compare."""
    links: dict[str, set[Link]] = defaultdict(set)
    for relation in relations:
        source, target = cluster_of.get(relation.source), cluster_of.get(relation.target)
        if source is None or target is None:
            continue
        links[relation.source].add((relation.type, "out", target))
        links[relation.target].add((relation.type, "in", source))
    return links


def _cluster(document: str, number: int, group: list[ReviewSpan], coders: tuple[str, ...],
             links: dict[str, set[Link]]) -> Cluster:
    present = sorted({span.coder for span in group})
    missing = tuple(coder for coder in coders if coder not in present)
    classes = classify(group, missing, links)
    return Cluster(document, number, group[0].start, max(span.end for span in group),
                   tuple(group), coders, classes, missing)


def classify(group: Sequence[ReviewSpan], missing: Sequence[str],
             links: dict[str, set[Link]]) -> tuple[ReviewClass, ...]:
    """The classes of one cluster, in precedence order; unanimous only when nothing differs."""
    per_coder: dict[str, list[ReviewSpan]] = defaultdict(list)
    for span in group:
        per_coder[span.coder].append(span)
    found = {ReviewClass.MISSING} if missing else set()
    if len(per_coder) > 1:
        found |= _span_differences(list(per_coder.values()))
        if _differ(set().union(*(links.get(s.key, set()) for s in spans))
                   for spans in per_coder.values()):
            found.add(ReviewClass.RELATION)
    return tuple(c for c in PRECEDENCE if c in found) or (ReviewClass.UNANIMOUS,)


def _span_differences(coders: list[list[ReviewSpan]]) -> set[ReviewClass]:
    """Code, boundary and attribute differences between the coders' spans of one cluster."""
    if not _differ(sorted((s.start, s.end, s.code, s.attributes) for s in spans)
                   for spans in coders):
        return set()
    found = set()
    if _differ(sorted(s.code for s in spans) for spans in coders):
        found.add(ReviewClass.CODE)
    if _differ(sorted((s.start, s.end) for s in spans) for spans in coders):
        found.add(ReviewClass.BOUNDARY)
    if _attributes_differ(coders):
        found.add(ReviewClass.ATTRIBUTE)
    return found


def _differ(values: Iterable[object]) -> bool:
    seen = list(values)
    return any(value != seen[0] for value in seen[1:])


def _attributes_differ(coders: list[list[ReviewSpan]]) -> bool:
    """Attribute values are compared between coders who gave the same code (attributes belong
    to a code, so a code disagreement is not also counted as an attribute one)."""
    by_code: dict[str, list[set[Attributes]]] = defaultdict(list)
    for spans in coders:
        values: dict[str, set[Attributes]] = defaultdict(set)
        for span in spans:
            values[span.code].add(span.attributes)
        for code, attributes in values.items():
            by_code[code].append(attributes)
    return any(_differ(coders) for coders in by_code.values())


def filter_clusters(clusters: Iterable[Cluster], *, classes: Iterable[str] = (),
                    codes: Iterable[str] = (), coders: Iterable[str] = ()) -> list[Cluster]:
    """Clusters carrying any of ``classes``, with a span of any of ``codes`` (a parent path brings
    its sub-codes), involving any of ``coders`` (a span there, or missing it). Empty: no filter."""
    wanted_classes = {ReviewClass(name) for name in classes}
    wanted_codes, wanted_coders = tuple(codes), set(coders)

    def keep(cluster: Cluster) -> bool:
        if wanted_classes and not wanted_classes & set(cluster.classes):
            return False
        if wanted_codes and not any(code == w or code.startswith(w + "/")
                                    for code in cluster.codes for w in wanted_codes):
            return False
        involved = {span.coder for span in cluster.spans} | set(cluster.missing)
        return not wanted_coders or bool(wanted_coders & involved)

    return [cluster for cluster in clusters if keep(cluster)]


def class_counts(clusters: Iterable[Cluster]) -> dict[str, int]:
    """How many clusters carry each class (a cluster counts once per class it carries)."""
    counts = dict.fromkeys((c.value for c in PRECEDENCE), 0)
    for cluster in clusters:
        for found in cluster.classes:
            counts[found.value] += 1
    return counts
