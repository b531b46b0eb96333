"""A new project is made complete or not at all; the import dry run stores nothing; the batch
import stores every readable file in one transaction and a cancel stores nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.codebook import template_names
from annotator.db import open_project
from annotator.db.services.article_preview import import_previewed, preview_files
from annotator.db.services.coders import list_coders
from annotator.db.services.documents import list_documents
from annotator.db.services.new_project import NewProject, create_new_project, project_file
from annotator.db.services.projects import project_info
from annotator.domain import Role
from annotator.errors import ProjectError
from annotator.importers import iter_article_files
from annotator.importers.preview import FileOptions

CORPUS = Path(__file__).resolve().parents[2] / "resources" / "demo"


def test_a_new_project_has_its_codebook_and_coders(tmp_path: Path) -> None:
    path = create_new_project(NewProject(tmp_path / "study.fannot", "دراسة", "framing-core",
                                         ["Amina", "Basel"], "Basel"))
    store = open_project(path)
    with store.reader() as session:
        info, coders = project_info(session), list_coders(session)
    store.close()
    assert (info.name, info.codes > 0, info.documents) == ("دراسة", True, 0)
    assert {(c.name, c.role) for c in coders} == {("Amina", Role.CODER), ("Basel", Role.LEAD)}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fannot"]


@pytest.mark.parametrize("coders, lead, message", [
    (["Amina", "Amina"], "Amina", "given twice"),
    (["Amina", " "], "Amina", "every coder needs a name"),
    (["Amina"], "Omar", "project lead"),
])
def test_a_refused_project_leaves_no_file(tmp_path: Path, coders: list[str], lead: str, message: str) -> None:
    with pytest.raises(ProjectError, match=message):
        create_new_project(NewProject(tmp_path / "p.fannot", "P", None, coders, lead))
    assert list(tmp_path.iterdir()) == []


def test_a_failure_while_building_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import annotator.db.services.new_project as module

    def broken(_name: str) -> None:
        raise ProjectError("template damaged")

    monkeypatch.setattr(module, "load_template", broken)
    with pytest.raises(ProjectError, match="template damaged"):
        create_new_project(NewProject(tmp_path / "p.fannot", "P", template_names()[0], ["A"], "A"))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_replaced(tmp_path: Path) -> None:
    (tmp_path / "p.fannot").write_bytes(b"keep me")
    with pytest.raises(ProjectError, match="already exists"):
        create_new_project(NewProject(tmp_path / "p.fannot", "P", None, ["A"], "A"))
    assert (tmp_path / "p.fannot").read_bytes() == b"keep me"
    assert len(list(tmp_path.iterdir())) == 1


def test_project_file_names_are_safe() -> None:
    assert project_file(Path("/x"), 'Aleppo: "2016"/12') == Path("/x/Aleppo_ _2016__12.fannot")
    assert project_file(Path("/x"), " . ") == Path("/x/project.fannot")


def test_dry_run_marks_duplicates_and_stores_nothing(store, tmp_path: Path) -> None:  # noqa: ANN001
    files = [(f, FileOptions()) for f in iter_article_files([CORPUS])]
    copy = tmp_path / "copy.txt"
    copy.write_bytes(files[0][0].read_bytes())
    previews = preview_files(store, [*files, (copy, FileOptions())])
    assert previews is not None and [p.new_articles for p in previews] == [1, 1, 1, 0]
    assert "same text as" in previews[-1].duplicates[0]
    with store.reader() as session:
        assert list_documents(session) == []


def test_batch_import_reports_refused_files_and_duplicates(store, tmp_path: Path) -> None:  # noqa: ANN001
    bad = tmp_path / "bad.csv"
    bad.write_text("title\nx\n", encoding="utf-8")
    files = [(f, FileOptions()) for f in iter_article_files([CORPUS])] + [(bad, FileOptions())]
    report = import_previewed(store, files)
    assert report.added == 3 and [f.path.name for f in report.failed] == ["bad.csv"]
    assert "no text column" in report.failed[0].error
    again = import_previewed(store, files[:1])
    assert again.added == 0 and len(again.files[0].skipped) == 1


@pytest.mark.parametrize("stop_at", [1, 4])  # while reading, and while storing
def test_cancel_stores_nothing(store, stop_at: int) -> None:  # noqa: ANN001
    files = [(f, FileOptions()) for f in iter_article_files([CORPUS])]
    steps: list[int] = []

    def progress(done: int, total: int, _path: Path) -> bool:
        steps.append(done)
        return done < stop_at

    report = import_previewed(store, files, progress)
    assert report.cancelled and report.added == 0 and steps[-1] == stop_at
    with store.reader() as session:
        assert list_documents(session) == []
