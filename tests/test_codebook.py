"""Codebook model, JSON validation and round trip, path helpers, files, and the shipped templates."""

from __future__ import annotations

import itertools
import json
import math
import re
import subprocess
import sys
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator import codebook as cb
from annotator.codebook import AttributeSpec, CodebookSpec, CodeSpec
from annotator.domain import AttributeType, CodeKind
from annotator.errors import InputError

TEMPLATES = ["entman", "framing-core", "policy-frames", "semetko-valkenburg"]
ARABIC = re.compile(r"[\u0621-\u064A]")


def U(n: int) -> str:
    return str(uuid.UUID(int=n + 1))


def attr(n: int, name: str, kind: str, choices: list[str] | None = None) -> dict[str, Any]:
    return {"uuid": U(n), "name": name, "type": kind, "choices": choices or [], "required": False, "description": ""}


def code(n: int, kind: str | None, en: str, ar: str, colour: str, key: str, **more: Any) -> dict[str, Any]:
    return {"uuid": U(n)} | ({"kind": kind} if kind else {}) | {
        "name_en": en, "name_ar": ar, "colour": colour, "shortcut": key, "definition": "d", "include": "i",
        "exclude": "e", "examples": ["مثال"], "attributes": more.get("attributes", []), "children": more.get("children", [])}  # fmt: skip


def valid() -> dict[str, Any]:
    """A small canonical codebook: codes[1].children[0] is a sub-code."""
    return {"format_version": 1, "uuid": U(0), "name": "Test", "description": "", "version": "1.0", "codes": [
        code(1, "claim", "Factual", "وقائعي", "#aabbcc", "q", attributes=[attr(2, "Quoted directly", "yes_no")]),
        code(3, "framing_device", "Metaphor", "استعارة", "#ccbbaa", "Ctrl+1",
             attributes=[attr(4, "Domain", "choice", ["War", "Game"])], children=[code(5, None, "War", "حرب", "#ddeeff", "w")]),
    ]}  # fmt: skip


_DELETE = object()


def edited(path: str, value: object = _DELETE) -> dict[str, Any]:
    """``valid()`` with a dotted path (``codes.1.children.0.colour``) set to ``value``, or deleted."""
    data = valid()
    *parents, last = (int(k) if k.isdigit() else k for k in path.split("."))
    node: Any = data
    for key in parents:
        node = node[key]
    if value is _DELETE:
        del node[last]
    else:
        node[last] = value
    return data


# ------------------------------------------------------------------ JSON, files, paths, shortcuts

