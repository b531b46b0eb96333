"""The interface language: choosing it, the mirrored layout, the catalogues, and code keys that
keep working when the keyboard types Arabic."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication

from annotator.ui import i18n
from annotator.ui.settings import LANGUAGE
from annotator.ui.keyboard_layout import ARABIC_101_BASE, latin_key, latin_sequence


@pytest.fixture
def english_after() -> Iterator[None]:
    """Whatever a test switches to, the next test starts in English, left to right."""
    yield
    app = QApplication.instance()
    i18n.install_language(i18n.ENGLISH, app)
    app.setProperty("annotatorLanguage", i18n.ENGLISH)


def test_the_environment_then_the_stored_choice_then_the_system(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv(i18n.LANGUAGE_VARIABLE, "ar")
    assert i18n.chosen_language("en") == "ar"
    monkeypatch.delenv(i18n.LANGUAGE_VARIABLE)
    assert i18n.chosen_language("en") == "en"
    assert i18n.chosen_language("xx") == i18n.system_language()
    assert i18n.chosen_language("") in i18n.LANGUAGES


def test_the_arabic_catalogue_builds_and_loads(tmp_path, english_after) -> None:  # noqa: ANN001
    built = i18n.build_catalogue("ar", tmp_path / "annotator_ar.qm")
    assert built.stat().st_size > 0
    assert i18n.install_language("ar")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert QApplication.translate("QPlatformTheme", "Cancel") not in ("", "Cancel")  # Qt's own
    i18n.install_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_a_catalogue_older_than_its_sources_is_rebuilt(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(i18n, "user_cache_dir", lambda _name: str(tmp_path / "cache"))
    monkeypatch.setattr(i18n, "shipped_catalogue", lambda _lang: tmp_path / "missing.qm")
    catalogue = i18n.catalogue_for("ar")
    assert catalogue.parent == tmp_path / "cache" and catalogue.is_file()
    assert catalogue.name.startswith("annotator_ar-") and catalogue.suffix == ".qm"
    assert i18n.catalogue_for("ar") == catalogue  # built once, then reused


def test_view_language_rebuilds_the_window_mirrored(qtbot, open_window, english_after) -> None:  # noqa: ANN001
    window = open_window()
    document = window.document_id
    arabic = window.menu_actions["language_ar"]
    assert not arabic.isChecked() and window.menu_actions["language_en"].isChecked()
    arabic.trigger()
    qtbot.waitUntil(lambda: bool(_main_windows(exclude=window)), timeout=5000)
    new = _main_windows(exclude=window)[0]
    qtbot.waitUntil(lambda: new.state is not None, timeout=5000)
    assert new.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert new.document_id == document and new.workspace.coder.name == "Layla"
    assert new.menu_actions["language_ar"].isChecked()
    assert new.settings.get(LANGUAGE) == "ar"
    new.close()


def _main_windows(exclude: object) -> list:
    from annotator.ui.main_window import MainWindow

    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w is not exclude and w.isVisible()]


@pytest.mark.parametrize(("typed", "latin"), [("م", "L"), ("ش", "A"), ("لا", "B"), ("ظ", "/"),
                                             ("ذ", "`"), ("و", ",")])
def test_arabic_letters_name_the_latin_key_on_the_same_position(typed: str, latin: str) -> None:
    assert latin_key(typed, shifted=False) == latin


def test_the_layout_table_is_one_to_one() -> None:
    assert len(set(ARABIC_101_BASE.values())) == len(ARABIC_101_BASE)


def test_modifiers_are_kept_in_the_latin_sequence() -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, 0x0645, Qt.KeyboardModifier.ControlModifier
                      | Qt.KeyboardModifier.ShiftModifier, "م")
    assert latin_sequence(event) == QKeySequence("Ctrl+Shift+L")
    plain = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_L, Qt.KeyboardModifier.NoModifier, "l")
    assert latin_sequence(plain) is None


def test_a_code_key_typed_on_an_arabic_layout_applies_the_code(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    code, action = next((c, a) for c in window.workspace.codes
                        if (a := window.menu_actions.codes.get(c.uuid)) is not None
                        and len(a.shortcut().toString()) == 1 and a.shortcut().toString().isalpha())
    key = action.shortcut().toString()
    arabic = next(a for a, latin in ARABIC_101_BASE.items() if latin == key.upper())
    text = window.state.text
    window.view.select_span(0, text.index(" "))
    window.view.setFocus()
    applied = []
    action.triggered.connect(lambda *_: applied.append(code.uuid))
    _type(window.view, arabic)  # what the key types with the Arabic layout on
    assert applied == [code.uuid], f"{arabic!r} should apply {code.path} ({key})"
    assert window.coding.current is not None  # the code was applied to the selection


def _type(widget, text: str) -> None:  # noqa: ANN001
    """A key press as an Arabic layout delivers it: the Arabic letter, no Latin key code."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, ord(text[0]),
                                                 Qt.KeyboardModifier.NoModifier, text))


def test_typing_arabic_into_the_search_field_triggers_nothing(qtbot, open_window) -> None:  # noqa: ANN001
    window = open_window()
    fired = []
    for action in window.menu_actions.codes.values():
        action.triggered.connect(lambda *_: fired.append(1))
    window.search_field.setFocus()
    for letter in "مشل":
        _type(window.search_field, letter)
    assert window.search_field.text() == "مشل" and not fired
