"""The app never imports PyTorch, transformers or camel-tools' other heavy dependencies.

camel-tools declares them, but the app uses its data-free utilities alone (normalisation,
dediacritisation, the simple word tokeniser). The app bundle excludes them
(packaging/framing-annotator.spec); these tests keep it that way by construction: each runs the
real CLI or GUI entry in a fresh interpreter and lists the modules it ended up with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEMO_ARTICLE = ROOT / "resources" / "demo" / "aleppo-2016-12.txt"
HEAVY = ("torch", "transformers", "sklearn", "kenlm", "tokenizers", "huggingface_hub",
         "safetensors", "muddler", "editdistance", "dill")
CAMEL_ALLOWED = ("camel_tools", "camel_tools.utils", "camel_tools.tokenizers")
"""The camel-tools package root and its data-free sub-packages: what the app may import."""

PROBE = """
import json, sys
from annotator.cli import main

steps = json.loads(sys.argv[1])
heavy = tuple(sys.argv[2].split(","))
seen = set()
report = []
for argv in steps:
    try:
        code = main(argv)
    except SystemExit as exit:
        code = exit.code
    if argv[:1] == ["gui"]:  # what the window loads in a worker once it is idle, and the rest
        import pkgutil, importlib, annotator
        from annotator.ui.search import warm_up_text_tools
        warm_up_text_tools()
        for module in pkgutil.walk_packages(annotator.__path__, "annotator."):
            if ".migrations" not in module.name and module.name != "annotator.__main__":
                importlib.import_module(module.name)
    new = sorted(m for m in sys.modules if m not in seen)
    seen.update(new)
    report.append({"argv": argv, "code": code,
                   "heavy": [m for m in new if m.split(".")[0] in heavy],
                   "camel": [m for m in new if m.startswith("camel_tools")]})
print(json.dumps(report))
"""


def probe(tmp_path: Path, steps: list[list[str]], heavy: tuple[str, ...] = HEAVY) -> list[dict]:
    """Run the CLI ``steps`` in one fresh interpreter; per step its exit code and new modules."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "QT_QPA_PLATFORM": "offscreen", "ANNOTATOR_QUIT_AFTER_PAINT": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(steps), ",".join(heavy)],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _assert_lean(report: list[dict]) -> None:
    for step in report:
        assert step["code"] in (0, None), f"annotator {' '.join(step['argv'])}: exit {step['code']}"
        packages = sorted({m.split(".")[0] for m in step["heavy"]})
        assert not packages, f"annotator {' '.join(step['argv'])} imported {packages}"
        outside = [m for m in step["camel"]
                   if not any(m == a or m.startswith(a + ".") for a in CAMEL_ALLOWED)]
        assert not outside, f"annotator {' '.join(step['argv'])} imported {outside}"


def test_the_command_line_never_imports_torch(tmp_path: Path) -> None:
    (tmp_path / "reliability.csv").write_text("unit,a,b\n1,1,1\n2,2,2\n3,1,2\n", encoding="utf-8")
    report = probe(tmp_path, [
        ["--help"],
        ["--version"],
        ["new", "study.fannot", "--name", "Study"],
        ["import", "study.fannot", str(DEMO_ARTICLE)],
        ["codebook", "study.fannot", "template", "framing-core"],
        ["documents", "study.fannot"],
        ["demo", "demo.fannot", "--with-coding"],
        ["agreement", "demo.fannot", "--bootstrap", "20"],
        ["alpha", "reliability.csv", "--level", "nominal"],
        ["review", "demo.fannot"],
        ["export", "demo.fannot", "demo.xlsx", "--format", "xlsx", "--bootstrap", "20"],
        ["export", "demo.fannot", "demo.sav", "--format", "sav"],
        ["export", "demo.fannot", "demo.qdpx", "--format", "qdpx"],
    ])
    _assert_lean(report)
    assert (tmp_path / "demo.xlsx").stat().st_size > 0
    assert any(step["camel"] for step in report), "camel-tools was never loaded: nothing tested"


def test_the_window_never_imports_torch(tmp_path: Path) -> None:
    report = probe(tmp_path, [["demo", "demo.fannot"],
                              ["gui", "demo.fannot", "--coder", "Layla"]])
    _assert_lean(report)
    assert any(m.startswith("camel_tools.tokenizers") for m in report[1]["camel"])


def test_the_probe_sees_a_module_it_must_not(tmp_path: Path) -> None:
    """The same probe with ``alembic`` called heavy sees it come in with ``new``, and fails."""
    report = probe(tmp_path, [["--help"], ["new", "p.fannot", "--name", "P"]],
                   heavy=("alembic",))
    assert report[0]["heavy"] == [] and "alembic" in report[1]["heavy"]
    with pytest.raises(AssertionError, match="imported"):
        _assert_lean(report)
