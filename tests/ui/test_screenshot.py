"""Screenshots of the workspace for a human to look at (saved in tests/artifacts/, git-ignored)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize

from annotator.db.engine import open_project
from annotator.db.services.annotations import create_annotation
from annotator.db.services.codebook import list_codes
from annotator.db.services.documents import document_text, list_documents
from annotator.db.services.lookup import find_coder

ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
SPANS = (  # code, first words, last words: a claim with an actor, a device and a source inside
    ("Claim/Factual", "ثلاثة أسابيع", "الغربية من أحياء شرق حلب"),
    ("Actor/State", "الجيش السوري إثر", "الجيش السوري"),
    ("Actor/Non-state armed", "المسلحين الذين حشروا", "المسلحين"),
    ("Framing device/Metaphor", "حشروا أنفسهم", "في زاوية ضيقة"),
    ("Source/Cited source", "وبحسب عدد من الخبراء", "وبحسب عدد من الخبراء"),
    ("Claim/Evaluative", "الانتصار الكبير", "مسار الحرب السورية"),
    ("Framing device/Label", "للفصائل المسلحة", "للفصائل المسلحة"),
)


def _span(text: str, first: str, last: str) -> tuple[int, int]:
    start = text.index(first)
    return start, text.index(last, start) + len(last)


def _code_sample(window, code_named) -> dict[str, str]:  # noqa: ANN001
    ids = {}
    for path, first, last in SPANS:
        window.view.select_span(*_span(window.state.text, first, last))
        assert window.apply_code(code_named(window, path))
        ids[path] = window.coding.current
    return ids


def _settle(qtbot, window) -> None:  # noqa: ANN001
    qtbot.waitUntil(lambda: window.view.layout_complete)
    qtbot.wait(1100)  # the selection flash fades out


def test_screenshot_of_the_coding_workspace(qtbot, open_window, code_named) -> None:  # noqa: ANN001
    window = open_window()
    window.resize(QSize(1440, 900))
    qtbot.waitExposed(window)
    ids = _code_sample(window, code_named)
    window.linking.link(ids["Claim/Factual"], ids["Actor/State"])
    window.linking.link(ids["Claim/Factual"], ids["Framing device/Metaphor"])
    with qtbot.waitSignal(window.search.finished, timeout=15_000):
        window.search_field.setText("المسلحين")
    window.select_annotation(ids["Claim/Factual"])
    combo = window.attribute_editor.editor("Reporting mode")
    combo.setCurrentIndex(combo.findText("Journalist's voice"))
    combo.activated.emit(combo.currentIndex())
    _settle(qtbot, window)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / "workspace.png"
    assert window.grab().save(str(target))
    assert target.stat().st_size > 50_000


def test_screenshot_of_the_lead_view(qtbot, demo_path, open_window) -> None:  # noqa: ANN001
    store = open_project(demo_path)
    with store.transaction() as session:
        document = next(d for d in list_documents(session) if d.external_id == "aleppo-2016-12")
        text = document_text(session, document.uuid)
        codes = {row.path: row.uuid for row in list_codes(session)}
        for coder, shift in (("Layla", 0), ("Omar", 6)):
            coder_id = find_coder(session, coder).id
            for path, first, last in SPANS[:5]:
                start, end = _span(text, first, last)
                create_annotation(session, document_id=document.uuid, coder_id=coder_id,
                                  code_id=codes[path], start=start + shift, end=end)
    store.close()
    window = open_window("Lead")
    window.resize(QSize(1440, 900))
    for action in window.menu_actions.layers.actions():
        action.setChecked(True)
    qtbot.waitUntil(lambda: len(window.state.rows) == 10)
    window.step_annotation(1)  # scroll to the first one
    window.select_annotation(None)
    _settle(qtbot, window)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "lead-view.png"))


def test_screenshot_of_a_post_with_emoji_and_latin(qtbot, open_window, code_named, open_doc) -> None:  # noqa: ANN001
    window = open_window()
    window.resize(QSize(1440, 900))
    open_doc(window, "social-post-2016-12")
    text = window.state.text
    for path, phrase in (("Source/Cited source", "@SyriaCivilDefense"), ("Actor/Civilian", "صور"),
                         ("Claim/Factual", "عدد النازحين تجاوز ٣٠٬٠٠٠ شخص"),
                         ("Actor/International", "Barack Obama")):
        start = text.index(phrase)
        window.view.select_span(start, start + len(phrase))
        assert window.apply_code(code_named(window, path))
    window.select_annotation(None)
    _settle(qtbot, window)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(ARTIFACTS / "social-post.png"))
