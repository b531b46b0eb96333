"""The report pauses Python's cycle collector while it runs and always restores it."""

from __future__ import annotations

import gc

import pytest

from annotator.agreement.report import ReportCancelled, project_report
from annotator.agreement.report_input import AgreementInput, DocumentUnits, SpanRow

CODES = ["Claim/Factual", "Actor/State"]


def small_input() -> AgreementInput:
    text = "قال المتحدث إن القوات سيطرت على الأحياء الشرقية."
    spans = [SpanRow("A", 0, 11, CODES[0]), SpanRow("B", 0, 11, CODES[0]),
             SpanRow("A", 15, 21, CODES[1]), SpanRow("B", 12, 21, CODES[1])]
    return AgreementInput([DocumentUnits("d", "doc", text, spans, {"A", "B"})], ["A", "B"],
                          CODES, {code: code for code in CODES})


def test_collector_is_paused_during_the_report_and_enabled_after() -> None:
    seen: list[bool] = []
    project_report(small_input(), n_boot=0, progress=lambda _, __: seen.append(gc.isenabled()))
    assert seen and not any(seen)
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    try:
        project_report(small_input(), n_boot=0)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collector_comes_back_when_the_report_is_cancelled() -> None:
    def cancel(fraction: float, stage: str) -> None:
        raise ReportCancelled

    with pytest.raises(ReportCancelled):
        project_report(small_input(), n_boot=0, progress=cancel)
    assert gc.isenabled()
