"""annotator.text: canonical text, decoding, UTF-16 maps, Arabic search and word snapping."""

from __future__ import annotations

import codecs
import logging
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator import text as tx
from annotator.errors import InputError
from annotator.snapping import is_punctuation, snap_to_words
from annotator.resources import resource_path

DEMO = resource_path("demo")
ALEPPO = (DEMO / "aleppo-2016-12.txt").read_text(encoding="utf-8")
SOCIAL = (DEMO / "social-post-2016-12.txt").read_text(encoding="utf-8")
OPPOSITION = (DEMO / "opposition-view-2016-12.txt").read_text(encoding="utf-8")


def _iso_representable(text: str) -> str:
    """The lines ISO-8859-6 can encode (it lacks “ ” … « » – and Arabic-Indic digits)."""
    return "\n".join(line for line in text.split("\n") if _encodes(line, "iso8859_6"))


def _encodes(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# Characters that exercise every rule: letters, alef/hamza forms, diacritics, tatweel, teh marbuta,
# alef maqsura, presentation forms, Latin case, ß, line breaks, RLM, emoji and a flag.
ARABICISH = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱؤئةى ـًٌٍَُِّْٰ\u0654ﻻﺁAaBbßİ\n\r\u2028\ufeff\u200f😢🇺🇳")
        ),
        st.characters(),
    ),
    max_size=60,
)


# --------------------------------------------------------------------------- canonicalize


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("\ufeff\ufeffabc", "abc"),
        ("a\ufeffb", "a\ufeffb"),
        ("a\r\nb\rc\nd", "a\nb\nc\nd"),
        ("a\u2028b\u2029c", "a\nb\nc"),
        ("a\r\r\nb", "a\n\nb"),
        ("e\u0301", "é"),
        ("\u0627\u0654", "\u0623"),
    ],
)
def test_canonicalize_examples(raw: str, canonical: str) -> None:
    assert tx.canonicalize(raw) == canonical


@given(ARABICISH)
def test_canonicalize_is_idempotent_nfc_and_has_only_lf(raw: str) -> None:
    text = tx.canonicalize(raw)
    assert tx.canonicalize(text) == text
    assert unicodedata.is_normalized("NFC", text)
    assert not {"\r", "\u2028", "\u2029"} & set(text)
    assert not text.startswith("\ufeff")


