"""Coders' names, retirement and roles, and the lead passphrase (all without a schema change).

Retirement and the passphrase hash live in ``Project.settings`` (JSON): ``retired_coders`` is a
list of coder UUIDs, ``lead_passphrase`` the record of :mod:`annotator.passphrase`. A retired coder
keeps every annotation; the "who is coding?" dialog no longer offers them.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.db.models import Annotation, Assignment, Coder, DocumentMemo, Relation
from annotator.db.services.coders import CoderInfo, list_coders
from annotator.db.services.lookup import get_or_fail
from annotator.db.services.projects import get_setting, set_setting
from annotator.domain import Role
from annotator.errors import ProjectError
from annotator.passphrase import check_new_passphrase, hash_passphrase, verify_passphrase

RETIRED_CODERS = "retired_coders"
LEAD_PASSPHRASE = "lead_passphrase"


@dataclass(frozen=True)
class Roster:
    """Who may be offered at start: every coder, the retired ones, and whether leads are locked."""

    coders: list[CoderInfo]
    retired: frozenset[str]
    protected: bool

    def active(self) -> list[CoderInfo]:
        return [c for c in self.coders if c.uuid not in self.retired]

    def offered(self) -> list[CoderInfo]:
        """What the coder picker lists: active coders, and leads only when no passphrase is set."""
        return [c for c in self.active() if not (self.protected and c.role is Role.LEAD)]

    def leads(self) -> list[CoderInfo]:
        return [c for c in self.active() if c.role is Role.LEAD]


def roster(session: Session) -> Roster:
    return Roster(list_coders(session), frozenset(retired_coder_ids(session)),
                  lead_passphrase_set(session))


def retired_coder_ids(session: Session) -> set[str]:
    return set(get_setting(session, RETIRED_CODERS, []) or [])


def rename_coder(session: Session, coder_id: str, name: str) -> str:
    """Give a coder a new name; returns the old one (for undo)."""
    coder = get_or_fail(session, Coder, coder_id, "coder")
    name = name.strip()
    if not name:
        raise ProjectError("a coder needs a name")
    clash = session.scalar(select(Coder).where(func.lower(Coder.name) == name.casefold(),
                                               Coder.id != coder_id))
    if clash is not None:
        raise ProjectError(f"a coder named {clash.name!r} already exists")
    old, coder.name = coder.name, name
    session.flush()
    return old


def set_retired(session: Session, coder_id: str, retired: bool) -> bool:
    """Retire (or reinstate) a coder; returns whether they were retired before."""
    coder = get_or_fail(session, Coder, coder_id, "coder")
    ids = retired_coder_ids(session)
    before = coder_id in ids
    if retired and not before and coder.role == Role.LEAD.value:
        _keep_one_lead(session, coder_id, ids, "retire")
    (ids.add if retired else ids.discard)(coder_id)
    set_setting(session, RETIRED_CODERS, sorted(ids))
    return before


def set_role(session: Session, coder_id: str, role: Role) -> Role:
    """Make a coder a lead or a coder; returns the previous role. The last active lead stays.
    On a server the coder's logins change group too: a lead's login reads everyone's rows."""
    coder = get_or_fail(session, Coder, coder_id, "coder")
    previous = Role(coder.role)
    if previous is Role.LEAD and role is not Role.LEAD:
        _keep_one_lead(session, coder_id, retired_coder_ids(session), "make a coder")
    coder.role = Role(role).value
    session.flush()
    if session.get_bind().dialect.name == "postgresql" and role is not previous:
        from annotator.db.server_roles import regroup_logins  # psycopg: servers only

        regroup_logins(session.connection(), coder_id, lead=role is Role.LEAD)
    return previous


def _keep_one_lead(session: Session, coder_id: str, retired: set[str], verb: str) -> None:
    leads = session.scalars(select(Coder.id).where(Coder.role == Role.LEAD.value))
    if not [lead for lead in leads if lead != coder_id and lead not in retired]:
        raise ProjectError(f"cannot {verb} the only active lead; make someone else lead first")


def remove_unused_coder(session: Session, coder_id: str) -> str:
    """Take back the adding of a coder who has no work yet (undo of Add); returns the UUID."""
    coder = get_or_fail(session, Coder, coder_id, "coder")
    for model in (Annotation, Assignment, DocumentMemo, Relation):
        used = session.scalar(select(func.count()).select_from(model)
                              .where(model.coder_id == coder_id))  # type: ignore[attr-defined]
        if used:
            raise ProjectError(f"{coder.name} already has work in the project; retire instead")
    set_setting(session, RETIRED_CODERS, sorted(retired_coder_ids(session) - {coder_id}))
    session.delete(coder)
    session.flush()
    return coder_id


def lead_passphrase_set(session: Session) -> bool:
    return bool(get_setting(session, LEAD_PASSPHRASE))


def check_lead_passphrase(session: Session, passphrase: str) -> bool:
    """Whether the passphrase opens the lead role (always true when none is set)."""
    record = get_setting(session, LEAD_PASSPHRASE)
    return True if not record else verify_passphrase(passphrase, record)


def set_lead_passphrase(session: Session, passphrase: str, current: str | None = None) -> None:
    """Set or change the lead passphrase. Changing one needs the current passphrase, unless the
    caller has already checked it (the app asks for it when a lead opens the project)."""
    if current is not None and not check_lead_passphrase(session, current):
        raise ProjectError("the current lead passphrase is wrong; nothing was changed")
    try:
        check_new_passphrase(passphrase)
    except ValueError as error:
        raise ProjectError(str(error)) from None
    set_setting(session, LEAD_PASSPHRASE, hash_passphrase(passphrase))
