"""Doc_Matrix as an SPSS (.sav) or Stata (.dta) file with variable and value labels (pyreadstat).

Variable names follow :mod:`annotator.export.variables`; labels carry the code path in English
and the Arabic name. Stata keeps at most 80 characters of a variable label, so longer labels are
shortened there (the full label is in the Codebook and README of the workbook).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.export.atomic import atomic_path
from annotator.export.bundle import ExportBundle
from annotator.export.matrix import matrix_variables

STATA_LABEL = 80


def _frame(bundle: ExportBundle):  # noqa: ANN202 - a pandas DataFrame, imported on use
    import pandas as pd

    table = bundle.table("Doc_Matrix")
    names = [column.name for column in table.columns]
    frame = pd.DataFrame.from_records(list(table.rows), columns=names)
    described = matrix_variables(bundle.selection, bundle.variables, bundle.questions)
    texts = [v.name for v in described if v.text]
    for name in [*names[:6], *texts]:  # identifiers and text: strings, empty for missing
        frame[name] = frame[name].fillna("").astype(str)
    for name in names:  # a numeric variable nobody answered: missing numbers, not strings
        if name not in texts and frame[name].dtype == object and frame[name].isna().all():
            frame[name] = frame[name].astype(float)
    return frame


def _labels(bundle: ExportBundle, limit: int | None) -> tuple[dict[str, str], dict]:
    described = matrix_variables(bundle.selection, bundle.variables, bundle.questions)
    shorten = (lambda text: text if len(text) <= limit else text[:limit - 1] + "…") if limit \
        else (lambda text: text)
    labels = {v.name: shorten(v.label) for v in described}
    values = {v.name: v.value_labels for v in described if v.value_labels}
    return labels, values


def write_sav(bundle: ExportBundle, path: Path) -> int:
    import pyreadstat

    frame = _frame(bundle)
    labels, values = _labels(bundle, None)
    with _refusal(path), atomic_path(path) as temporary:
        pyreadstat.write_sav(frame, temporary, file_label="Framing Annotator Doc_Matrix",
                             column_labels=labels, variable_value_labels=values)
    return len(frame)


def write_dta(bundle: ExportBundle, path: Path) -> int:
    import pyreadstat

    frame = _frame(bundle)
    labels, values = _labels(bundle, STATA_LABEL)
    with _refusal(path), atomic_path(path) as temporary:
        pyreadstat.write_dta(frame, temporary, file_label="Framing Annotator Doc_Matrix",
                             column_labels=labels, variable_value_labels=values)
    return len(frame)


@contextmanager
def _refusal(path: Path) -> Iterator[None]:
    """What pyreadstat refuses becomes one line naming the file (and no file is left)."""
    from pyreadstat import ReadstatError

    try:
        yield
    except ReadstatError as error:
        raise AnnotatorError(f"{path}: the statistics file could not be written: {error}") from None
