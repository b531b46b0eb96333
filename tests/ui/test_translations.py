"""Every visible string is marked for translation, reaches the Linguist sources, and is translated
into Arabic with its placeholders intact; the English catalogue spells every plural."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from annotator.ui import i18n_sources
from annotator.ui.i18n_sources import Message, areas, messages, source_file, update
from tests.ui.visible_strings import unmarked_strings

PLACEHOLDER = re.compile(r"\{[a-z_0-9]*\}|%n|%\d")


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Message]]:
    """The shipped .ts files refreshed from the code now, in a copy: what lupdate would find."""
    folder = tmp_path_factory.mktemp("translations")
    result = {}
    for language in ("ar", "en"):
        for path in update(language, folder):
            result[path.name] = messages(path)
    return result


@pytest.mark.parametrize("area", sorted(areas()))
def test_every_visible_string_is_marked(area: str) -> None:
    found = [str(u) for path in areas()[area] for u in unmarked_strings(path)]
    assert not found, "not marked for translation:\n" + "\n".join(found)


def test_the_shipped_sources_are_up_to_date(refreshed: dict[str, list[Message]]) -> None:
    """Running `make translations-update` would change nothing: no string is missing."""
    for name, found in refreshed.items():
        shipped = source_file(name.rsplit("_", 1)[0], name.rsplit("_", 1)[1].removesuffix(".ts"))
        assert shipped.is_file(), f"{shipped.name} is missing: run make translations-update"
        have = {(m.context, m.source) for m in messages(shipped)}
        missing = [(m.context, m.source) for m in found if (m.context, m.source) not in have]
        assert not missing, f"{shipped.name} lacks {missing[:5]}: run make translations-update"


def test_every_message_is_translated(refreshed: dict[str, list[Message]]) -> None:
    unfinished = [(name, m.context, m.source) for name, found in refreshed.items()
                  for m in found if m.unfinished or not m.translation.strip()]
    assert not unfinished, f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"


def test_translations_keep_their_placeholders(refreshed: dict[str, list[Message]]) -> None:
    wrong = []
    for found in refreshed.values():
        for m in found:
            wanted = set(PLACEHOLDER.findall(m.source)) - {"%n"}
            if not wanted <= set(PLACEHOLDER.findall(m.translation)):
                wrong.append((m.context, m.source, m.translation))
    assert not wrong, wrong[:5]


def _marked_literals(path: Path) -> set[tuple[str, str]]:
    """(context, text) of every translate("Ctx", "text") / QT_TRANSLATE_NOOP call in a module."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or len(node.args) < 2:
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(
            node.func, "id", "")
        context, text = node.args[0], node.args[1]
        if name in ("translate", "QT_TRANSLATE_NOOP") and all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in (context, text)):
            found.add((context.value, text.value))
    return found


@pytest.mark.parametrize("area", sorted(areas()))
def test_lupdate_sees_every_marked_string(area: str,
                                          refreshed: dict[str, list[Message]]) -> None:
    """lupdate silently drops calls it cannot read (a context in a variable, an expression as
    the count); such strings would stay English whatever the catalogue says."""
    extracted = {(m.context, m.source) for m in refreshed[f"{area}_ar.ts"]}
    marked = set().union(*(_marked_literals(p) for p in areas()[area]))
    assert marked <= extracted, sorted(marked - extracted)[:5]


def test_contexts_are_literal_strings() -> None:
    """translate(CONTEXT, ...) with a variable is invisible to lupdate."""
    wrong = []
    for files in areas().values():
        for path in files:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(
                        node.func, "id", "")) == "translate" and node.args
                        and not isinstance(node.args[0], ast.Constant)):
                    wrong.append(f"{path.name}:{node.lineno}")
    assert not wrong, wrong


def test_the_areas_cover_the_interface() -> None:
    listed = {p for files in areas().values() for p in files}
    every = {p for p in i18n_sources.UI_DIR.rglob("*.py") if "__pycache__" not in p.parts}
    assert every - listed == {i18n_sources.UI_DIR / "i18n_sources.py"}
