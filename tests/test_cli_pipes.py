"""The command line in a pipeline: a reader that stops early (``| head``) ends the command
quietly, and annotations stream to standard output with ``-``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import EXIT_BROKEN_PIPE, main

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipes") / "demo.fannot"
    assert main(["demo", str(path), "--with-coding"]) == 0
    return path


def _run_into_closed_pipe(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m annotator ARGV`` with stdout a real pipe whose reader has already gone."""
    reader, writer = os.pipe()
    os.close(reader)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])}
    try:
        return subprocess.run([sys.executable, "-m", "annotator", *argv], stdout=writer,
                              stderr=subprocess.PIPE, env=env, timeout=120, check=False)
    finally:
        os.close(writer)


@pytest.mark.parametrize("argv", [
    ["documents", "{demo}"],                     # a few lines: the pipe breaks at the final flush
    ["annotations", "{demo}", "export", "-"],    # many lines: it breaks in the middle of writing
])
def test_a_pipe_closed_early_ends_quietly(demo: Path, argv: list[str]) -> None:
    result = _run_into_closed_pipe(*(a.format(demo=demo) for a in argv))
    assert result.stderr.decode() == ""
    assert result.returncode == EXIT_BROKEN_PIPE == 141


def test_head_reads_the_first_line_of_a_real_pipeline(demo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = f'"{sys.executable}" -m annotator annotations "{demo}" export - | head -n 1'
    result = subprocess.run(["sh", "-c", command], capture_output=True, env=env, timeout=120,
                            check=False)
    assert result.returncode == 0 and b"Traceback" not in result.stderr
    assert json.loads(result.stdout)["document"]


def test_annotations_export_to_standard_output(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["annotations", str(demo), "export", "-"]) == 0
    captured = capsys.readouterr()
    rows = [json.loads(line) for line in captured.out.splitlines()]
    assert len(rows) == 45 and sum("relation" in row for row in rows) == 9
    assert captured.err == "wrote 45 lines\n"
