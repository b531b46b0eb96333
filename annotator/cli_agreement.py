"""The ``annotator agreement`` and ``annotator alpha`` commands.

Kept apart from cli.py and light to import: numpy, the database and the agreement package load
only when a command runs, so ``annotator --help`` stays instant.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from annotator.project_location import project_location
from annotator.errors import AnnotatorError

LEVELS = ("nominal", "ordinal", "interval", "ratio")
# Kept here, not imported, so that ``annotator --help`` loads no numpy; a test checks that they
# match annotator.agreement.coefficient_table.MEASURES and annotator.agreement.weights.SCHEMES.
MEASURES = ("alpha", "pa", "ac1", "ac2", "fleiss", "cohen", "cohen-weighted")
WEIGHTS = ("identity", "linear", "quadratic", "ordinal", "radical", "ratio", "circular",
           "bipolar")


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``agreement`` and ``alpha`` to the ``annotator`` command's subcommands."""
    _add_agreement(commands)
    _add_alpha(commands)


def _add_agreement(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    agreement = commands.add_parser(
        "agreement", help="inter-coder agreement of a project, per code and overall",
        description="Inter-coder agreement per code, per parent code and kind (sub-codes "
                    "collapsed) and overall: alpha_u, the u-alpha family ((k)u-alpha with its "
                    "coverage) with bootstrap intervals, character alpha, document presence "
                    "alpha with a bootstrap interval, token kappas and pairwise span F1, and "
                    "the definition of each figure. See docs/agreement.md.")
    agreement.add_argument("path", type=project_location, help="project file")
    agreement.add_argument("--coders", nargs="+", action="extend", metavar="NAME",
                           help="only these coders (default: every coder with documents)")
    agreement.add_argument("--codes", nargs="+", action="extend", metavar="PATH",
                           help="only these codes, e.g. Claim/Factual (a parent brings its "
                                "sub-codes, a kind such as Claim all its codes; default: all)")
    agreement.add_argument("--documents", nargs="+", action="extend", metavar="ID",
                           help="only these documents (UUIDs or external ids)")
    agreement.add_argument("--layer", choices=("coding", "gold"), default="coding")
    agreement.add_argument("--against-gold", action="store_true",
                           help="add the gold layer as a coder and report each coder against "
                                "it (uα of the pair, span F1 with gold as reference)")
    agreement.add_argument("--json", action="store_true", help="every figure as JSON")
    _bootstrap_options(agreement, 1000, "for the intervals of the u-alpha family (documents "
                                        "resampled) and of presence alpha")
    agreement.set_defaults(handler=cmd_agreement)


def _add_alpha(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    alpha = commands.add_parser(
        "alpha", help="Krippendorff's alpha (and other coefficients) of reliability data in a CSV",
        description="Krippendorff's alpha of a CSV file in KALPHA's layout: a header row of "
                    "coder names, one row per unit, a blank cell for a missing value. With "
                    "--measures or --all also percent agreement, Gwet's AC1/AC2, Fleiss' "
                    "kappa and Cohen's (weighted) kappa, each with its standard error.")
    alpha.add_argument("file", type=Path, help="CSV file (comma, semicolon or tab separated)")
    alpha.add_argument("--level", choices=LEVELS, required=True, help="level of measurement")
    alpha.add_argument("--encoding", help="e.g. utf-8, cp1256, utf-16 (default: detect)")
    alpha.add_argument("--json", action="store_true", help="the result as JSON")
    alpha.add_argument("--measures", type=_measures, metavar="LIST",
                       help=f"comma-separated coefficients to report: {', '.join(MEASURES)}")
    alpha.add_argument("--all", action="store_true", help="report every coefficient")
    alpha.add_argument("--weights", choices=WEIGHTS,
                       help="weights of ac2 and cohen-weighted (default by level: nominal "
                            "identity, ordinal ordinal, interval quadratic, ratio ratio)")
    _bootstrap_options(alpha, 0, "for a confidence interval and q(alpha < .667/.800)")
    alpha.set_defaults(handler=cmd_alpha)


def _measures(text: str) -> tuple[str, ...]:
    names = tuple(name.strip().lower() for name in text.split(",") if name.strip())
    unknown = [name for name in names if name not in MEASURES]
    if unknown or not names:
        what = f"unknown measure {', '.join(map(repr, unknown))}" if unknown else "no measure"
        raise argparse.ArgumentTypeError(f"{what}; choose from {', '.join(MEASURES)}")
    return tuple(dict.fromkeys(names))


def _bootstrap_options(parser: argparse.ArgumentParser, default: int, purpose: str) -> None:
    parser.add_argument("--bootstrap", type=_count, default=default, metavar="N",
                        help=f"bootstrap replicates {purpose} (default {default}; 0: none)")
    parser.add_argument("--seed", type=int, default=0, help="bootstrap seed (default 0)")


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _print(text: str) -> None:
    sys.stdout.write(text + "\n")


def cmd_agreement(args: argparse.Namespace) -> int:
    from annotator.agreement.against_gold import (
        against_gold,
        against_gold_json,
        against_gold_lines,
    )
    from annotator.agreement.report import project_report
    from annotator.agreement.report_format import report_json, report_table
    from annotator.db import open_project
    from annotator.db.services.agreement_data import agreement_input
    from annotator.domain import Layer

    from annotator.agreement.questions import question_agreement, question_json, question_table
    from annotator.db.services.questions import agreement_answers, gold_answer_sheet

    store = open_project(args.path)
    try:
        with store.reader() as session:
            data = agreement_input(session, coders=args.coders, codes=args.codes,
                                   documents=args.documents, layer=Layer(args.layer))
            gold = _with_gold(session, data, args)
            questions, sheet = agreement_answers(session, coders=args.coders,
                                                 documents=args.documents, layer=Layer(args.layer))
            if gold:  # gold answers are one more coder in the question figures, as gold spans
                sheet = {**sheet, **gold_answer_sheet(session, sheet, gold[1])}
    finally:
        store.close()
    try:
        report = project_report(gold[0] if gold else data, n_boot=args.bootstrap,
                                seed=args.seed)
        versus = (against_gold(gold[0], gold[1], n_boot=args.bootstrap, seed=args.seed)
                  if gold else None)
    except ValueError as error:
        raise AnnotatorError(f"{args.path}: {error}") from None
    answers = (question_agreement(questions, sheet, n_boot=args.bootstrap, seed=args.seed)
               if sheet else [])
    filters = {"coders": args.coders, "codes": args.codes, "documents": args.documents}
    if args.json:
        context = {"project": str(args.path), "layer": args.layer, "filters": filters}
        payload = report_json(report, **context) | {"questions": question_json(answers)}
        if gold and versus is not None:
            payload = {**payload, "gold": gold[1], "against_gold": against_gold_json(versus)}
        _print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print(report_table(report, f"Agreement in {args.path} ({args.layer} layer)",
                            filters=filters, layer=args.layer))
        if gold and versus is not None:
            _print("\n" + "\n".join(against_gold_lines(versus, gold[1])))
        if answers:
            _print("\n" + question_table(answers))
    return 0


def _with_gold(session: Any, data: Any, args: argparse.Namespace) -> tuple[Any, str] | None:
    """With --against-gold: the input with gold as one more coder, and gold's name there."""
    from annotator.agreement.against_gold import gold_name
    from annotator.db.services.agreement_data import add_gold

    if not args.against_gold:
        return None
    if args.layer != "coding":
        raise AnnotatorError("--against-gold compares the coding layer with gold; drop --layer")
    name = gold_name(data.coders)
    return add_gold(session, data, name), name


def cmd_alpha(args: argparse.Namespace) -> int:
    from annotator.agreement.reliability_csv import read_reliability_csv

    data = read_reliability_csv(args.file, args.level, args.encoding)
    result = alpha_result(data.values, args.level, args.bootstrap, args.seed)
    summary = {"file": str(args.file), "level": args.level, "n_coders": len(data.coders),
               "coders": list(data.coders), "n_units": data.n_units, **result}
    measures = MEASURES if args.all else args.measures
    if measures:
        summary.update(coefficients_result(data.values, summary, measures, args.weights))
    if args.json:
        _print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        _print("\n".join(alpha_lines(summary)))
    return 0


def coefficients_result(values: Any, summary: dict[str, Any], measures: tuple[str, ...],
                        weights: str | None) -> dict[str, Any]:
    """The rows of ``--measures``/``--all`` and the weights they used."""
    from annotator.agreement.coefficient_table import coefficient_rows, default_weights

    scheme = weights or default_weights(summary["level"])
    try:
        rows = coefficient_rows(values, summary["coders"], measures, scheme, summary)
    except ValueError as error:
        raise AnnotatorError(f"{summary['file']}: {error}") from None
    return {"weights": scheme, "coefficients": rows}


def alpha_result(values: Any, level: str, n_boot: int, seed: int) -> dict[str, Any]:
    """Alpha with its counts, verdict and (with ``n_boot``) the bootstrap figures."""
    from annotator.agreement.alpha import alpha_from_coincidences, coincidences
    from annotator.agreement.bootstrap import bootstrap_alpha
    from annotator.agreement.report import MIN_UNITS, TOO_FEW, verdict
    from annotator.agreement.report_format import number

    try:
        table = coincidences(values)
        alpha = alpha_from_coincidences(table, level)  # type: ignore[arg-type]
        boot = (bootstrap_alpha(values, level, n_boot, seed)  # type: ignore[arg-type]
                if n_boot else None)
    except ValueError as error:
        raise AnnotatorError(str(error)) from None
    result: dict[str, Any] = {
        "alpha": number(alpha),
        "verdict": TOO_FEW if table.n_units < MIN_UNITS and alpha == alpha else verdict(alpha),
        "n_pairable_units": table.n_units, "n_pairable_values": int(round(table.n_pairable)),
        "bootstrap": None,
    }
    if boot is not None:
        result["bootstrap"] = {
            "replicates": n_boot, "seed": seed, "level": boot.ci, "ci_low": number(boot.ci_low),
            "ci_high": number(boot.ci_high), "q_below_667": number(boot.q_below_667),
            "q_below_800": number(boot.q_below_800)}
    return result


def alpha_lines(summary: dict[str, Any]) -> list[str]:
    """The plain-text answer of ``annotator alpha``."""
    from annotator.agreement.report_format import UNDEFINED

    alpha = summary["alpha"]
    shown = UNDEFINED + "ined (no pairable values, or no variation)" if alpha is None \
        else f"{alpha:.3f}"
    lines = [f"{summary['file']}: Krippendorff's alpha, {summary['level']} level",
             f"  alpha      {shown}   {summary['verdict']}",
             f"  coders     {summary['n_coders']} ({', '.join(summary['coders'])})",
             f"  units      {summary['n_units']} ({summary['n_pairable_units']} pairable, "
             f"{summary['n_pairable_values']} pairable values)"]
    boot = summary["bootstrap"]
    if boot and boot["ci_low"] is not None:
        lines += [f"  {boot['level']:.0%} CI     [{boot['ci_low']:.3f}, {boot['ci_high']:.3f}] "
                  f"({boot['replicates']} bootstrap replicates, seed {boot['seed']})",
                  f"  q(α < .667) {boot['q_below_667']:.3f}   "
                  f"q(α < .800) {boot['q_below_800']:.3f}"]
    if "coefficients" in summary:
        from annotator.agreement.coefficient_table import coefficient_lines

        lines += ["", f"Coefficients (weights of ac2 and cohen-weighted: {summary['weights']})",
                  *coefficient_lines(summary["coefficients"])]
    return lines