def test_text_sha256_is_the_hash_of_the_canonical_utf8() -> None:
    assert tx.text_sha256("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    assert tx.text_sha256("سطر\r\nسطر") == tx.text_sha256("سطر\nسطر")


# --------------------------------------------------------------------------- decode_bytes

CANONICAL_ALEPPO = tx.canonicalize(ALEPPO)


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(ALEPPO.encode("utf-8"), id="utf-8"),
        pytest.param(codecs.BOM_UTF8 + ALEPPO.encode("utf-8"), id="utf-8-bom"),
        pytest.param(ALEPPO.replace("\n", "\r\n").encode("utf-8"), id="utf-8-crlf"),
        pytest.param(ALEPPO.encode("utf-16"), id="utf-16-bom-native"),
        pytest.param(codecs.BOM_UTF16_LE + ALEPPO.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(codecs.BOM_UTF16_BE + ALEPPO.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(ALEPPO.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(ALEPPO.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(ALEPPO.encode("utf-32"), id="utf-32-bom"),
        pytest.param(ALEPPO.encode("cp1256"), id="windows-1256"),
        pytest.param(ALEPPO.replace("\n", "\r\n").encode("cp1256"), id="windows-1256-crlf"),
    ],
)
def test_decode_bytes_gives_the_canonical_text(encoded: bytes) -> None:
    assert tx.decode_bytes(encoded, "aleppo.txt") == CANONICAL_ALEPPO


@pytest.mark.parametrize("codec", ["iso8859_6", "cp1256"])
def test_iso_and_windows_arabic_are_told_apart_on_the_representable_corpus(codec: str) -> None:
    subset = _iso_representable(ALEPPO)
    assert len(subset) > 3000
    assert tx.decode_bytes(subset.encode(codec), "x.txt") == tx.canonicalize(subset)


def _short_arabic_samples() -> list[str]:
    lines = [line.strip() for doc in (ALEPPO, OPPOSITION) for line in doc.split("\n")]
    return [
        line[:n] for line in lines for n in (12, 20, 40) if len(line) >= n and _encodes(line[:n], "iso8859_6")
    ]


@pytest.mark.parametrize("codec", ["iso8859_6", "cp1256"])
def test_short_arabic_text_decodes_right_in_both_code_pages(codec: str) -> None:
    samples = [s for s in _short_arabic_samples() if not s.isascii()]
    assert len(samples) > 40
    wrong = [s for s in samples if tx.decode_bytes(s.encode(codec), "x.txt") != s]
    assert wrong == []


def test_opposition_view_in_windows_1256() -> None:
    assert tx.decode_bytes(OPPOSITION.encode("cp1256"), "o.txt") == tx.canonicalize(OPPOSITION)


def test_western_legacy_text_is_decoded() -> None:
    text = "Le président a déclaré: « Alep est libérée », selon l'agence.\n"
    assert tx.decode_bytes(text.encode("cp1252"), "fr.txt") == text


def test_english_quoting_a_few_arabic_words_in_windows_1256() -> None:
    text = "The outlet calls them الإرهابيين (terrorists); the other side says الثوار.\n"
    assert tx.decode_bytes(text.encode("cp1256"), "en.txt") == text


def test_social_post_with_astral_characters_round_trips_in_utf16() -> None:
    assert tx.decode_bytes(SOCIAL.encode("utf-16"), "s.txt") == tx.canonicalize(SOCIAL)


def test_explicit_encoding_is_used() -> None:
    subset = _iso_representable(ALEPPO)
    assert tx.decode_bytes(subset.encode("iso8859_6"), "x.txt", encoding="ISO-8859-6") == tx.canonicalize(
        subset
    )


def test_explicit_encoding_that_fails_names_file_byte_and_line() -> None:
    data = ALEPPO.encode("cp1256")
    with pytest.raises(InputError) as caught:
        tx.decode_bytes(data, "aleppo.txt", encoding="utf-8")
    error = caught.value
    assert error.path == "aleppo.txt" and error.line == 1
    assert "byte offset 3" in error.message and "utf-8" in error.message
    assert str(error).startswith("aleppo.txt, line 1: cannot decode as utf-8")


def test_explicit_iso_on_windows_bytes_fails_on_the_right_line() -> None:
    data = "سطر أول\nفي حلب\n".encode("cp1256")  # ف is 0xDD: undefined in ISO-8859-6
    with pytest.raises(InputError) as caught:
        tx.decode_bytes(data, "x.txt", encoding="iso8859_6")
    assert caught.value.line == 2 and "0xdd" in caught.value.message


def test_unknown_encoding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown encoding 'klingon'"):
        tx.decode_bytes(b"abc", "x.txt", encoding="klingon")


def test_damaged_utf8_is_reported_where_it_breaks() -> None:
    lines = ALEPPO.encode("utf-8").split(b"\n")
    lines[4] = lines[4][:10] + b"\xff" + lines[4][10:]
    data = b"\n".join(lines)
    with pytest.raises(InputError) as caught:
        tx.decode_bytes(data, "broken.txt")
    bad_offset = data.index(b"\xff")
    assert caught.value.line == 5
    assert f"byte offset {bad_offset}" in caught.value.message


@pytest.mark.parametrize("data", [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_empty_files_are_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match="empty"):
        tx.decode_bytes(data, "empty.txt")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, id="png"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40, id="zip"),
        pytest.param(bytes(range(1, 32)) * 20, id="controls-without-nul"),
        pytest.param("نص".encode() + b"\x00abc", id="nul-in-utf8"),
    ],
)
def test_binary_data_is_rejected(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        tx.decode_bytes(data, "photo.txt")


def test_binary_data_is_rejected_even_with_an_explicit_encoding() -> None:
    with pytest.raises(InputError, match="binary"):
        tx.decode_bytes(b"\x00\x01\x02\x03" * 100, "x.txt", encoding="cp1256")


# --------------------------------------------------------------------------- Utf16Map


def test_utf16_map_on_the_social_post() -> None:
    text = tx.canonicalize(SOCIAL)
    umap = tx.Utf16Map(text)
    assert not umap.is_identity
    assert umap.utf16_length == len(text.encode("utf-16-le")) // 2 > len(text)
    for cp in range(len(text) + 1):
        assert umap.to_utf16(cp) == len(text[:cp].encode("utf-16-le")) // 2
    flag = text.index("🇺🇳")
    u16 = umap.to_utf16(flag)
    assert [umap.to_codepoint(u16 + k) for k in range(5)] == [flag, flag, flag + 1, flag + 1, flag + 2]


def test_utf16_map_is_identity_for_bmp_text() -> None:
    umap = tx.Utf16Map(ALEPPO)
    assert umap.is_identity and umap.utf16_length == len(ALEPPO)
    assert umap.to_utf16(100) == 100 == umap.to_codepoint(100)


@pytest.mark.parametrize("text", ["", "abc", "a😢"])
def test_utf16_map_rejects_positions_out_of_range(text: str) -> None:
    umap = tx.Utf16Map(text)
    for bad in (-1, len(text) + 1):
        with pytest.raises(IndexError):
            umap.to_utf16(bad)
    for bad in (-1, umap.utf16_length + 1):
        with pytest.raises(IndexError):
            umap.to_codepoint(bad)


@given(st.text(alphabet=st.one_of(st.characters(codec="utf-8"), st.sampled_from("😢🇺🇳𝕏ﻻ"))))
def test_utf16_map_round_trips(text: str) -> None:
    umap = tx.Utf16Map(text)
    for cp in range(len(text) + 1):
        u16 = umap.to_utf16(cp)
        assert u16 == len(text[:cp].encode("utf-16-le")) // 2
        assert umap.to_codepoint(u16) == cp
    for u16 in range(umap.utf16_length + 1):
        cp = umap.to_codepoint(u16)
        assert umap.to_utf16(cp) in (u16, u16 - 1)  # rounds down inside a surrogate pair


# --------------------------------------------------------------------------- search


def _clear_caches() -> None:
    for cached in (tx._fold_char, tx._document_key, tx._document_words):
        cached.cache_clear()


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        ("مُسَلَّحِي", "مسلحي", [(0, 10)]),  # the kasra after the last letter is taken in
        ("قال الإرهابيين", "الارهابيين", [(4, 14)]),
        ("قال الارهابيين", "الإرهابيين", [(4, 14)]),
        ("أحضان آمنة إلى ٱلله", "احضان امنه الي الله", [(0, 19)]),
        ("المدينة", "المدينه", [(0, 7)]),
        ("على", "علي", [(0, 3)]),
        ("ســــوريا", "سوريا", [(0, 9)]),
        ("Barack OBAMA", "obama", [(7, 12)]),
        ("ﻻ", "لا", [(0, 1)]),  # presentation-form ligature
        ("حلب\nحلب", "حلب حلب", [(0, 7)]),
        ("straße", "ss", [(4, 5)]),
        ("straße", "s", [(0, 1)]),  # never half of ß
        ("abc", "", []),
        ("abc", "\u064e", []),  # a query of diacritics only
        ("مُسَلَّحِي مسلحي", "مُسَلَّحِي", [(0, 10), (11, 16)]),
    ],
)
def test_find_all_examples(text: str, query: str, expected: list[tuple[int, int]]) -> None:
    assert tx.find_all(text, query) == expected


