"""``annotator server who URL [--json]``: who is connected to a server project now, since when,
and when each coder last changed something (``annotator.db.presence``). A lead's role only."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.db.presence import CoderPresence


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def register(actions: Any, url_type: Any) -> None:
    """Add ``who`` to ``annotator server``'s actions."""
    who = actions.add_parser("who", help="who is connected now, since when, last change per coder")
    who.add_argument("url", type=url_type)
    who.add_argument("--json", action="store_true", help="one JSON object per coder and line")


def ago(moment: datetime | None, now: datetime) -> str:
    """``5 min ago``, ``3 h ago``, ``2 d ago``, ``just now``, ``never``."""
    if moment is None:
        return "never"
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return "just now"
    for unit, size in (("d", 86400), ("h", 3600)):
        if seconds >= size:
            return f"{seconds // size} {unit} ago"
    return f"{seconds // 60} min ago"


def who(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.presence import coder_presence, presence_json

    store = open_project(args.url)
    try:
        with store.reader() as session:
            coders = coder_presence(session)
    finally:
        store.close()
    if args.json:
        for presence in coders:
            _out(json.dumps(presence_json(presence), ensure_ascii=False))
        return 0
    for line in table(coders, datetime.now(UTC)):
        _out(line)
    return 0


def table(coders: list[CoderPresence], now: datetime) -> list[str]:
    """The coders as aligned text lines, a header first."""
    width = max([len(c.name) for c in coders] + [5])
    lines = [f"{'coder':<{width}}  {'online':<6}  {'sessions':>8}  {'since':<20}  last change"]
    for c in coders:
        since = c.since.strftime("%Y-%m-%d %H:%M UTC") if c.since else "-"
        lines.append(f"{c.name:<{width}}  {'yes' if c.connected else 'no':<6}  {c.sessions:>8}  "
                     f"{since:<20}  {ago(c.last_change, now)}")
    return lines