BAD_INPUT = [
    ("codes.0.kind", "opinion", "codes[0].kind: unknown code kind 'opinion'"),
    ("codes.1.children.0.uuid", U(1), f"codes[1].children[0].uuid: duplicate UUID {U(1)} (also at codes[0].uuid)"),
    ("codes.1.attributes.0.uuid", U(0), "codes[1].attributes[0].uuid: duplicate UUID"),
    ("codes.0.uuid", "not-a-uuid", "codes[0].uuid: not a UUID: 'not-a-uuid'"),
    ("codes.0.uuid", _DELETE, "codes[0].uuid: missing"),
    ("codes.1.children.0.shortcut", "Q", "codes[1].children[0].shortcut: duplicate shortcut 'Q', already used by codes[0] (Claim/Factual)"),
    ("codes.0.shortcut", "ctrl+1", "codes[1].shortcut: duplicate shortcut 'Ctrl+1', already used by codes[0] (Claim/Factual)"),
    ("codes.0.shortcut", "Hyper+1", "codes[0].shortcut: shortcut 'Hyper+1': unknown modifier 'Hyper'"),
    ("codes.0.shortcut", "qq", "codes[0].shortcut: shortcut 'qq': 'qq' is neither one character"),
    ("codes.0.name_en", _DELETE, "codes[0].name_en: missing"),
    ("codes.1.children.0.name_ar", "  ", "codes[1].children[0].name_ar: missing (empty)"),
    ("codes.0.name_ar", "Factual", "codes[0].name_ar: 'Factual' has no Arabic letter"),
    ("codes.0.name_en", "Fact/Fiction", "codes[0].name_en: must not contain '/'"),
    ("codes.0.name_en", " Factual", "codes[0].name_en: ' Factual' has spaces at the start or end"),
    ("codes.0.name_en", 7, "codes[0].name_en: expected a string, got a number"),
    ("name", _DELETE, "name: missing"),
    ("codes.1.attributes.0.type", "date", "codes[1].attributes[0].type: unknown attribute type 'date'"),
    ("codes.1.attributes.0.choices", [], "codes[1].attributes[0].choices: a 'choice' attribute needs at least two choices"),
    ("codes.1.attributes.0.choices", _DELETE, "codes[1].attributes[0].choices: a 'choice' attribute needs"),
    ("codes.0.attributes.0.choices", ["a", "b"], "codes[0].attributes[0].choices: only a 'choice' attribute"),
    ("codes.1.attributes.0.choices", ["War", "war"], "codes[1].attributes[0].choices[1]: duplicate choice 'war'"),
    ("codes.1.attributes.0.required", "yes", "codes[1].attributes[0].required: expected true or false"),
    ("codes.1.attributes.0.name", "Quoted directly", None),  # same name on another code is fine
    ("codes.1.children.0.colour", "#12345g", "codes[1].children[0].colour: not a colour: '#12345g'"),
    ("codes.0.colour", "red", "codes[0].colour: not a colour"),
    ("codes.0.colour", _DELETE, "codes[0].colour: missing"),
    ("codes.0.color", "#ffffff", "codes[0].color: unknown key"),
    ("codes.1.children.0.kind", "framing_device", "codes[1].children[0].kind: sub-codes take their parent's kind"),
    ("codes.1.name_en", "factual", None),  # same name under another kind is fine
    ("codes.1.children", [code(5, None, "War", "حرب", "#ddeeff", ""), code(6, None, "WAR", "حرب٢", "#ddeeff", "")],
     "codes[1].children[1].name_en: duplicate name among sibling codes 'WAR' (also at codes[1].children[0].name_en)"),
    ("codes.0.examples", ["ok", " "], "codes[0].examples[1]: empty example"),
    ("codes.0.children", {}, "codes[0].children: expected a list, got an object"),
    ("codes.0", [], "codes[0]: expected a code (a JSON object), got a list"),
    ("codes", "none", "codes: expected a list, got a string"),
    ("format_version", 2, "format_version: 2 is from a newer Framing Annotator"),
    ("format_version", True, "format_version: must be a whole number"),
    ("version", "", "version: must not be empty"),
]


@pytest.mark.parametrize(("path", "value", "expected"), BAD_INPUT)
def test_bad_input_names_the_json_path(path: str, value: object, expected: str | None) -> None:
    if expected is None:
        cb.codebook_from_json(edited(path, value), "book.json")
        return
    with pytest.raises(InputError) as caught:
        cb.codebook_from_json(edited(path, value), "book.json")
    assert str(caught.value) == f"book.json: {caught.value.message}"
    assert caught.value.message.startswith(expected)


def test_top_level_and_depth() -> None:
    with pytest.raises(InputError, match=r"^x\.json: top level: expected a codebook \(a JSON object\), got a list$"):
        cb.codebook_from_json([], "x.json")
    deepest = code(100, None, "Leaf", "ورقة", "#ffffff", "")
    for n in range(101, 115):
        deepest = code(n, None, f"L{n}", "مستوى", "#ffffff", "", children=[deepest])
    with pytest.raises(InputError, match="nested more than 12 levels deep"):
        cb.codebook_from_json(edited("codes.1.children", [deepest]), "book.json")