def test_find_all_in_the_corpus_returns_original_offsets() -> None:
    for start, end in tx.find_all(CANONICAL_ALEPPO, "الارهابيين"):
        assert CANONICAL_ALEPPO[start:end] in ("الإرهابيين", "الارهابيين")
    assert len(tx.find_all(CANONICAL_ALEPPO, "الارهابيين")) >= 1
    social = tx.canonicalize(SOCIAL)
    [(start, end)] = tx.find_all(social, "الارهاب")
    assert social[start:end] == "الإرهاب"
    [(start, end)] = tx.find_all(social, "🇺🇳")
    assert social[start:end] == "🇺🇳"


def test_search_key_maps_each_character_back() -> None:
    key, index = tx.search_key("أَحْمَد ـ Ab")
    assert key == "احمد  ab"
    assert index == [0, 2, 4, 6, 7, 9, 10, 11]


@given(ARABICISH, st.data())
@settings(max_examples=300)
def test_find_all_matches_are_in_bounds_and_equal_the_query(raw: str, data: st.DataObject) -> None:
    text = tx.canonicalize(raw)
    if text and data.draw(st.booleans()):
        i = data.draw(st.integers(0, len(text) - 1))
        query = text[i : data.draw(st.integers(i + 1, len(text)))]
    else:
        query = data.draw(ARABICISH)
    wanted = tx.search_key(unicodedata.normalize("NFC", query))[0]
    previous_end = 0
    for start, end in tx.find_all(text, query):
        assert previous_end <= start < end <= len(text)
        assert tx.search_key(text[start:end])[0] == wanted
        previous_end = end


