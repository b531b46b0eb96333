"""The demo project's sample coding: every demo article coded by both coders, spans exactly the
shipped phrases (code points, emoji and flags included), and a broken sample refused in one line."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from annotator.db import open_project
from annotator.db.services.annotations import list_annotations
from annotator.db.services.coders import list_coders
from annotator.db.services.demo import SAMPLE_CODING, add_sample_coding, build_demo_project
from annotator.db.services.documents import document_text, list_documents
from annotator.db.services.relations import list_relations
from annotator.domain import AssignmentStatus
from annotator.errors import ProjectError
from annotator.resources import resource_path


def _sample() -> dict[str, Any]:
    return json.loads(SAMPLE_CODING.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "coded.fannot"
    build_demo_project(path, with_coding=True)
    return path


def _coded_spans(path: Path) -> dict[str, dict[str, list[tuple[int, int, str]]]]:
    """external id -> coder name -> sorted (start, end, text) of that coder's annotations."""
    store = open_project(path)
    try:
        with store.reader() as session:
            names = {c.uuid: c.name for c in list_coders(session)}
            result: dict[str, dict[str, list[tuple[int, int, str]]]] = {}
            for document in list_documents(session):
                text = document_text(session, document.uuid)
                by_coder = result.setdefault(document.external_id, {})
                for a in list_annotations(session, document.uuid):
                    span = (a.start, a.end, text[a.start:a.end])
                    by_coder.setdefault(names[a.coder_id], []).append(span)
            return {doc: {c: sorted(spans) for c, spans in coders.items()}
                    for doc, coders in result.items()}
    finally:
        store.close()


def test_every_demo_article_is_coded_by_both_coders(coded: Path) -> None:
    articles = {p.stem for p in resource_path("demo").glob("*.txt")}
    assert {block["document"] for block in _sample()["documents"]} == articles
    spans = _coded_spans(coded)
    assert set(spans) == articles
    for external_id, by_coder in spans.items():
        assert set(by_coder) == {"Layla", "Omar"}, external_id
        layla, omar = ({(s, e) for s, e, _ in by_coder[c]} for c in ("Layla", "Omar"))
        assert layla & omar and layla != omar, f"{external_id}: coders must agree in part, not copy"


def test_spans_are_exactly_the_shipped_phrases(coded: Path) -> None:
    spans = _coded_spans(coded)
    for block in _sample()["documents"]:
        for coder in ("Layla", "Omar"):
            phrases = sorted(a["phrase"] for a in block["annotations"] if a["coder"] == coder)
            assert sorted(t for _, _, t in spans[block["document"]][coder]) == phrases


def test_social_post_spans_count_code_points_of_emoji_and_flags(coded: Path) -> None:
    spans = _coded_spans(coded)["social-post-2016-12"]["Omar"]
    beyond_bmp = [(s, e, t) for s, e, t in spans if any(ord(ch) > 0xFFFF for ch in t)]
    assert {t for _, _, t in beyond_bmp} == {"#حلب_تحترق 😢💔", "بحسب الأمم المتحدة 🇺🇳"}
    for start, end, text in beyond_bmp:
        assert end - start == len(text) < len(text.encode("utf-16-le")) // 2


def test_links_and_statuses_follow_the_sample(coded: Path) -> None:
    store = open_project(coded)
    try:
        with store.reader() as session:
            names = {c.uuid: c.name for c in list_coders(session)}
            for block in _sample()["documents"]:
                document = next(d for d in list_documents(session)
                                if d.external_id == block["document"])
                links = Counter(names[r.coder_id] for r in list_relations(session, document.uuid))
                coder_of = {a["key"]: a["coder"] for a in block["annotations"]}
                assert links == Counter(coder_of[link["from"]] for link in block["links"])
                for coder_id, name in names.items():
                    status = next(d.status for d in list_documents(session, coder_id)
                                  if d.uuid == document.uuid)
                    assert (status is AssignmentStatus.DONE) == (name in {"Layla", "Omar"})
    finally:
        store.close()


def _last_block_item(sample: dict[str, Any]) -> dict[str, Any]:
    return sample["documents"][-1]["annotations"][-1]


def _missing_phrase(sample: dict[str, Any]) -> str:
    _last_block_item(sample)["phrase"] = "عبارة لا ترد في النص"
    return "does not occur"


def _unknown_coder(sample: dict[str, Any]) -> str:
    _last_block_item(sample)["coder"] = "Nadia"
    return "unknown coder 'Nadia'"


def _unknown_attribute(sample: dict[str, Any]) -> str:
    _last_block_item(sample)["attributes"] = {"Tone": "Neutral"}
    return "has no attribute 'Tone'"


def _unknown_link_key(sample: dict[str, Any]) -> str:
    sample["documents"][-1]["links"][-1]["to"] = "Z99"
    return "unknown key 'Z99'"


def _duplicate_key(sample: dict[str, Any]) -> str:
    block = sample["documents"][-1]["annotations"]
    block[-1]["key"] = block[0]["key"]
    return "key used twice"


@pytest.mark.parametrize("breaks", [_missing_phrase, _unknown_coder, _unknown_attribute,
                                    _unknown_link_key, _duplicate_key])
def test_a_broken_sample_fails_in_one_line_and_writes_nothing(
        tmp_path: Path, breaks: Callable[[dict[str, Any]], str]) -> None:
    sample = _sample()
    expected = breaks(sample)
    source = tmp_path / "broken-sample.json"
    source.write_text(json.dumps(sample, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "demo.fannot"
    build_demo_project(path)
    store = open_project(path)
    try:
        with pytest.raises(ProjectError) as raised, store.transaction() as session:
            coders = {c.name: c.uuid for c in list_coders(session)}
            add_sample_coding(session, coders, source)
        message = str(raised.value)
        assert message.startswith(f"{source}: social-post-2016-12") and expected in message
        assert "\n" not in message
        with store.reader() as session:
            assert list_annotations(session) == [] and list_relations(session) == []
    finally:
        store.close()