def test_canonical_json_round_trips_exactly_and_lenient_input_is_normalised() -> None:
    spec = cb.codebook_from_json(valid(), "book.json")
    assert cb.codebook_to_json(spec) == valid()
    assert cb.codebook_from_json(cb.codebook_to_json(spec), "again.json") == spec
    assert spec.codes[1].children[0].kind is CodeKind.FRAMING_DEVICE
    data = valid()
    del data["format_version"]
    data["codes"][0] = {"uuid": "{" + U(1).upper() + "}", "kind": "Claim", "name_en": "Factual", "name_ar": "وقائعي",
                        "colour": "#AABBCC"}  # fmt: skip
    lenient = cb.codebook_from_json(data, "book.json")
    assert lenient.codes[0] == CodeSpec(U(1), CodeKind.CLAIM, "Factual", "وقائعي", "#aabbcc")
    assert cb.codebook_to_json(lenient)["format_version"] == 1


def test_files_are_read_and_written(tmp_path: Path) -> None:
    spec = cb.codebook_from_json(valid(), "book.json")
    target = tmp_path / "book.json"
    cb.write_codebook(spec, target)
    assert cb.read_codebook(target) == spec
    assert target.read_text(encoding="utf-8") == cb.codebook_to_text(spec)
    assert "استعارة" in target.read_text(encoding="utf-8")  # Arabic stays readable in the file
    target.write_bytes(b"\xef\xbb\xbf" + target.read_bytes())
    assert cb.read_codebook(target) == spec  # a BOM is fine
    assert [p.name for p in tmp_path.iterdir()] == ["book.json"]  # no temporary file left


@pytest.mark.parametrize(
    ("content", "expected"),
    [(b'{\n  "uuid": 1,\n  oops\n}', r"book\.json, line 3: not valid JSON"),
     (b'{"name": "a", "name": "b"}', r"book\.json: key 'name' appears twice"),
     (b'{"format_version": NaN}', r"book\.json: NaN is not a JSON value"),
     (b'\xff\xfe{"x": 1}', r"book\.json: not UTF-8 text"), (b"[" * 100_000, r"book\.json: ")],
)  # fmt: skip
def test_bad_files_are_rejected_with_file_and_line(tmp_path: Path, content: bytes, expected: str) -> None:
    target = tmp_path / "book.json"
    target.write_bytes(content)
    with pytest.raises(InputError, match=expected):
        cb.read_codebook(target)
    with pytest.raises(InputError, match=r"absent\.json: cannot read the file"):
        cb.read_codebook(tmp_path / "absent.json")


def test_validate_codebook_checks_specs_built_in_code() -> None:
    spec = cb.codebook_from_json(valid(), "book.json")
    assert cb.validate_codebook(spec) == spec
    wrong = replace(spec.codes[1], children=[replace(spec.codes[1].children[0], kind=CodeKind.ACTOR)])
    with pytest.raises(InputError, match=r"codes\[1\]\.children\[0\]\.kind: a sub-code must have its parent's kind"):
        cb.validate_codebook(replace(spec, codes=[spec.codes[0], wrong]), "editor")


def test_paths_and_lookups() -> None:
    spec = cb.codebook_from_json(valid(), "book.json")
    assert [p for p, _ in cb.iter_codes(spec)] == ["Claim/Factual", "Framing device/Metaphor", "Framing device/Metaphor/War"]
    war = spec.codes[1].children[0]
    assert cb.code_path(spec, war.uuid) == "Framing device/Metaphor/War"
    assert cb.code_paths(spec)[war.uuid] == "Framing device/Metaphor/War"
    assert cb.codes_by_uuid(spec)[war.uuid] is war
    assert cb.find_code(spec, " framing_device / metaphor / WAR ") is war
    for missing in ("Framing device", "Framing device/Simile", "Opinion/Factual", "Claim//Factual", ""):
        assert cb.find_code(spec, missing) is None
    assert cb.split_code_path("Claim/Factual") == (CodeKind.CLAIM, ("Factual",))
    assert cb.join_code_path(CodeKind.FRAMING_DEVICE, ["Metaphor", "War"]) == "Framing device/Metaphor/War"
    assert [(p, a.name) for p, a in cb.iter_attributes(spec)] == [("Claim/Factual", "Quoted directly"), ("Framing device/Metaphor", "Domain")]
    with pytest.raises(KeyError):
        cb.code_path(spec, U(99))


