"""Codebooks: codes under the four kinds, typed attributes, JSON files and the shipped templates.

Domain code: no Qt, no SQLAlchemy. Identity is the UUID (templates carry fixed UUIDs, so projects
built from one template merge); a code path (``Framing device/Metaphor``) is the readable name.
"""

from annotator.codebook.codec import (
    FORMAT_VERSION,
    codebook_from_json,
    codebook_to_json,
    validate_codebook,
)
from annotator.codebook.files import (
    codebook_to_text,
    load_template,
    read_codebook,
    template_names,
    template_path,
    write_codebook,
)
from annotator.codebook.model import (
    KIND_NAMES_AR,
    PATH_SEPARATOR,
    AttributeSpec,
    CodebookSpec,
    CodeSpec,
    code_path,
    code_paths,
    codes_by_uuid,
    codes_of_kind,
    find_code,
    iter_attributes,
    iter_codes,
    join_code_path,
    split_code_path,
)
from annotator.codebook.questions import (
    AnswerError,
    Condition,
    OptionSpec,
    QuestionSpec,
    QuestionType,
)
from annotator.codebook.shortcuts import parse_shortcut, shortcut_identity

__all__ = [
    "AnswerError",
    "Condition",
    "OptionSpec",
    "QuestionSpec",
    "QuestionType",
    "FORMAT_VERSION",
    "KIND_NAMES_AR",
    "PATH_SEPARATOR",
    "AttributeSpec",
    "CodeSpec",
    "CodebookSpec",
    "code_path",
    "code_paths",
    "codebook_from_json",
    "codebook_to_json",
    "codebook_to_text",
    "codes_by_uuid",
    "codes_of_kind",
    "find_code",
    "iter_attributes",
    "iter_codes",
    "join_code_path",
    "load_template",
    "parse_shortcut",
    "read_codebook",
    "shortcut_identity",
    "split_code_path",
    "template_names",
    "template_path",
    "validate_codebook",
    "write_codebook",
]