def test_builtin_normalisation_equals_camel_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    alphabet = {chr(c) for c in range(0x0600, 0x0700)} | set(ALEPPO) | set(SOCIAL) | set("ﻻﷲﺁßİ\ufdfc\ufdfd")
    folded = []
    for tools in (tx._arabic_tools.__wrapped__(), tx._builtin_tools()):
        monkeypatch.setattr(tx, "_arabic_tools", lambda tools=tools: tools)
        _clear_caches()
        folded.append({ch: tx._fold_char(ch) for ch in alphabet})
    monkeypatch.undo()
    _clear_caches()
    assert folded[0] == folded[1]


# --------------------------------------------------------------------------- words


def test_word_spans_follow_camel_tools_tokens() -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    social = tx.canonicalize(SOCIAL)
    spans = tx.word_spans(social)
    assert [social[s:e] for s, e in spans] == simple_word_tokenize(social)
    assert social[slice(*spans[-1])] == "🇺🇳"
    aleppo_spans = tx.word_spans(CANONICAL_ALEPPO)
    assert [CANONICAL_ALEPPO[s:e] for s, e in aleppo_spans] == simple_word_tokenize(CANONICAL_ALEPPO)


@pytest.mark.parametrize(
    ("text", "selection", "expected"),
    [
        ("قبضة الجيش السوري", "يش ال", "الجيش السوري"),
        ("قبضة الجيش السوري", "الجيش", "الجيش"),
        ("أتاح للمسلحين اجتياح", "مسل", "للمسلحين"),
        ("«الإرهابيين» هنا", "رهاب", "الإرهابيين"),  # the quotes are tokens of their own
        ("«الإرهابيين» هنا", "«", "«"),  # punctuation alone stays as it is
        ("قال:  نعم", "  ", "  "),  # whitespace only: kept
        ("مُسَلَّحِي هنا", "سَل", "مُسَلَّحِي"),  # diacritics belong to the word
        ("الأمم المتحدة 🇺🇳", "\U0001f1fa", "🇺🇳"),  # never half a flag
        ("يوم 13/12/2016", "2/2", "12/2016"),
        ('تعدد الخيارات" هنا', 'يارات"', "الخيارات"),  # a dragged closing quote is left out
        ("«الإرهابيين» هنا", "«الإرهابيين»", "الإرهابيين"),
        ("قال، «نعم» ثم", "قال، «نع", "قال، «نعم"),  # punctuation between words stays
        ("the word (Aleppo), then", "(Alep", "Aleppo"),
    ],
)
def test_snap_to_words(text: str, selection: str, expected: str) -> None:
    start = text.index(selection)
    snapped = snap_to_words(text, start, start + len(selection))
    assert text[slice(*snapped)] == expected


def test_snap_keeps_an_empty_selection_and_rejects_bad_ranges() -> None:
    assert snap_to_words("حلب", 1, 1) == (1, 1)
    for start, end in [(-1, 2), (2, 1), (0, 4)]:
        with pytest.raises(ValueError):
            snap_to_words("حلب", start, end)


@given(ARABICISH, st.data())
def test_snapping_contains_the_selection_and_is_stable(raw: str, data: st.DataObject) -> None:
    text = tx.canonicalize(raw)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    snapped = snap_to_words(text, start, end)
    assert snap_to_words(text, *snapped) == snapped
    words = [(s, e) for s, e in tx.word_spans(text)
             if s < end and e > start and not is_punctuation(text[s:e])]
    if not text[start:end].strip():
        assert snapped == (start, end)
    elif words:  # every word touched, whole, and no punctuation at either end
        assert snapped == (words[0][0], words[-1][1])
    else:  # punctuation only: grown to its tokens
        assert 0 <= snapped[0] <= start <= end <= snapped[1] <= len(text)


def test_without_camel_tools_a_regex_takes_over_and_says_so_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setitem(sys.modules, "camel_tools.tokenizers.word", None)  # import now fails
    tx._arabic_tools.cache_clear()
    _clear_caches()
    try:
        with caplog.at_level(logging.WARNING, logger="annotator.text"):
            assert tx.find_all("قال الإرهابيين", "الارهابيين") == [(4, 14)]
            text = "«الإرهابيين» هنا 😢"
            assert [text[s:e] for s, e in tx.word_spans(text)] == ["«", "الإرهابيين", "»", "هنا", "😢"]
            assert snap_to_words(text, 3, 5) == (1, 11)
        assert len([r for r in caplog.records if "camel-tools unavailable" in r.message]) == 1
    finally:
        monkeypatch.undo()
        tx._arabic_tools.cache_clear()
        _clear_caches()