def test_shortcuts() -> None:
    same = {"q": "Q", "Q": "Q", "1": "1", "ctrl+shift+q": "Ctrl+Shift+Q", "Shift+Ctrl+Q": "Ctrl+Shift+Q", "f5": "F5",
            "Alt+PgDown": "Alt+PgDown", "Ctrl++": "Ctrl++", "+": "+", "Ctrl+,": "Ctrl+,", "ب": "ب", "": ""}  # fmt: skip
    assert {text: cb.shortcut_identity(text) for text in same} == same
    for bad in ("Ctrl+", "Ctrl+Ctrl+1", "Ctrl+K, Ctrl+C", " q", "Super+1", "F99", "\t", "++", "Ctrl+" * 10 + "Q"):
        with pytest.raises(ValueError):
            cb.parse_shortcut(bad)


# ------------------------------------------------------------------ shipped templates


def _lab_and_luminance(colour: str) -> tuple[tuple[float, float, float], float]:
    """CIELAB (D65) coordinates and WCAG relative luminance of ``#rrggbb``."""
    srgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb)
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, y, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116 for t in xyz)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)), y


def test_template_names() -> None:
    assert cb.template_names() == TEMPLATES
    assert cb.template_path("entman.json") == cb.template_path("entman")
    for bad in ("nope", "../codebooks/entman", ""):
        with pytest.raises(InputError, match="no codebook template named"):
            cb.load_template(bad)


def test_template_uuids_are_unique_across_templates() -> None:
    seen: list[str] = []
    for name in TEMPLATES:
        spec = cb.load_template(name)
        seen += [spec.uuid, *(c.uuid for _, c in cb.iter_codes(spec)), *(a.uuid for _, a in cb.iter_attributes(spec))]
        seen += [u for q in spec.questions for u in (q.uuid, *(o.uuid for o in q.options))]
    assert len(seen) == len(set(seen))
    assert all(str(uuid.UUID(u)) == u and uuid.UUID(u).version == 4 for u in seen)


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_codes_are_complete(name: str) -> None:
    spec = cb.load_template(name)
    assert spec.name and spec.version and len(spec.description) > 200
    for path, c in cb.iter_codes(spec):
        assert c.name_en.isascii() and ARABIC.search(c.name_ar), path
        assert re.fullmatch(r"#[0-9a-f]{6}", c.colour), path
        assert c.definition and c.include and c.exclude, path
        assert c.examples and all(ARABIC.search(e) for e in c.examples), path
        assert cb.shortcut_identity(c.shortcut), f"{path} has no shortcut"
        for a in c.attributes:
            assert a.description, f"{path}: {a.name}"
    keys = [cb.shortcut_identity(c.shortcut) for _, c in cb.iter_codes(spec)]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_colours_are_distinct_and_keep_black_text_readable(name: str) -> None:
    colours = {c.colour: _lab_and_luminance(c.colour) for _, c in cb.iter_codes(cb.load_template(name))}
    for colour, (_, luminance) in colours.items():
        assert (luminance + 0.05) / 0.05 >= 7.0, colour  # WCAG AAA contrast with black text
    for (a, (lab_a, _)), (b, (lab_b, _)) in itertools.combinations(colours.items(), 2):
        assert math.dist(lab_a, lab_b) >= 10.0, (a, b)  # CIE76 delta E: clearly different colours


