"""Small packages that unpack to hundreds of MB: time and peak memory to refuse them (DESIGN.md §8).

Each bomb is a valid .docx or .xlsx of about 1-2 MB whose one XML part unpacks to 400 MB, below
the archive check on declared sizes (10 × the 50 MB file limit); two more unpack to 50 MB, just
under the cap on one part, and show the worst case: a part read to its end. Each is read by
``read_articles`` in a fresh process (median of 3); the figures printed are seconds, peak resident
memory (ru_maxrss) and what the reader answered. Run: ``python bench/bench_import_bombs.py [SOURCE_TREE [RUNS]]``.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

PART_MB = 400
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT_PARAGRAPH = "<w:p><w:r><w:t>" + "نص عربي يتكرر في كل فقرة من فقرات الملف " * 4 + "</w:t></w:r></w:p>"
MARKUP_ONLY = '<w:proofErr w:type="spellStart"/><w:proofErr w:type="spellEnd"/>'

_CHILD = """
import json, resource, sys, time
from annotator.errors import InputError
from annotator.importers import read_articles
started = time.perf_counter()
try:
    records = read_articles(sys.argv[1])
    outcome = f"accepted: {len(records)} article(s), {sum(len(r.text) for r in records):,} characters"
except InputError as error:
    outcome = "refused: " + error.message
import annotator
print(json.dumps({"source": annotator.__file__, "seconds": time.perf_counter() - started, "outcome": outcome,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _write_streamed(archive: zipfile.ZipFile, name: str, head: str, unit: str, tail: str, mb: int) -> None:
    data, target = unit.encode(), mb * 1_000_000
    block = data * max(1, 1_000_000 // len(data))
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with archive.open(info, "w", force_zip64=True) as part:
        part.write(head.encode())
        for _ in range(target // len(block)):
            part.write(block)
        part.write(tail.encode())


def docx_bomb(path: Path, paragraph_xml: str, mb: int = PART_MB) -> Path:
    """A Word package whose body repeats ``paragraph_xml`` to ``mb`` megabytes."""
    import docx

    docx.Document().save(path)
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i) for i in source.infolist() if i.filename != "word/document.xml"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, content in parts.items():
            target.writestr(name, content)
        head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body><w:p>'
        _write_streamed(target, "word/document.xml", head + "</w:p>", paragraph_xml, "</w:body></w:document>", mb)
    return path


def xlsx_bomb(path: Path, mb: int = PART_MB) -> Path:
    """A workbook whose one sheet repeats a row of text to ``mb`` megabytes (inline strings)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.active.append(["text"])
    workbook.save(path)
    with zipfile.ZipFile(path) as source:
        parts = {i.filename: source.read(i) for i in source.infolist()}
    sheet = parts.pop("xl/worksheets/sheet1.xml").decode()
    head, tail = sheet.split("</sheetData>")[0], "</sheetData>" + sheet.split("</sheetData>")[1]
    row = '<row><c t="inlineStr"><is><t>' + "نص عربي يتكرر في كل صف " * 8 + "</t></is></c></row>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for name, content in parts.items():
            target.writestr(name, content)
        _write_streamed(target, "xl/worksheets/sheet1.xml", head, row, tail, mb)
    return path


def measure(path: Path, source: str) -> dict[str, object]:
    runs = []
    for _ in range(RUNS):
        done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True,
                              check=True, cwd=source, env={"PYTHONPATH": source, "PATH": "/usr/bin:/bin"})  # fmt: skip
        runs.append(json.loads(done.stdout))
        if not runs[-1]["source"].startswith(source):
            raise SystemExit(f"measured {runs[-1]['source']}, not the code in {source}")
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "peak_mb": statistics.median(r["peak_mb"] for r in runs), "outcome": runs[0]["outcome"]}  # fmt: skip


def main() -> int:
    source = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parent.parent)
    bombs: dict[str, Callable[[Path], Path]] = {
        "docx, 400 MB body of text": lambda p: docx_bomb(p / "text.docx", TEXT_PARAGRAPH),
        "docx, 400 MB body of markup, no text": lambda p: docx_bomb(p / "markup.docx", MARKUP_ONLY),
        "xlsx, 400 MB sheet of text": lambda p: xlsx_bomb(p / "sheet.xlsx"),
        # Just under the 52.4 MB part cap: read to the end, the worst case for time.
        "docx, 50 MB body of markup, no text": lambda p: docx_bomb(p / "markup50.docx", MARKUP_ONLY, 50),
        "xlsx, 50 MB sheet of text": lambda p: xlsx_bomb(p / "sheet50.xlsx", 50),
    }
    print(f"code under test: {source}; median of {RUNS} fresh processes; 50 MB file limit")
    with tempfile.TemporaryDirectory() as tmp:
        for label, build in bombs.items():
            path = build(Path(tmp))
            figures = measure(path, source)
            size = path.stat().st_size / 1_000_000
            print(f"{label} ({size:.1f} MB file): {figures['seconds']:.1f} s, peak {figures['peak_mb']:,.0f} MB"
                  f" -> {figures['outcome']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
