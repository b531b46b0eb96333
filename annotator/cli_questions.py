"""The ``annotator questions`` and ``annotator answers`` commands: document-level questions.

``questions PATH list|add FILE|remove KEY`` edits the codebook's questionnaire; ``answers PATH
set|clear|export|import …`` reads and writes answers (JSONL, see docs/questions.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from annotator.errors import AnnotatorError, InputError
from annotator.project_location import project_location

Command = Callable[..., argparse.ArgumentParser]


def register(command: Command) -> None:
    """Add ``questions`` and ``answers`` through build_parser's ``command`` helper."""
    questions = command("questions", cmd_questions, "list, add or remove the document questions of the codebook")
    questions.add_argument("path", type=project_location)
    questions.add_argument("action", choices=["list", "add", "remove"])
    questions.add_argument("argument", nargs="?", help="add: a JSON file with one question or a list; remove: the key")
    questions.add_argument("--json", action="store_true", help="list: the questions as codebook JSON")
    questions.add_argument("--with-answers", action="store_true",
                           help="remove: also a question that holds answers, with all its answers")
    answers = command("answers", cmd_answers, "set, clear, export or import answers to document questions")
    answers.add_argument("path", type=project_location)
    actions = answers.add_subparsers(dest="answers_action", required=True, metavar="ACTION")
    for name, usage in (("set", "set one answer"), ("clear", "clear one answer")):
        action = actions.add_parser(name, help=usage)
        action.add_argument("question", help="question key or UUID")
        if name == "set":
            action.add_argument("value", help="yes/no, an option value or label, a,b for several, a number or text")
        action.add_argument("--document", required=True, help="document UUID or external id")
        action.add_argument("--coder", required=True, help="coder name")
        action.add_argument("--layer", choices=["coding", "gold"], default="coding")
    review = actions.add_parser("review", help="list the documents and questions where coders' answers differ")
    review.add_argument("--all", action="store_true", help="also the questions where they agree")
    review.add_argument("--json", action="store_true")
    for name, usage in (("export", "write answers as JSONL (- = standard output)"),
                        ("import", "read answers from JSONL: all lines or none")):
        action = actions.add_parser(name, help=usage)
        action.add_argument("file")
        action.add_argument("--layer", choices=["coding", "gold"], default="coding")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def cmd_questions(args: argparse.Namespace) -> int:
    from annotator.codebook.question_codec import question_to_json
    from annotator.codebook.questions import frame_scales
    from annotator.db import open_project
    from annotator.codebook import codebook_from_json, codebook_to_json
    from annotator.db.services.codebook import add_question, export_codebook
    from annotator.db.services.questions import list_questions

    if args.action != "list" and not args.argument:
        raise AnnotatorError(f"questions {args.action} needs {'a JSON file' if args.action == 'add' else 'a key'}")
    store = open_project(args.path)
    try:
        if args.action == "list":
            with store.reader() as session:
                questions = list_questions(session)
            if args.json:
                _out(json.dumps([question_to_json(q) for q in questions], ensure_ascii=False, indent=2))
                return 0
            for q in questions:
                flags = ("*" if q.required else " ") + ("?" if q.condition else " ")
                _out(f"{q.key:<16} {flags} {q.type.value:<15} {q.group or '-':<30} {q.wording_en}")
            for scale in frame_scales(questions):
                _out(f"frame score {scale.group!r} = mean of {', '.join(q.key for q in scale.items)}")
            return 0
        if args.action == "add":
            items = _question_objects(Path(args.argument))
            with store.transaction() as session:
                current = codebook_to_json(export_codebook(session))
                current["questions"] = [*current.get("questions", []), *items]
                new = codebook_from_json(current, args.argument).questions[-len(items):]
                for question in new:
                    add_question(session, question)
            _out(f"added {len(new)} question(s): {', '.join(q.key for q in new)}")
            return 0
        with store.transaction() as session:
            _out(_remove(session, args.argument, args.with_answers))
        return 0
    finally:
        store.close()


