"""SQLAlchemy 2.0 models of the project file.

Every entity carries a UUID primary key (text, 36 characters) so that copies of a project made by
different coders can be merged by identity, never by name. Offsets are code points into the
document's canonical text, half-open ``[start, end)``.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC)


def _row_version() -> Mapped[int]:
    """Counts a row's updates; an update of a row changed meanwhile touches nothing and raises
    (SQLAlchemy's ``version_id_col``; migration 0007)."""
    return mapped_column(Integer, nullable=False, server_default="1")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def _uuid_pk() -> Mapped[str]:
    return mapped_column(String(36), primary_key=True, default=new_uuid)


def _timestamp() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), default=utcnow, nullable=False)


class Project(Base):
    __tablename__ = "project"

    id: Mapped[str] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = _timestamp()
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Coder(Base):
    __tablename__ = "coder"

    id: Mapped[str] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(16), default="coder")
    created_at: Mapped[datetime] = _timestamp()


class Document(Base):
    __tablename__ = "document"

    id: Mapped[str] = _uuid_pk()
    external_id: Mapped[str | None] = mapped_column(String(300), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    outlet: Mapped[str | None] = mapped_column(String(300))
    date: Mapped[str | None] = mapped_column(String(64))
    url: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(String(300))
    text: Mapped[str] = mapped_column(Text)
    length: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSON, default=dict)
    position: Mapped[int] = mapped_column(Integer, default=0, index=True)  # import order
    created_at: Mapped[datetime] = _timestamp()


class DocumentMemo(Base):
    __tablename__ = "document_memo"
    __table_args__ = (UniqueConstraint("document_id", "coder_id"),)

    id: Mapped[str] = _uuid_pk()
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = _timestamp()
    row_version: Mapped[int] = _row_version()

    __mapper_args__ = {"version_id_col": row_version}


class Assignment(Base):
    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("document_id", "coder_id"),)

    id: Mapped[str] = _uuid_pk()
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16), default="todo")
    updated_at: Mapped[datetime] = _timestamp()


class Codebook(Base):
    __tablename__ = "codebook"

    id: Mapped[str] = _uuid_pk()
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[str] = mapped_column(String(32), default="1")


class Code(Base):
    __tablename__ = "code"

    id: Mapped[str] = _uuid_pk()
    codebook_id: Mapped[str] = mapped_column(ForeignKey("codebook.id", ondelete="CASCADE"))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    name_en: Mapped[str] = mapped_column(String(200))
    name_ar: Mapped[str] = mapped_column(String(200), default="")
    colour: Mapped[str] = mapped_column(String(9), default="#ffe08a")
    shortcut: Mapped[str] = mapped_column(String(32), default="")
    definition: Mapped[str] = mapped_column(Text, default="")
    include: Mapped[str] = mapped_column(Text, default="")
    exclude: Mapped[str] = mapped_column(Text, default="")
    examples: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)

    attributes: Mapped[list[AttributeDefinition]] = relationship(
        order_by="AttributeDefinition.position", cascade="all, delete-orphan", passive_deletes=True
    )


class AttributeDefinition(Base):
    __tablename__ = "attribute_definition"

    id: Mapped[str] = _uuid_pk()
    code_id: Mapped[str] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(16))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(default=False)
    description: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)


class Annotation(Base):
    __tablename__ = "annotation"
    __table_args__ = (
        CheckConstraint("start >= 0 AND \"end\" > start", name="span"),
        Index("ix_annotation_document_layer_coder", "document_id", "layer", "coder_id"),
    )

    id: Mapped[str] = _uuid_pk()
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    code_id: Mapped[str] = mapped_column(ForeignKey("code.id", ondelete="RESTRICT"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    layer: Mapped[str] = mapped_column(String(8), default="coding")
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = _timestamp()
    updated_at: Mapped[datetime] = _timestamp()
    row_version: Mapped[int] = _row_version()

    __mapper_args__ = {"version_id_col": row_version}

    values: Mapped[list[AttributeValue]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )


class AttributeValue(Base):
    __tablename__ = "attribute_value"
    __table_args__ = (UniqueConstraint("annotation_id", "attribute_id"),)

    id: Mapped[str] = _uuid_pk()
    annotation_id: Mapped[str] = mapped_column(ForeignKey("annotation.id", ondelete="CASCADE"))
    attribute_id: Mapped[str] = mapped_column(
        ForeignKey("attribute_definition.id", ondelete="CASCADE")
    )
    value: Mapped[str] = mapped_column(Text)


class Relation(Base):
    __tablename__ = "relation"

    id: Mapped[str] = _uuid_pk()
    type: Mapped[str] = mapped_column(String(32))
    source_id: Mapped[str] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), index=True
    )
    target_id: Mapped[str] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), index=True
    )
    coder_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = _timestamp()