CITATIONS = {
    "framing-core": "Gamson, W. A., & Modigliani, A. (1989)", "entman": "Entman, R. M. (1993)",
    "semetko-valkenburg": "Semetko, H. A., & Valkenburg, P. M. (2000)",
    "policy-frames": "Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014)",
}  # fmt: skip


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_file_is_canonical_round_trips_and_cites_its_source(name: str) -> None:
    spec = cb.load_template(name)
    text = cb.template_path(name).read_text(encoding="utf-8")
    assert cb.codebook_to_text(spec) == text  # JSON -> spec -> JSON gives the file back byte for byte
    assert cb.codebook_to_json(spec) == json.loads(text)
    assert cb.codebook_from_json(cb.codebook_to_json(spec), name) == spec
    assert cb.load_template(name) == spec  # same UUIDs every time
    assert CITATIONS[name] in spec.description


EXPECTED_CODES = {  # code paths joined by "|", "Framing device/" left out for brevity
    "framing-core": "Claim/Factual|Claim/Evaluative|Claim/Prescriptive|Claim/Predictive|Source/Cited source|Actor/State|"
    "Actor/Non-state armed|Actor/Civilian|Actor/International|Label|Metaphor|Exemplar|Catchphrase|Depiction|"
    "Appeal to principle|Consequence|Root cause",
    "entman": "Claim/Problem definition|Claim/Causal interpretation|Claim/Moral evaluation|"
    "Claim/Treatment recommendation|Source/Cited source|Actor/Actor mention",
    "semetko-valkenburg": "Attribution of responsibility|Human interest|Conflict|Morality|Economic consequences",
    "policy-frames": "Economic|Capacity and resources|Morality|Fairness and equality|Legality, constitutionality and "
    "jurisprudence|Policy prescription and evaluation|Crime and punishment|Security and defense|Health and safety|"
    "Quality of life|Cultural identity|Public opinion|Political|External regulation and reputation|Other",
}


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_has_the_codes_of_its_scheme(name: str) -> None:
    paths = [path.removeprefix("Framing device/") for path, _ in cb.iter_codes(cb.load_template(name))]
    assert "|".join(paths) == EXPECTED_CODES[name]


def test_framing_core_sources_and_claims() -> None:
    spec = cb.load_template("framing-core")
    source = cb.find_code(spec, "Source/Cited source")
    assert source is not None and all(a.required for a in source.attributes)
    by_name = {a.name: a for a in source.attributes}
    assert by_name["Source type"].choices == [
        "Official government", "Military/security", "Opposition/armed group", "International organisation",
        "NGO", "Expert", "Witness/citizen", "Media", "Anonymous"]  # fmt: skip
    assert by_name["Attribution stance"].choices == ["Neutral", "Distancing", "Endorsing", "Denial"]
    assert by_name["Named"].type is AttributeType.YES_NO
    assert all(c.attributes[0].name == "Reporting mode" for c in cb.codes_of_kind(spec, CodeKind.CLAIM))


def test_semetko_valkenburg_has_the_twenty_questions() -> None:
    from annotator.codebook.questions import QuestionType, frame_scales

    spec = cb.load_template("semetko-valkenburg")
    assert not list(cb.iter_attributes(spec))  # the indicators are document questions, not span attributes
    assert [q.key for q in spec.questions] == [f"sv_q{n}" for n in range(1, 21)]
    assert all(q.type is QuestionType.YES_NO and q.required and ARABIC.search(q.wording_ar) for q in spec.questions)
    scales = frame_scales(spec.questions)
    assert [s.group for s in scales] == [c.name_en for c in spec.codes]
    assert [len(s.items) for s in scales] == [5, 5, 4, 3, 3]


