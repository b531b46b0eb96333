"""The codebook as plain data: codes under the four kinds, their attributes, and code paths.

A code path names a code by the kind label and the English names down the tree, joined by ``/``:
``Framing device/Metaphor``, ``Claim/Factual``. Paths are what JSONL and the exports show; identity
(merging, storage) is always the UUID.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from annotator.codebook.questions import QuestionSpec
from annotator.domain import AttributeType, CodeKind

PATH_SEPARATOR = "/"

KIND_NAMES_AR: dict[CodeKind, str] = {
    CodeKind.CLAIM: "ادعاء",
    CodeKind.SOURCE: "مصدر",
    CodeKind.ACTOR: "فاعل",
    CodeKind.FRAMING_DEVICE: "أداة تأطير",
}
"""Arabic labels of the four kinds, for trees and menus that show the kinds as roots."""


@dataclass(frozen=True)
class AttributeSpec:
    """A typed value coders give an annotation of one code (``choices`` only for ``choice``).

    ``labels`` maps a choice's stored value to what people read: (English label, Arabic label).
    """

    uuid: str
    name: str
    type: AttributeType
    choices: list[str] = field(default_factory=list)
    required: bool = False
    description: str = ""
    labels: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass(frozen=True)
class CodeSpec:
    """One code of the tree; every code under a kind, sub-codes included, has that kind."""

    uuid: str
    kind: CodeKind
    name_en: str
    name_ar: str
    colour: str
    shortcut: str = ""
    definition: str = ""
    include: str = ""
    exclude: str = ""
    examples: list[str] = field(default_factory=list)
    attributes: list[AttributeSpec] = field(default_factory=list)
    children: list[CodeSpec] = field(default_factory=list)


@dataclass(frozen=True)
class CodebookSpec:
    """A whole codebook: the top-level codes of every kind, in display order."""

    uuid: str
    name: str
    description: str = ""
    version: str = "1"
    codes: list[CodeSpec] = field(default_factory=list)
    questions: list[QuestionSpec] = field(default_factory=list)


def join_code_path(kind: CodeKind, names: Sequence[str]) -> str:
    """``join_code_path(CodeKind.FRAMING_DEVICE, ["Metaphor"])`` → ``"Framing device/Metaphor"``."""
    return PATH_SEPARATOR.join([kind.label, *names])


def split_code_path(path: str) -> tuple[CodeKind, tuple[str, ...]]:
    """The kind and the code names of a path; segments are trimmed.

    Raises ``ValueError`` for an unknown kind or a path that names no code (only a kind, or an
    empty segment).
    """
    head, *names = (part.strip() for part in path.split(PATH_SEPARATOR))
    kind = CodeKind.from_label(head)
    if not names or not all(names):
        raise ValueError(f"code path {path!r} must be Kind/Code[/Sub-code…] with no empty part")
    return kind, tuple(names)


def iter_codes(spec: CodebookSpec) -> Iterator[tuple[str, CodeSpec]]:
    """Every code with its path, depth first, parents before their children, in file order."""
    for code in spec.codes:
        yield from _walk(code, (code.kind.label,))


def _walk(code: CodeSpec, parent: tuple[str, ...]) -> Iterator[tuple[str, CodeSpec]]:
    own = (*parent, code.name_en)
    yield PATH_SEPARATOR.join(own), code
    for child in code.children:
        yield from _walk(child, own)


def codes_of_kind(spec: CodebookSpec, kind: CodeKind) -> list[CodeSpec]:
    """The top-level codes of one kind, in order."""
    return [code for code in spec.codes if code.kind is kind]


def code_paths(spec: CodebookSpec) -> dict[str, str]:
    """Map code UUID → code path."""
    return {code.uuid: path for path, code in iter_codes(spec)}


def codes_by_uuid(spec: CodebookSpec) -> dict[str, CodeSpec]:
    """Map code UUID → code."""
    return {code.uuid: code for _, code in iter_codes(spec)}


def code_path(spec: CodebookSpec, code_uuid: str) -> str:
    """The path of the code with this UUID; ``KeyError`` if the codebook has none."""
    for path, code in iter_codes(spec):
        if code.uuid == code_uuid:
            return path
    raise KeyError(code_uuid)


def find_code(spec: CodebookSpec, path: str) -> CodeSpec | None:
    """The code a path names, or ``None``.

    Forgiving as a reader of hand-written files should be: the kind may be its label or value, and
    names match case-insensitively after trimming (the codebook keeps sibling names distinct that way).
    """
    try:
        kind, names = split_code_path(path)
    except ValueError:
        return None
    level = codes_of_kind(spec, kind)
    found: CodeSpec | None = None
    for name in names:
        found = next((c for c in level if c.name_en.casefold() == name.casefold()), None)
        if found is None:
            return None
        level = found.children
    return found


def iter_attributes(spec: CodebookSpec) -> Iterator[tuple[str, AttributeSpec]]:
    """Every attribute definition with the path of the code that owns it."""
    for path, code in iter_codes(spec):
        for attribute in code.attributes:
            yield path, attribute
