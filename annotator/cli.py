"""The ``annotator`` command: every non-GUI job of the app, scriptable.

Exit code 0 on success; on error one line on stderr and a non-zero code (1 for bad input or a
failed file in a batch, 2 for wrong usage).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from typing import TYPE_CHECKING, Any

from annotator import __version__
from annotator.cli_adjudicate import register as register_adjudicate_commands
from annotator.project_location import project_location
from annotator.cli_agreement import register as register_agreement_commands
from annotator.cli_coders import register as register_coder_commands
from annotator.cli_export import register as register_export_commands
from annotator.cli_package import register as register_package_commands
from annotator.cli_questions import register as register_question_commands
from annotator.cli_round import register as register_round_commands
from annotator.cli_review import register as register_review_commands
from annotator.cli_server import register as register_server_commands
from annotator.errors import AnnotatorError

if TYPE_CHECKING:
    from annotator.db.engine import ProjectStore
    from annotator.importers import ColumnMap
    from annotator.db.services.documents import DocumentSummary
    from annotator.domain import CodeKind

Handler = Callable[[argparse.Namespace], int]
EXIT_BROKEN_PIPE = 141


def _out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def _err(text: str) -> None:
    sys.stderr.write(f"annotator: {text}\n")


def _open(path: Path) -> ProjectStore:
    """Open a project; a write that must wait for another copy of the app says so on stderr."""
    from annotator.db import open_project  # imported here to keep `--help` instant

    return open_project(path, on_wait=_err)


def cmd_new(args: argparse.Namespace) -> int:
    from annotator.db import open_project
    from annotator.db.services.projects import create_project

    store = open_project(args.path, create=True, on_wait=_err)
    with store.transaction() as session:
        project_id = create_project(session, args.name)
    store.close()
    _out(f"created {args.path} (project {project_id})")
    return 0


def _column_map(args: argparse.Namespace) -> ColumnMap:
    from annotator.importers import ColumnMap

    given = {name: getattr(args, f"{name}_column") for name in
             ("text", "title", "id", "outlet", "date", "url", "author")}
    return ColumnMap(**{k: v for k, v in given.items() if v})


def _kind(args: argparse.Namespace) -> CodeKind:
    from annotator.domain import CodeKind

    try:
        return CodeKind.from_label(args.kind)
    except ValueError as error:
        raise AnnotatorError(str(error)) from None


def _import_qdpx(args: argparse.Namespace, file: Path) -> int:
    from annotator.db.services.refi_qda_import import import_qda_project
    from annotator.importers.refi_qda import read_qdpx

    project = read_qdpx(file)
    return _store_refi(args, f"{file}: REFI-QDA project {project.name!r}",
                       lambda session: import_qda_project(session, project, _kind(args)))


def _store_refi(args: argparse.Namespace, heading: str,
                store_parsed: Callable[[Any], Any]) -> int:
    """Store a parsed REFI-QDA file in one transaction and print its report."""
    store = _open(args.path)
    try:
        with store.transaction() as session:
            outcome = store_parsed(session)
    finally:
        store.close()
    _out(heading)
    for line in outcome.report():
        _out(f"  {line}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from annotator.db.services.article_import import import_article_files
    from annotator.importers import iter_article_files

    projects = [Path(p) for p in args.files if p.casefold().endswith(".qdpx")]
    if projects:
        if len(args.files) > 1:
            raise AnnotatorError("import a REFI-QDA project (.qdpx) on its own, one file per command")
        return _import_qdpx(args, projects[0])
    files = iter_article_files([Path(p) for p in args.files])
    if not files:
        raise AnnotatorError("no importable files found (.txt .docx .csv .xlsx .jsonl)")
    store = _open(args.path)
    report = import_article_files(store, files, format=args.format, encoding=args.encoding,
                                  columns=_column_map(args))
    store.close()
    for result in report.files:
        if result.error:
            _err(result.error)
            continue
        _out(f"{result.path}: {result.added} imported, {len(result.skipped)} skipped")
        for note in result.skipped:
            _out(f"  {note}")
    if report.failed:
        _err(f"{len(report.failed)} of {len(files)} file(s) failed; nothing was stored from them")
    return 1 if report.failed else 0


def cmd_codebook(args: argparse.Namespace) -> int:
    from annotator.codebook import load_template, read_codebook, write_codebook
    from annotator.codebook.outline import outline
    from annotator.db.services.codebook import apply_codebook, export_codebook, list_codes

    if args.action == "import" and args.argument.casefold().endswith(".qdc"):
        return _import_qdc(args, Path(args.argument))
    store = _open(args.path)
    if args.action in ("template", "import"):
        if args.action == "template":
            spec = load_template(args.argument)
        else:
            spec = read_codebook(Path(args.argument))
        with store.transaction() as session:
            count = apply_codebook(session, spec)
        _out(f"codebook {spec.name!r}: {count} codes")
    elif args.action == "export":
        with store.reader() as session:
            write_codebook(export_codebook(session), Path(args.argument))
        _out(f"wrote {args.argument}")
    else:
        with store.reader() as session:
            rows = list_codes(session)
        for line in outline(rows):
            _out(line)
    return 0



def _import_qdc(args: argparse.Namespace, file: Path) -> int:
    from annotator.db.services.refi_qda_import import import_qda_codebook
    from annotator.importers.refi_qda import read_qdc

    book = read_qdc(file)
    return _store_refi(args, f"{file}: REFI-QDA codebook",
                       lambda session: import_qda_codebook(session, book, _kind(args)))


def cmd_annotations(args: argparse.Namespace) -> int:
    from annotator.db.services.interchange import import_annotations
    from annotator.export.jsonl import export_annotations_jsonl, write_annotations_jsonl

    store = _open(args.path)
    if args.action == "import" and _annotations_format(args) == "brat":
        return _import_brat(store, Path(args.file), args.coder)
    if args.action == "import":
        file = Path(args.file)
        if not file.is_file():
            raise AnnotatorError(f"{file}: no such file")
        with store.transaction() as session:
            outcome = import_annotations(session, file)
        _out(f"{file}: {outcome.annotations} annotations and {outcome.relations} links "
             f"imported, {outcome.skipped} annotations and {outcome.skipped_relations} links "
             "already present")
    elif args.file == "-":  # to stdout, for pipes; the count goes to stderr
        with store.reader() as session:
            count = write_annotations_jsonl(session, sys.stdout)
        sys.stderr.write(f"wrote {count} lines\n")
    else:
        with store.reader() as session:
            count = export_annotations_jsonl(session, Path(args.file))
        _out(f"wrote {count} lines to {args.file}")
    return 0


def _annotations_format(args: argparse.Namespace) -> str:
    """``--format``, else brat for a folder or a .zip, else JSONL."""
    if args.format:
        return args.format
    file = Path(args.file)
    return "brat" if file.is_dir() or file.suffix.lower() == ".zip" else "jsonl"


def _import_brat(store: ProjectStore, source: Path, coder: str | None) -> int:
    from annotator.db.services.brat_import import import_brat

    if not coder:
        raise AnnotatorError("a brat import needs --coder NAME (whose annotations these are)")
    with store.transaction() as session:
        outcome = import_brat(session, source, coder)
    _out(f"{source}: {outcome.annotations} annotations and {outcome.relations} links of "
         f"{coder} imported from {outcome.files} documents")
    return 0


def cmd_documents(args: argparse.Namespace) -> int:
    from annotator.db.services.documents import list_documents

    with _open(args.path).reader() as session:
        documents = list_documents(session)
    if args.json:
        _out(json.dumps([_document_json(d) for d in documents], ensure_ascii=False, indent=2))
        return 0
    for d in documents:
        _out(f"{d.uuid}  {d.external_id or '-':<28}  {d.characters:>7}  {d.sha256[:12]}  {d.title}")
    return 0


def _document_json(summary: DocumentSummary) -> dict:
    return {"uuid": summary.uuid, "external_id": summary.external_id, "title": summary.title,
            "characters": summary.characters, "sha256": summary.sha256}


def cmd_info(args: argparse.Namespace) -> int:
    from annotator.db.services.projects import project_info

    with _open(args.path).reader() as session:
        info = project_info(session)
    if args.json:
        _out(json.dumps(asdict(info), ensure_ascii=False, indent=2))
    else:
        for key, value in asdict(info).items():
            _out(f"{key.replace('_', ' '):<16} {value}")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from annotator.db.services.demo import build_demo_project

    build_demo_project(args.path, with_coding=args.with_coding)
    extra = " with two coders' sample coding of the three demo articles" if args.with_coding else ""
    _out(f"created demo project {args.path}{extra}")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from annotator.platform_check import check_platform

    report = check_platform()
    if not report.ok:
        raise AnnotatorError(report.message)
    _out(report.message)
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from annotator.platform_check import check_platform
    from annotator.ui.app import run_gui

    report = check_platform()  # Qt's own message names the wrong library
    if not report.ok:
        raise AnnotatorError(report.message)
    return run_gui(args.path, coder=args.coder)


def build_parser() -> argparse.ArgumentParser:
    summary = __doc__.splitlines()[0].replace("``", "")  # help is plain text, not reST
    parser = argparse.ArgumentParser(prog="annotator", description=summary)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Handler, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        sub.set_defaults(handler=handler)
        return sub

    new = command("new", cmd_new, "create an empty project file")
    new.add_argument("path", type=project_location)
    new.add_argument("--name", required=True)

    imp = command("import", cmd_import, "import articles from files or folders, or a REFI-QDA .qdpx project")
    imp.add_argument("path", type=project_location)
    imp.add_argument("files", nargs="+", metavar="FILE_OR_DIR")
    imp.add_argument("--format", choices=["txt", "docx", "csv", "xlsx", "jsonl"])
    imp.add_argument("--encoding", help="e.g. utf-8, cp1256, iso-8859-6, utf-16 (default: detect)")
    imp.add_argument("--kind", default="framing_device", help="REFI-QDA: the kind for top-level codes not named after one of the four kinds (default: Framing device)")
    for column in ("text", "title", "id", "outlet", "date", "url", "author"):
        imp.add_argument(f"--{column}-column", metavar="NAME",
                         help=f"CSV/XLSX column holding the {column} (default: guess)")

    codebook = command("codebook", cmd_codebook, "load, export or show the codebook")
    codebook.add_argument("path", type=project_location)
    codebook.add_argument("action", choices=["template", "import", "export", "show"])
    codebook.add_argument("argument", nargs="?", help="template name, JSON file or REFI-QDA .qdc file")
    codebook.add_argument("--kind", default="framing_device", help="REFI-QDA: the kind for top-level codes not named after one of the four kinds (default: Framing device)")

    annotations = command("annotations", cmd_annotations, "import or export annotations (JSONL; brat collections with --format brat)")
    annotations.add_argument("path", type=project_location)
    annotations.add_argument("action", choices=["import", "export"])
    annotations.add_argument("file", help="JSONL file (export: - writes to standard output); "
                             "for --format brat a folder or zip")
    annotations.add_argument("--format", choices=["jsonl", "brat"],
                             help="import format (default: brat for a folder or .zip, else jsonl)")
    annotations.add_argument("--coder", help="brat import: the coder the annotations belong to")

    documents = command("documents", cmd_documents, "list documents")
    documents.add_argument("path", type=project_location)
    documents.add_argument("--json", action="store_true")

    info = command("info", cmd_info, "summarise a project")
    info.add_argument("path", type=project_location)
    info.add_argument("--json", action="store_true")

    demo = command("demo", cmd_demo, "create a demo project with the sample articles")
    demo.add_argument("path", type=project_location)
    demo.add_argument("--with-coding", action="store_true",
                      help="add both coders' coding of the three articles (to try agreement)")

    command("doctor", cmd_doctor, "check that this machine has what the GUI needs to start")

    gui = command("gui", cmd_gui, "open the coding window")
    gui.add_argument("path", nargs="?", type=project_location)
    gui.add_argument("--coder", help="who is coding (remembered per project)")

    register_agreement_commands(commands)
    register_round_commands(command)
    register_export_commands(commands)
    register_package_commands(command)
    register_review_commands(command)
    register_adjudicate_commands(command)
    register_coder_commands(command)
    register_question_commands(command)
    register_server_commands(command)
    return parser


def _check_arguments(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    if args.command == "codebook" and args.action != "show" and not args.argument:
        parser.error(f"codebook {args.action} needs a template name or file")


def _quiet_broken_pipe() -> int:
    """The reader of our output went away (``annotator documents P | head``): stop without a
    traceback. Standard output is pointed at /dev/null so that the interpreter's final flush
    cannot fail again; 141 (128 + SIGPIPE) is what a shell reports for a command stopped the
    same way, so scripts see it as the usual "pipe closed early", not as success."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_BROKEN_PIPE


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _check_arguments(args, parser)
    try:
        code = args.handler(args)
        sys.stdout.flush()  # inside the try: a closed pipe surfaces here, not at exit
        return code
    except BrokenPipeError:
        return _quiet_broken_pipe()
    except AnnotatorError as error:
        _err(str(error))
        return 1
    except KeyboardInterrupt:
        _err("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