def test_policy_frames_and_framing_core_questions() -> None:
    policy = cb.load_template("policy-frames")
    primary, tone = policy.questions
    assert [o.label_en for o in primary.options] == [c.name_en for c in policy.codes]
    assert [o.value for o in tone.options] == [-1, 0, 1] and tone.type.level == "ordinal"
    core = cb.load_template("framing-core")
    assert [q.key for q in core.questions] == ["tone", "main_actor"] and not any(q.required for q in core.questions)
    actors = [c.name_ar for c in cb.codes_of_kind(core, CodeKind.ACTOR)]
    assert [o.label_ar for o in core.questions[1].options][:4] == actors


def test_codebook_domain_imports_no_qt_or_sql() -> None:
    script = "import sys, annotator.codebook; print({m.split('.')[0] for m in sys.modules} & {'PySide6', 'sqlalchemy'})"
    assert subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout == "set()\n"


# ------------------------------------------------------------------ properties

_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), max_size=8)


@st.composite
def codebooks(draw: st.DrawFn) -> CodebookSpec:
    """Valid codebooks of any shape: names, shortcuts and UUIDs made distinct by construction."""
    ids = itertools.count(1)
    keys = iter(draw(st.permutations(["1", "2", "q", "Ctrl+Q", "F5", "ب", "Alt+Space"])))

    def attribute() -> AttributeSpec:
        n, kind = next(ids), draw(st.sampled_from(AttributeType))
        choices = [f"c{j}:{draw(_TEXT)}".strip() for j in range(draw(st.integers(2, 3)))]
        return AttributeSpec(str(uuid.UUID(int=n)), f"a{n}:{draw(_TEXT)}".strip(), kind,
                             choices if kind is AttributeType.CHOICE else [], draw(st.booleans()), draw(st.text()))  # fmt: skip

    def node(kind: CodeKind, depth: int) -> CodeSpec:
        n = next(ids)
        return CodeSpec(
            str(uuid.UUID(int=n)), kind, f"n{n}:{draw(_TEXT)}".strip().replace("/", "|"), f"رمز {n}:{draw(_TEXT)}".strip(),
            draw(st.from_regex(r"#[0-9a-f]{6}", fullmatch=True)), next(keys, "") if draw(st.booleans()) else "",
            draw(st.text()), draw(st.text()), draw(st.text()), draw(st.lists(st.text(min_size=1).filter(str.strip), max_size=2)),
            [attribute() for _ in range(draw(st.integers(0, 2)))],
            [node(kind, depth + 1) for _ in range(draw(st.integers(0, 2 if depth < 3 else 0)))],
        )  # fmt: skip

    top = [node(draw(st.sampled_from(CodeKind)), 1) for _ in range(draw(st.integers(0, 4)))]
    return CodebookSpec(str(uuid.UUID(int=0)), f"book {draw(_TEXT)}".strip(), draw(st.text()), "1.0", top)


@given(codebooks())
@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
def test_any_valid_codebook_round_trips(spec: CodebookSpec) -> None:
    data = cb.codebook_to_json(spec)
    assert cb.codebook_from_json(json.loads(json.dumps(data)), "p.json") == spec
    assert cb.codebook_to_json(cb.codebook_from_json(data, "p.json")) == data


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=8,
)


def _slots(node: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) in a JSON tree."""
    keys = range(len(node)) if isinstance(node, list) else node.keys() if isinstance(node, dict) else []
    return [pair for key in keys for pair in [(node, key), *_slots(node[key])]]


@given(st.sampled_from(TEMPLATES), st.data())
@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
def test_any_corruption_is_an_input_error_or_a_valid_codebook(name: str, data: st.DataObject) -> None:
    document = json.loads(cb.template_path(name).read_text(encoding="utf-8"))
    container, key = data.draw(st.sampled_from(_slots(document)))
    if data.draw(st.booleans()) and isinstance(container, dict):
        del container[key]
    else:
        container[key] = data.draw(_JSON)
    try:
        spec = cb.codebook_from_json(document, name)
    except InputError as error:
        assert str(error).startswith(f"{name}: ") and "\n" not in str(error)
    else:
        assert cb.codebook_from_json(cb.codebook_to_json(spec), name) == spec