def _remove(session: Any, key: str, with_answers: bool) -> str:  # noqa: ANN401 - a Session
    """Remove one question; one that holds answers only ``with_answers`` (and then with them)."""
    from annotator.db.services.question_remove import delete_question_with_answers, question_usage
    from annotator.wording import counted

    usage = question_usage(session, key)
    held = (f"{counted(usage.answers, 'answer')} by {counted(usage.coders, 'coder')} and "
            f"{counted(usage.gold, 'gold answer')}")
    if usage.total and not with_answers and not usage.dependants:
        raise AnnotatorError(f"question {usage.key!r} holds {held}; it is not removed "
                             "(add --with-answers to remove it with its answers)")
    delete_question_with_answers(session, usage.uuid)
    return f"removed question {usage.key}" + (f" and its {held}" if usage.total else "")


def _question_objects(path: Path) -> list[Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(path, f"not a readable JSON file: {error}") from None
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InputError(path, "no question in the file")
    return items


def cmd_answers(args: argparse.Namespace) -> int:
    from annotator.db import open_project

    store = open_project(args.path)
    try:
        if args.answers_action in ("set", "clear"):
            return _set(store, args)
        if args.answers_action == "export":
            return _export(store, args.file, args.layer)
        if args.answers_action == "review":
            return _review(store, args.all, args.json)
        from annotator.db.services.answers_io import import_answer_lines

        with store.transaction() as session:
            count = import_answer_lines(session, Path(args.file))
        _out(f"imported {count} answer(s)")
        return 0
    finally:
        store.close()


def _set(store: Any, args: argparse.Namespace) -> int:
    from annotator.codebook.questions import AnswerError, answer_label, parse_answer
    from annotator.db.services.lookup import find_coder, find_document
    from annotator.db.services.questions import find_question, set_answer
    from annotator.domain import Layer

    with store.transaction() as session:
        question = find_question(session, args.question)
        try:
            value = parse_answer(question, args.value) if args.answers_action == "set" else None
        except AnswerError as error:
            raise AnnotatorError(str(error)) from None
        document, coder = find_document(session, args.document), find_coder(session, args.coder)
        if Layer(args.layer) is Layer.GOLD:  # a lead's adjudication: one gold row, the lead's
            from annotator.db.services.adjudication_answers import set_gold_answer

            set_gold_answer(session, lead=coder.id, document=document.id, question=question.uuid,
                            value=value)
        else:
            set_answer(session, document.id, coder.id, question.uuid, value, Layer(args.layer))
    shown = "cleared" if value is None else answer_label(question, value)
    _out(f"{question.key} = {shown}")
    return 0


def _export(store: Any, target: str, layer: str) -> int:
    from annotator.db.services.answers_io import answer_lines
    from annotator.domain import Layer

    with store.reader() as session:
        lines = [json.dumps(line, ensure_ascii=False) for line in answer_lines(session, Layer(layer))]
    text = "".join(line + "\n" for line in lines)
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")
        _out(f"exported {len(lines)} answer(s) to {target}")
    return 0


def _review(store: Any, everything: bool, as_json: bool) -> int:
    from annotator.answer_review import compare_answers
    from annotator.db.services.coders import list_coders
    from annotator.db.services.documents import list_documents
    from annotator.db.services.questions import answer_sheet, list_questions
    from annotator.domain import Layer

    with store.reader() as session:
        questions = list_questions(session)
        coding = answer_sheet(session)
        gold: dict[str, dict[str, Any]] = {}
        for (document, _coder), answers in answer_sheet(session, layer=Layer.GOLD).items():
            gold.setdefault(document, {}).update(answers)
        names = {c.uuid: c.name for c in list_coders(session)}
        titles = {d.uuid: d.external_id or d.title for d in list_documents(session)}
    order = {uuid: place for place, uuid in enumerate(titles)}
    rows = [r for r in compare_answers(questions, coding, gold) if everything or not r.agree]
    rows.sort(key=lambda r: order.get(r.document_id, len(order)))  # stable: question order kept
    if as_json:
        _out(json.dumps([{"document": r.document_id, "external_id": titles.get(r.document_id),
                          "question": r.question.key, "agree": r.agree,
                          "answers": {names.get(c, c): v for c, v in r.answers.items()}, "gold": r.gold}
                         for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        shown = "; ".join(f"{coder}: {label}" for coder, label in r.shown(names).items())
        gold_text = "" if r.gold is None else f"  [gold: {r.gold}]"
        _out(f"{titles.get(r.document_id, r.document_id)}  {r.question.key}  {shown}{gold_text}")
    _out(f"{len(rows)} {'comparison(s)' if everything else 'disagreement(s)'}")
    return 0
