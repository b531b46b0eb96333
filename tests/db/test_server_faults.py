"""A server under real faults: a dropped connection and a serialisation failure are retried, a
held lock ends in one line within the lock timeout, and concurrent coders in separate processes
neither lose nor duplicate rows."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from sqlalchemy import func, select, text

from annotator.db import open_project
from annotator.db import server
from annotator.db.models import Annotation, Coder, Document
from annotator.db.services.annotations import create_annotation, update_annotation
from annotator.db.services.codebook import code_ids_by_path
from annotator.errors import ChangedMeanwhile, ProjectError


def _first_ids(session) -> tuple[str, str, str]:  # noqa: ANN001
    return (session.scalar(select(Document.id).order_by(Document.position)),
            session.scalar(select(Coder.id).where(Coder.name == "Layla")),
            next(iter(code_ids_by_path(session).values())))


def test_a_dropped_connection_and_a_serialisation_failure_are_retried(pg_demo_team) -> None:  # noqa: ANN001
    store = open_project(pg_demo_team["owner"])
    attempts: list[int] = []

    def work(session) -> str:  # noqa: ANN001
        attempts.append(1)
        if len(attempts) == 1:  # the server drops this connection
            session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
        if len(attempts) == 2:  # the server reports a serialisation failure
            session.execute(text("DO $$ BEGIN RAISE EXCEPTION 'x' USING ERRCODE = '40001'; END $$"))
        document_id, coder_id, code_id = _first_ids(session)
        return create_annotation(session, document_id=document_id, coder_id=coder_id,
                                 code_id=code_id, start=0, end=3).uuid
    try:
        created = store.write(work)
        assert len(attempts) == 3
        with store.reader() as session:
            assert session.get(Annotation, created) is not None
    finally:
        store.close()


def test_a_held_row_lock_ends_in_one_line_not_a_hang(pg_demo_team, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(server, "LOCK_TIMEOUT_MS", 300)
    holder, waiter = open_project(pg_demo_team["owner"]), open_project(pg_demo_team["owner"])
    try:
        with holder.transaction() as session:
            annotation_id = session.scalar(select(Annotation.id).limit(1))
            session.execute(select(Annotation).where(Annotation.id == annotation_id)
                            .with_for_update())
            started = time.monotonic()
            with pytest.raises(ProjectError, match="kept the rows locked"):
                with waiter.transaction() as other:
                    update_annotation(other, annotation_id, memo="waited")
            assert time.monotonic() - started < 5
    finally:
        holder.close()
        waiter.close()


def _code_in_process(url: str, coder: str, count: int) -> int:
    store = open_project(url)
    try:
        for i in range(count):
            def work(session, i: int = i) -> None:  # noqa: ANN001
                document_id = session.scalar(select(Document.id).order_by(Document.position))
                coder_id = session.scalar(select(Coder.id).where(Coder.name == coder))
                code_id = next(iter(code_ids_by_path(session).values()))
                create_annotation(session, document_id=document_id, coder_id=coder_id,
                                  code_id=code_id, start=i, end=i + 2)
            store.write(work)
    finally:
        store.close()
    return count


def test_concurrent_coders_in_processes_lose_and_duplicate_nothing(pg_demo_team) -> None:  # noqa: ANN001
    owner = open_project(pg_demo_team["owner"])
    with owner.reader() as session:
        before = dict(session.execute(select(Coder.name, func.count(Annotation.id))
                                      .join(Annotation, Annotation.coder_id == Coder.id)
                                      .group_by(Coder.name)).all())
    jobs = [(pg_demo_team[name], name, 25) for name in ("Layla", "Omar", "Lead")]
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        assert pool.starmap(_code_in_process, jobs) == [25, 25, 25]
    with owner.reader() as session:
        after = dict(session.execute(select(Coder.name, func.count(Annotation.id))
                                     .join(Annotation, Annotation.coder_id == Coder.id)
                                     .group_by(Coder.name)).all())
        ids = session.scalars(select(Annotation.id)).all()
    owner.close()
    assert {name: after[name] - before.get(name, 0) for name in after} == {
        "Layla": 25, "Omar": 25, "Lead": 25}
    assert len(ids) == len(set(ids))


def test_two_transactions_updating_one_row_at_once_lose_nothing(pg_demo_team) -> None:  # noqa: ANN001
    """Both read version N in their own open transaction (possible on a server, where writers
    do not queue up front as on a file); the later flush finds the row changed and is refused."""
    store, other = open_project(pg_demo_team["owner"]), open_project(pg_demo_team["owner"])
    try:
        with pytest.raises(ChangedMeanwhile):
            with store.transaction() as first:
                mine = first.scalars(select(Annotation).limit(1)).one()
                annotation_id = mine.id
                with other.transaction() as second:
                    update_annotation(second, annotation_id, memo="second")
                mine.memo = "first"  # an ORM update: WHERE row_version = the version read
        with store.reader() as session:
            assert session.get(Annotation, annotation_id).memo == "second"
    finally:
        store.close()
        other.close()


def _backend_pid(store) -> int:  # noqa: ANN001
    with store.reader() as session:
        return int(session.scalar(text("SELECT pg_backend_pid()")))


def test_a_connection_dropped_while_idle_is_replaced_before_use(pg_demo_team,  # noqa: ANN001
                                                                 monkeypatch) -> None:
    """A pooled connection is pinged only after sitting idle; one the server ended meanwhile (a
    restart, a laptop asleep) is replaced, so even a read that is never retried works."""
    store, admin = open_project(pg_demo_team["Layla"]), open_project(pg_demo_team["owner"])
    try:
        idle_pid = _backend_pid(store)
        assert _backend_pid(store) == idle_pid  # a busy coder keeps the pooled connection
        with admin.transaction() as session:
            session.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": idle_pid})
        monkeypatch.setattr(server, "IDLE_PING_S", 0.0)
        assert _backend_pid(store) != idle_pid
    finally:
        store.close()
        admin.close()


def test_a_busy_connection_is_not_pinged(pg_demo_team) -> None:  # noqa: ANN001
    """No ping round trip before every commit: the pool hands back the connection unchecked."""
    store = open_project(pg_demo_team["Layla"])
    pings: list[object] = []
    try:
        store.engine.dialect.do_ping = pings.append  # type: ignore[method-assign]
        _backend_pid(store)
        _backend_pid(store)
        assert pings == []
    finally:
        store.close()
