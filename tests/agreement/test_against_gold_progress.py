"""Each coder against gold reports its progress per coder and within each coder's report, and
stops at once when the callback raises ReportCancelled (the Agreement window's Cancel)."""

from __future__ import annotations

import pytest

from annotator.agreement.against_gold import STAGE, against_gold
from annotator.agreement.report import ReportCancelled
from annotator.agreement.report_input import SpanRow

from test_report import make_input, span

GOLD_STUDY = [
    span("gold", 0, 0, 3, "Claim/Factual"), span("A", 0, 0, 3, "Claim/Factual"),
    span("B", 0, 0, 2, "Claim/Factual"), span("gold", 1, 0, 2, "Claim/Evaluative"),
    span("A", 1, 0, 2, "Claim/Evaluative"), span("B", 1, 0, 2, "Actor/State"),
    (2, SpanRow("gold", 0, 3, "Actor/State")), (2, SpanRow("A", 0, 3, "Actor/State")),
]


@pytest.fixture()
def data():  # noqa: ANN201 - AgreementInput
    return make_input(GOLD_STUDY, [["A", "B", "gold"]] * 3)


def test_progress_moves_per_coder_and_within(data) -> None:  # noqa: ANN001
    seen: list[tuple[float, str]] = []
    rows = against_gold(data, "gold", n_boot=50, progress=lambda f, s: seen.append((f, s)))
    assert [row.coder for row in rows] == ["A", "B"]
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    stages = [s for _, s in seen]
    a_calls = stages.count(f"{STAGE}: A")
    assert a_calls > 5 and stages.count(f"{STAGE}: B") == a_calls  # the report's stages too
    assert max(f for f, s in seen if s.endswith(": A")) <= 0.5 <= min(
        f for f, s in seen if s.endswith(": B"))
    assert stages[-1] == STAGE
    assert rows == against_gold(data, "gold", n_boot=50)  # progress changes no figure


def test_cancel_raises_within_the_first_coder(data) -> None:  # noqa: ANN001
    seen: list[str] = []

    def stop_on_the_third_call(fraction: float, stage: str) -> None:
        seen.append(stage)
        if len(seen) == 3:
            raise ReportCancelled

    with pytest.raises(ReportCancelled):
        against_gold(data, "gold", n_boot=50, progress=stop_on_the_third_call)
    assert seen == [f"{STAGE}: A"] * 3  # B's report never started
