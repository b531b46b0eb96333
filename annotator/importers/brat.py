"""Reading a brat collection (a folder or a zip of ``.txt``/``.ann`` pairs) without a database.

A collection written by this app has one folder per coder (``coding/<coder>/``): importing for a
coder reads only that coder's folder. Any other collection is read whole. The zip is checked for
size and unsafe paths before anything is unpacked (:mod:`annotator.importers.archive`); each
``.txt`` must be UTF-8 (a BOM is dropped), each ``.ann`` line is parsed strictly
(:mod:`annotator.importers.brat_ann`) and its offsets mapped to the canonical text
(:mod:`annotator.importers.brat_offsets`).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from annotator.brat_format import ReverseNames, parse_mapping, safe_file_name
from annotator.errors import InputError
from annotator.importers.archive import MEMBER_READ_ERRORS, check_archive, member_error
from annotator.importers.brat_ann import AnnFile, parse_ann
from annotator.importers.brat_offsets import canonical_spans

MAX_BYTES = 200 * 1024 * 1024  # the whole collection, as for an annotation JSONL file
CONF = "annotation.conf"


@dataclass
class BratFile:
    """One ``.txt``/``.ann`` pair, offsets already in the canonical text's code points."""

    txt: str  # names for messages: the file path, or ZIP:member
    ann: str
    text: str  # canonical
    parsed: AnnFile
    spans: dict[str, tuple[int, int]]


@dataclass
class BratCollection:
    files: list[BratFile]
    names: ReverseNames  # from annotation.conf's #@map lines; empty when there are none


class _Members:
    """The files of a folder or a zip, by relative POSIX name, read on demand."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.archive: zipfile.ZipFile | None = None
        if source.is_dir():
            files = [p for p in source.rglob("*") if p.is_file()]
            self.paths = {p.relative_to(source).as_posix(): p for p in files}
            size = sum(p.stat().st_size for p in files if p.suffix in (".txt", ".ann"))
            if size > MAX_BYTES:
                raise InputError(source, f"the .txt and .ann files hold more than "
                                 f"{MAX_BYTES // 2**20} MB")
        elif not source.is_file():
            raise InputError(source, "no such file or folder")
        elif not zipfile.is_zipfile(source):
            raise InputError(source, "is neither a folder nor a zip archive of a brat collection")
        else:
            check_archive(source, "brat zip", MAX_BYTES // 10)
            self.archive = zipfile.ZipFile(source)
            self.paths = {i.filename: source for i in self.archive.infolist() if not i.is_dir()}

    def where(self, name: str) -> str:
        return str(self.paths[name]) if self.archive is None else f"{self.source}:{name}"

    def read(self, name: str) -> bytes:
        if self.archive is None:
            return self.paths[name].read_bytes()
        try:
            return self.archive.read(name)
        except MEMBER_READ_ERRORS + (RuntimeError, NotImplementedError) as exc:
            raise member_error(self.source, "brat zip", name, exc) from None

    def close(self) -> None:
        if self.archive is not None:
            self.archive.close()


def _chosen(members: _Members, coder: str) -> list[str]:
    """The ``.ann`` names to import for ``coder``."""
    anns = sorted(name for name in members.paths if name.endswith(".ann"))
    folders = sorted({n.split("/")[1] for n in anns if n.startswith("coding/") and n.count("/") >= 2})
    if folders:
        prefix = f"coding/{safe_file_name(coder, 'coder')}/"
        anns = [name for name in anns if name.startswith(prefix)]
        if not anns:
            raise InputError(members.source, f"holds the coding of {', '.join(folders)} but no "
                             f"folder {prefix}; extract the folder wanted and import that folder")
    if not anns:
        raise InputError(members.source, "holds no .ann files (a brat collection is pairs of "
                         "NAME.txt and NAME.ann)")
    return anns


def _decoded(members: _Members, name: str) -> str:
    data = members.read(name)
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        raise InputError(members.where(name), f"not UTF-8 text (byte {error.start + 1})") from None


def _conf_names(members: _Members, anns: list[str]) -> ReverseNames:
    """The mapping of the nearest annotation.conf above the files (as brat looks it up)."""
    folder = PurePosixPath(anns[0]).parent
    for parent in (folder, *folder.parents):
        name = CONF if str(parent) == "." else f"{parent}/{CONF}"
        if name in members.paths:
            return parse_mapping(_decoded(members, name).splitlines())
    if members.archive is None:  # a folder inside an exported collection: look further up
        for parent in members.source.resolve().parents:
            if (parent / CONF).is_file():
                return parse_mapping((parent / CONF).read_text("utf-8", "replace").splitlines())
    return ReverseNames()


def _pair(members: _Members, ann: str) -> BratFile:
    txt = ann.removesuffix(".ann") + ".txt"
    if txt not in members.paths:
        raise InputError(members.where(ann), f"no {PurePosixPath(txt).name} beside it")
    where = members.where(ann)
    parsed = parse_ann(_decoded(members, ann), where)
    text, spans = canonical_spans(where, _decoded(members, txt), parsed.entities)
    return BratFile(members.where(txt), where, text, parsed, spans)


def read_brat_collection(source: Path, coder: str) -> BratCollection:
    """Every pair to import for ``coder``, checked; raises InputError naming file and line."""
    members = _Members(source)
    try:
        anns = _chosen(members, coder)
        return BratCollection([_pair(members, ann) for ann in anns], _conf_names(members, anns))
    finally:
        members.close()
