"""English and Arabic labels of choice values, kept in ``Project.settings["choice_labels"]``.

The stored value of a choice stays what the data, exports and agreement use; a label is only what
people read: ``{attribute id: {value: [english, arabic]}}``. Settings need no schema change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from annotator.db.services.projects import get_setting, set_setting

CHOICE_LABELS = "choice_labels"
Labels = dict[str, tuple[str, str]]  # value → (english, arabic)


def all_labels(session: Session) -> dict[str, Any]:
    return dict(get_setting(session, CHOICE_LABELS, {}) or {})


def choice_labels(session: Session, attribute_id: str) -> Labels:
    stored = all_labels(session).get(attribute_id, {})
    return {value: (pair[0], pair[1]) for value, pair in stored.items()}


def set_choice_labels(session: Session, attribute_id: str, labels: Mapping[str, tuple[str, str]]
                      ) -> None:
    """Store the labels of one attribute (values with two empty labels are left out)."""
    kept = {value: [en.strip(), ar.strip()] for value, (en, ar) in labels.items()
            if en.strip() or ar.strip()}
    every = all_labels(session)
    if kept:
        every[attribute_id] = kept
    else:
        every.pop(attribute_id, None)
    set_setting(session, CHOICE_LABELS, every)


def labels_of(session: Session, attribute_ids: Iterable[str]) -> dict[str, Any]:
    every = all_labels(session)
    return {i: every[i] for i in attribute_ids if i in every}


def drop_labels(session: Session, attribute_ids: Iterable[str]) -> None:
    every = all_labels(session)
    for attribute_id in attribute_ids:
        every.pop(attribute_id, None)
    set_setting(session, CHOICE_LABELS, every)


def restore_labels(session: Session, saved: Mapping[str, Any]) -> None:
    if saved:
        set_setting(session, CHOICE_LABELS, {**all_labels(session), **saved})
