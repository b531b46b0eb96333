"""The ``annotator review`` command: the coders' spans aligned into clusters and classified.

Light to import (the database loads only when the command runs). See docs/review.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.project_location import project_location
from annotator.errors import ProjectError

if TYPE_CHECKING:
    from annotator.review import Cluster, ReviewDocument

Handler = Callable[[argparse.Namespace], int]
Command = Callable[[str, Handler, str], argparse.ArgumentParser]
CLASSES = ("unanimous", "missing", "code", "boundary", "attribute", "relation")  # a test checks
EXCERPT_CHARS = 60


def register(command: Command) -> None:
    """Add ``review`` through build_parser's ``command(name, handler, help)`` helper."""
    review = command("review", cmd_review,
                     "list the clusters of the coders' spans per document, classified as "
                     "unanimous or by disagreement (docs/review.md)")
    review.add_argument("path", type=project_location, help="project file")
    review.add_argument("--document", nargs="+", action="extend", metavar="ID",
                        help="only these documents (UUIDs or external ids)")
    review.add_argument("--class", dest="classes", nargs="+", action="extend", metavar="CLASS",
                        choices=CLASSES, help=f"only clusters of these classes: {', '.join(CLASSES)}")
    review.add_argument("--code", nargs="+", action="extend", metavar="PATH",
                        help="only clusters with a span of these codes (a parent brings its "
                             "sub-codes, a kind all its codes)")
    review.add_argument("--coder", nargs="+", action="extend", metavar="NAME",
                        help="only clusters where these coders have a span or are missing")
    review.add_argument("--json", action="store_true", help="clusters and summary as JSON")


def cmd_review(args: argparse.Namespace) -> int:
    from annotator.review import class_counts, filter_clusters, review_documents

    documents, coders, codes = _load(args.path, args.document)
    _check_known(args.path, "coder", args.coder, coders)
    _check_known(args.path, "code", args.code, codes)
    clusters = filter_clusters(review_documents(documents), classes=args.classes or (),
                               codes=args.code or (), coders=args.coder or ())
    texts = {document.uuid: document for document in documents}
    summary = class_counts(clusters)
    if args.json:
        payload = {"project": str(args.path), "summary": summary, "n_clusters": len(clusters),
                   "filters": {"documents": args.document, "classes": args.classes,
                               "codes": args.code, "coders": args.coder},
                   "clusters": [cluster_json(c, texts[c.document]) for c in clusters]}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write("\n".join(review_lines(args.path, clusters, texts, summary)) + "\n")
    return 0


def _load(path: Path, documents: list[str] | None
          ) -> tuple[list[ReviewDocument], list[str], list[str]]:
    from annotator.db import open_project
    from annotator.db.services.codebook import list_codes
    from annotator.db.services.coders import list_coders
    from annotator.db.services.review import review_input

    store = open_project(path)
    try:
        with store.reader() as session:
            return (review_input(session, documents=documents),
                    [coder.name for coder in list_coders(session)],
                    [row.path for row in list_codes(session)])
    finally:
        store.close()


def _check_known(path: Path, kind: str, wanted: list[str] | None, known: list[str]) -> None:
    prefixes = set(known) | {p.rsplit("/", k)[0] for p in known for k in range(1, p.count("/") + 1)}
    unknown = [name for name in wanted or () if name not in prefixes]
    if unknown:
        raise ProjectError(f"{path}: unknown {kind} {', '.join(unknown)}; known: "
                           f"{', '.join(known)}")


def excerpt(text: str, start: int, end: int, limit: int = EXCERPT_CHARS) -> str:
    piece = " ".join(text[start:end].split())
    return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"


def cluster_json(cluster: Cluster, document: ReviewDocument) -> dict[str, Any]:
    coders = {coder: [{"code": s.code, "start": s.start, "end": s.end,
                       "attributes": dict(s.attributes), "annotation": s.key}
                      for s in cluster.by_coder(coder)] for coder in cluster.coders}
    return {"document": cluster.document, "title": document.title, "cluster": cluster.number,
            "start": cluster.start, "end": cluster.end,
            "classes": [c.value for c in cluster.classes], "missing": list(cluster.missing),
            "coders": coders, "excerpt": excerpt(document.text, cluster.start, cluster.end)}


def review_lines(path: Path, clusters: list[Cluster], texts: dict[str, ReviewDocument],
                 summary: dict[str, int]) -> list[str]:
    """The plain-text listing: clusters grouped by document, then the count per class."""
    lines = [f"Review of {path}: {len(clusters)} clusters"]
    current = None
    for cluster in clusters:
        document = texts[cluster.document]
        if cluster.document != current:
            current = cluster.document
            lines += ["", f"{document.title or document.uuid} ({document.uuid})"]
        classes = ", ".join(c.value for c in cluster.classes)
        lines.append(f"  #{cluster.number} [{cluster.start}, {cluster.end})  {classes}  "
                     f"«{excerpt(document.text, cluster.start, cluster.end)}»")
        width = max(map(len, cluster.coders))
        for coder in cluster.coders:
            spans = cluster.by_coder(coder)
            shown = "; ".join(_span_text(s) for s in spans) or "— (marked nothing here)"
            lines.append(f"      {coder:<{width}}  {shown}")
    lines += ["", "Summary (a cluster counts once per class it carries): "
              + ", ".join(f"{name} {count}" for name, count in summary.items())]
    return lines


def _span_text(span: Any) -> str:
    attributes = ", ".join(f"{name}={value}" for name, value in span.attributes)
    return f"{span.code} [{span.start}, {span.end})" + (f" {{{attributes}}}" if attributes else "")