class Tombstone(Base):
    """A deleted entity: lets a merge carry deletions from one copy of the project to another."""

    __tablename__ = "tombstone"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    coder_id: Mapped[str | None] = mapped_column(String(36))
    deleted_at: Mapped[datetime] = _timestamp()


class PackageInfo(Base):
    """Present (one row) only in a coder package: whose package it is and of which project."""

    __tablename__ = "package_info"

    id: Mapped[str] = _uuid_pk()
    project_id: Mapped[str] = mapped_column(String(36))
    coder_id: Mapped[str] = mapped_column(String(36))
    coder_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = _timestamp()


class PackageBaseline(Base):
    """The content digest of one item as the package was made (what a merge compares against)."""

    __tablename__ = "package_baseline"

    item_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    entity: Mapped[str] = mapped_column(String(16))
    document_id: Mapped[str] = mapped_column(String(36))
    digest: Mapped[str] = mapped_column(String(64))


class MergeConflict(Base):
    """An item both the project and a package changed: the package's version, kept beside ours."""

    __tablename__ = "merge_conflict"
    __table_args__ = (UniqueConstraint("package_id", "item_id", "package_digest"),)

    id: Mapped[str] = _uuid_pk()
    package_id: Mapped[str] = mapped_column(String(36))
    coder_id: Mapped[str] = mapped_column(String(36))
    document_id: Mapped[str] = mapped_column(String(36))
    entity: Mapped[str] = mapped_column(String(16))
    item_id: Mapped[str] = mapped_column(String(80))
    reason: Mapped[str] = mapped_column(String(200))
    package_digest: Mapped[str] = mapped_column(String(64))
    package_version: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = _timestamp()


class AdjudicationDecision(Base):
    """One settled review cluster of the lead's project: what went into gold, by whom and why.

    ``cluster_key`` names the cluster by its members (:func:`annotator.adjudication.cluster_key`);
    ``members`` keeps their ids. ``gold`` lists ``[source annotation id or None, gold annotation
    id]`` pairs. The source is not a foreign key: the record outlives a coder's later deletion.
    """

    __tablename__ = "adjudication_decision"
    __table_args__ = (UniqueConstraint("document_id", "cluster_key"),)

    id: Mapped[str] = _uuid_pk()
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"),
                                             index=True)
    cluster_key: Mapped[str] = mapped_column(String(40))
    members: Mapped[list[str]] = mapped_column(JSON, default=list)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    strategy: Mapped[str] = mapped_column(String(32))
    source_annotation_id: Mapped[str | None] = mapped_column(String(36))
    source_coder_id: Mapped[str | None] = mapped_column(String(36))
    gold: Mapped[list[list[str | None]]] = mapped_column(JSON, default=list)
    rationale: Mapped[str] = mapped_column(Text, default="")
    lead_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="RESTRICT"))
    decided_at: Mapped[datetime] = _timestamp()


class DocumentQuestion(Base):
    """A document-level question of the codebook (see ``annotator.codebook.questions``)."""

    __tablename__ = "document_question"

    id: Mapped[str] = _uuid_pk()
    codebook_id: Mapped[str] = mapped_column(ForeignKey("codebook.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    key: Mapped[str] = mapped_column(String(32), unique=True)
    type: Mapped[str] = mapped_column(String(16))
    wording_en: Mapped[str] = mapped_column(Text)
    wording_ar: Mapped[str] = mapped_column(Text)
    help_en: Mapped[str] = mapped_column(Text, default="")
    help_ar: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(default=False)
    condition: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    options: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    group: Mapped[str] = mapped_column("group_name", String(200), default="")


class DocumentAnswer(Base):
    """One coder's answer to one question for one document, in the coding or the gold layer."""

    __tablename__ = "document_answer"
    __table_args__ = (
        UniqueConstraint("document_id", "coder_id", "question_id", "layer"),
        Index("ix_document_answer_question_layer", "question_id", "layer"),
    )

    id: Mapped[str] = _uuid_pk()
    document_id: Mapped[str] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    coder_id: Mapped[str] = mapped_column(ForeignKey("coder.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(ForeignKey("document_question.id", ondelete="RESTRICT"))
    layer: Mapped[str] = mapped_column(String(8), default="coding")
    value: Mapped[Any] = mapped_column(JSON)
    created_at: Mapped[datetime] = _timestamp()
    updated_at: Mapped[datetime] = _timestamp()
