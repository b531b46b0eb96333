"""Adjudication services on the coded demo (3 documents, Layla and Omar, a lead): accept, reject,
edit, rationale, links, automatic strategies (re-runnable), every refusal, and undo/redo."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from annotator.adjudication import DecisionKind, Strategy, key_of, versions
from annotator.db import open_project
from annotator.db.engine import ProjectStore
from annotator.db.models import AdjudicationDecision, Annotation, Relation
from annotator.db.services.adjudication import (
    accept,
    document_clusters,
    edit_gold,
    link_gold,
    reapply_change,
    reject,
    revert_change,
    set_rationale,
    unlink_gold,
)
from annotator.db.services.adjudication_auto import adjudicate_automatically
from annotator.db.services.annotations import get_annotation, update_annotation
from annotator.db.services.codebook import list_codes
from annotator.db.services.demo import build_demo_project
from annotator.domain import Layer, RelationType
from annotator.errors import ProjectError
from annotator.review import Cluster, ReviewClass

DOCUMENT = "aleppo-2016-12"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("adjudication") / "demo.fannot"
    build_demo_project(path, with_coding=True)
    return path


@pytest.fixture
def store(demo: Path, tmp_path: Path) -> Iterator[ProjectStore]:
    copy = tmp_path / "demo.fannot"
    shutil.copy(demo, copy)
    project = open_project(copy)
    yield project
    project.close()


def clusters(store: ProjectStore, document: str = DOCUMENT) -> tuple[str, list[Cluster]]:
    with store.reader() as session:
        return document_clusters(session, document)


def gold(store: ProjectStore) -> list[tuple[str, int, int]]:
    with store.reader() as session:
        rows = session.execute(select(Annotation.code_id, Annotation.start, Annotation.end)
                               .where(Annotation.layer == Layer.GOLD.value)).all()
    return sorted(tuple(row) for row in rows)


def decisions(store: ProjectStore) -> int:
    with store.reader() as session:
        return session.scalar(select(func.count()).select_from(AdjudicationDecision)) or 0


def first(found: list[Cluster], wanted: ReviewClass) -> Cluster:
    return next(c for c in found if c.primary is wanted)


def test_accept_copies_the_version_and_records_the_decision(store: ProjectStore) -> None:
    document, found = clusters(store)
    cluster = first(found, ReviewClass.BOUNDARY)
    source = cluster.by_coder("Omar")[0]
    with store.transaction() as session:
        change = accept(session, lead="Lead", document=DOCUMENT, cluster=key_of(cluster),
                        source=source.key, rationale="Omar's span has the whole metaphor")
    with store.reader() as session:
        decision = session.get(AdjudicationDecision, change.decision_ids[0])
        assert decision is not None
        copied = get_annotation(session, change.gold_ids[0])
        original = get_annotation(session, source.key)
        assert (decision.kind, decision.strategy, decision.source_annotation_id) == (
            "accept", "manual", source.key)
        assert decision.source_coder_id == original.coder_id
        assert decision.rationale == "Omar's span has the whole metaphor"
        assert decision.document_id == document
        assert sorted(decision.members) == sorted(s.key for s in cluster.spans)
        assert (copied.layer, copied.start, copied.end, copied.code_id, copied.attributes) == (
            Layer.GOLD, original.start, original.end, original.code_id, original.attributes)
        assert copied.coder_id == decision.lead_id


def test_a_second_decision_replaces_the_first_and_undo_brings_it_back(
        store: ProjectStore) -> None:
    _document, found = clusters(store)
    cluster = first(found, ReviewClass.BOUNDARY)
    with store.transaction() as session:
        accept(session, lead="Lead", document=DOCUMENT, cluster=key_of(cluster),
               source=cluster.by_coder("Layla")[0].key)
    accepted = gold(store)
    with store.transaction() as session:
        change = reject(session, lead="Lead", document=DOCUMENT, cluster=key_of(cluster),
                        rationale="not a metaphor")
    assert gold(store) == [] and decisions(store) == 1
    with store.reader() as session:
        kind = session.scalar(select(AdjudicationDecision.kind))
    assert kind == DecisionKind.REJECT.value  # a recorded decision, not an absence
    with store.transaction() as session:
        revert_change(session, change)
    assert gold(store) == accepted and decisions(store) == 1
    with store.transaction() as session:
        reapply_change(session, change)
    assert gold(store) == [] and decisions(store) == 1


def test_edit_gold_boundaries_code_and_attributes(store: ProjectStore) -> None:
    _document, found = clusters(store)
    cluster = first(found, ReviewClass.BOUNDARY)
    key = key_of(cluster)
    with store.reader() as session:
        codes = {row.path: row.uuid for row in list_codes(session)}
    with store.transaction() as session:
        with pytest.raises(ProjectError, match="choose its code"):
            edit_gold(session, lead="Lead", document=DOCUMENT, cluster=key)
        drawn = edit_gold(session, lead="Lead", document=DOCUMENT, cluster=key,
                          code_id=codes["Framing device/Metaphor"], start=cluster.start + 2)
    assert gold(store) == [(codes["Framing device/Metaphor"], cluster.start + 2, cluster.end)]
    with store.transaction() as session:
        moved = edit_gold(session, lead="Lead", document=DOCUMENT, cluster=key, end=cluster.end - 1,
                          code_id=codes["Framing device/Label"])
    assert gold(store) == [(codes["Framing device/Label"], cluster.start + 2, cluster.end - 1)]
    assert moved.after[0].row["kind"] == DecisionKind.EDIT.value
    with store.transaction() as session:
        revert_change(session, moved)
    assert gold(store) == [(codes["Framing device/Metaphor"], cluster.start + 2, cluster.end)]
    with store.transaction() as session:
        revert_change(session, drawn)
    assert gold(store) == [] and decisions(store) == 0


def test_rationale_and_gold_links(store: ProjectStore) -> None:
    _document, found = clusters(store)
    unanimous = [c for c in found if c.primary is ReviewClass.UNANIMOUS][:2]
    changes = []
    with store.transaction() as session:
        for cluster in unanimous:
            changes.append(accept(session, lead="Lead", document=DOCUMENT,
                                  cluster=key_of(cluster), source=cluster.spans[0].key))
    ids = [change.gold_ids[0] for change in changes]
    with store.transaction() as session:
        noted = set_rationale(session, lead="Lead", decision_id=changes[0].decision_ids[0],
                              text="  both coders agree  ")
        linked = link_gold(session, lead="Lead", source_id=ids[0], target_id=ids[1],
                           type=RelationType.ABOUT)
    with store.reader() as session:
        decision = session.get(AdjudicationDecision, changes[0].decision_ids[0])
        assert decision is not None and decision.rationale == "both coders agree"
        assert decision.kind == DecisionKind.EDIT.value
        relation = session.scalar(select(Relation).where(Relation.source_id == ids[0]))
        assert relation is not None and relation.target_id == ids[1]
        relation_id = relation.id
    with store.transaction() as session:
        unlinked = unlink_gold(session, lead="Lead", relation_id=relation_id)
        revert_change(session, unlinked)
        assert session.get(Relation, relation_id) is not None
        revert_change(session, linked)
        assert session.get(Relation, relation_id) is None
        revert_change(session, noted)
    with store.reader() as session:
        decision = session.get(AdjudicationDecision, changes[0].decision_ids[0])
        assert decision is not None and (decision.rationale, decision.kind) == ("", "accept")


def test_refusals_write_nothing(store: ProjectStore) -> None:
    _document, found = clusters(store)
    cluster = found[0]
    with store.transaction() as session:
        with pytest.raises(ProjectError, match="no cluster"):
            reject(session, lead="Lead", document=DOCUMENT, cluster="0" * 20)
        with pytest.raises(ProjectError, match="Layla is a coder, not a lead"):
            reject(session, lead="Layla", document=DOCUMENT, cluster=key_of(cluster))
        with pytest.raises(ProjectError, match="no coder named 'Nobody'"):
            reject(session, lead="Nobody", document=DOCUMENT, cluster=key_of(cluster))
        with pytest.raises(ProjectError, match="not in cluster"):
            accept(session, lead="Lead", document=DOCUMENT, cluster=key_of(cluster),
                   source=found[1].spans[0].key)
        with pytest.raises(ProjectError, match="unknown documents"):
            reject(session, lead="Lead", document="nope", cluster=key_of(cluster))
        with pytest.raises(ProjectError, match="not a lead"):
            adjudicate_automatically(session, lead="Omar", strategy=Strategy.MAJORITY)
    assert decisions(store) == 0 and gold(store) == []


def test_automatic_runs_are_idempotent_and_manual_decisions_win(store: ProjectStore) -> None:
    _document, found = clusters(store)
    unanimous = first(found, ReviewClass.UNANIMOUS)
    with store.transaction() as session:
        reject(session, lead="Lead", document=DOCUMENT, cluster=key_of(unanimous))
    with store.transaction() as session:
        report = adjudicate_automatically(session, lead="Lead", strategy=Strategy.UNANIMOUS)
    expected = sum(1 for c in found if c.primary is ReviewClass.UNANIMOUS) - 1
    assert report.tallies[0].decided == expected and report.tallies[0].already == 1
    assert report.tallies[0].left == len(found) - expected - 1
    after_first, made = gold(store), decisions(store)
    with store.transaction() as session:
        again = adjudicate_automatically(session, lead="Lead", strategy=Strategy.MAJORITY)
    # two coders: a majority is both, so it adds only clusters whose links alone differ
    links_only = [c for c in found if c.primary is ReviewClass.RELATION
                  and len(set(versions(c).values())) == 1]
    assert again.total("decided") == len(links_only)
    assert again.total("already") == report.total("decided") + 1
    assert decisions(store) == made + len(links_only)
    with store.transaction() as session:
        third = adjudicate_automatically(session, lead="Lead", strategy=Strategy.MAJORITY)
    assert third.total("decided") == 0 and decisions(store) == made + len(links_only)
    with store.transaction() as session:
        revert_change(session, again.change)
    assert gold(store) == after_first and decisions(store) == made
    with store.reader() as session:
        manual = session.scalar(select(AdjudicationDecision.kind).where(
            AdjudicationDecision.cluster_key == key_of(unanimous)))
    assert manual == "reject"
    with store.transaction() as session:
        revert_change(session, report.change)
    assert decisions(store) == 1 and gold(store) == []


def test_a_rerun_after_the_coders_changed_a_cluster_leaves_the_conflict_alone(
        store: ProjectStore) -> None:
    _document, found = clusters(store)
    cluster = first(found, ReviewClass.UNANIMOUS)
    with store.transaction() as session:
        made = accept(session, lead="Lead", document=DOCUMENT, cluster=key_of(cluster),
                      source=cluster.spans[0].key)
        update_annotation(session, cluster.spans[0].key, end=cluster.spans[0].end + 1)
    with store.transaction() as session:  # the membership is the same: still decided
        report = adjudicate_automatically(session, lead="Lead", strategy=Strategy.THRESHOLD,
                                          threshold=0.5, documents=[DOCUMENT])
    assert report.total("conflicts") == 0 and report.total("already") == 1
    span = cluster.spans[0]
    with store.transaction() as session:  # a new span of Layla joins the cluster: stale
        from annotator.db.services.annotations import create_annotation
        data = get_annotation(session, span.key)
        create_annotation(session, document_id=data.document_id, coder_id=data.coder_id,
                          code_id=data.code_id, start=data.start, end=data.start + 1)
    with store.transaction() as session:
        report = adjudicate_automatically(session, lead="Lead", strategy=Strategy.THRESHOLD,
                                          threshold=0.5, documents=[DOCUMENT])
    assert report.total("conflicts") == 1 and report.conflicts[0][0] == cluster.document
    with store.reader() as session:
        decision = session.get(AdjudicationDecision, made.decision_ids[0])
        assert decision is not None and decision.gold == made.after[0].row["gold"]
        assert session.get(Annotation, made.gold_ids[0]) is not None


def test_relations_follow_into_gold(store: ProjectStore) -> None:
    with store.reader() as session:
        coder_links = session.scalar(select(func.count()).select_from(Relation)) or 0
    assert coder_links > 0
    with store.transaction() as session:
        for document in ("aleppo-2016-12",):
            _uuid, found = document_clusters(session, document)
            for cluster in found:
                if cluster.by_coder("Layla"):
                    accept(session, lead="Lead", document=document, cluster=key_of(cluster),
                           source=cluster.by_coder("Layla")[0].key)
    with store.reader() as session:
        layla_links = session.execute(select(Relation.type).join(
            Annotation, Annotation.id == Relation.source_id).where(
            Annotation.document_id == _uuid, Annotation.layer == "coding",
            Relation.coder_id == Annotation.coder_id)).all()
        gold_links = session.execute(select(Relation.type).join(
            Annotation, Annotation.id == Relation.source_id).where(
            Annotation.document_id == _uuid, Annotation.layer == "gold")).all()
    assert gold_links and len(gold_links) <= len(layla_links)


def test_packages_never_carry_gold_or_decisions(store: ProjectStore, tmp_path: Path) -> None:
    from annotator.db.services.assignments import AssignmentRequest, assign_documents
    from annotator.db.services.packages import export_package

    with store.transaction() as session:
        adjudicate_automatically(session, lead="Lead", strategy=Strategy.UNANIMOUS)
        assign_documents(session, AssignmentRequest(coders=["Layla"]))
    assert gold(store)
    out = export_package(store, "Layla", tmp_path / "layla.fannot").path
    package = open_project(out)
    try:
        assert gold(package) == [] and decisions(package) == 0
        _document, found = clusters(package)
        with package.transaction() as session, pytest.raises(ProjectError, match="coder package"):
            reject(session, lead="Lead", document=DOCUMENT, cluster=key_of(found[0]))
    finally:
        package.close()
