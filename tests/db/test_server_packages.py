"""Offline fallback: a coder takes a package from the server project, codes on the road, and the
lead merges it back into the server; a second merge of the same package changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.db import open_project
from annotator.db.services.annotations import get_annotation
from annotator.db.services.documents import list_documents
from tests.package_helpers import code_in_package, run


def test_a_package_from_the_server_merges_back_into_it(pg_demo_team, tmp_path: Path,  # noqa: ANN001
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    server = pg_demo_team["Lead"]  # the lead's own login (row-level security: reads all)
    package = tmp_path / "layla.fannot"
    code, out, err = run(capsys, "package", "export", server, "--coder", "Layla", package)
    assert code == 0, err
    touched = code_in_package(package, "Layla", "checked on the train")
    code, out, err = run(capsys, "package", "merge", server, package)
    assert code == 0, err
    store = open_project(pg_demo_team["Layla"])  # and Layla sees her travel work on the server
    try:
        with store.reader() as session:
            added = get_annotation(session, touched["added"])
            edited = get_annotation(session, touched["edited"])
            memos = {d.uuid: d for d in list_documents(session, added.coder_id)}
        assert added.memo == "new" and edited.memo == "checked on the train"
        assert memos[touched["document"]].status.value == touched["status"]
    finally:
        store.close()
    code, out, err = run(capsys, "package", "merge", server, package, "--json")
    assert code == 0, err
    totals = json.loads(out)[0]["totals"]
    assert totals["added"] == totals["updated"] == totals["deleted"] == 0, totals
