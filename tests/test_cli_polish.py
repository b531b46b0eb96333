"""`annotator --help` and `codebook show` read as plain text (issue 12)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from annotator.cli import build_parser, main
from annotator.db.services.demo import build_demo_project


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    found = [parser]
    for action in parser._actions:  # noqa: SLF001 - argparse keeps subparsers only here
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for sub in action.choices.values():
                found.extend(_parsers(sub))
    return found


def test_no_help_text_shows_double_backticks() -> None:
    for parser in _parsers(build_parser()):
        assert "``" not in parser.format_help(), parser.prog


def test_codebook_show_groups_codes_under_their_kinds(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "demo.fannot"
    build_demo_project(project)
    assert main(["codebook", str(project), "show"]) == 0
    lines = capsys.readouterr().out.splitlines()
    headings = [line for line in lines if not line.startswith(" ")]
    assert [h.split("  ")[0] for h in headings] == ["Claim", "Source", "Actor", "Framing device"]
    factual = lines.index(next(line for line in lines if line.strip().startswith("Factual")))
    assert lines[factual].startswith("  Factual  ادعاء وقائعي  [1]")
    assert lines.index(headings[0]) < factual < lines.index(headings[1])
