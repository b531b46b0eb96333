"""The bundle spec (packaging/framing-annotator.spec) ships every file the app reads, and no module
it excludes is one the app imports. The built bundle itself is tested by packaging/smoke_bundle.py
(``make bundle``, and CI)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import annotator
from annotator import resources
from annotator.db.engine import MIGRATIONS_DIR
from tests.test_no_torch import HEAVY

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "framing-annotator.spec"


def spec_value(name: str) -> object:
    """The literal assigned to ``name`` at the top of the spec."""
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} assigns no {name}")


def _module_constants(tree: ast.Module) -> dict[str, str]:
    return {t.id: node.value.value for node in tree.body if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
            for t in node.targets if isinstance(t, ast.Name)}


def folders_the_code_reads() -> dict[str, set[str]]:
    """First argument of every ``resource_path(...)`` call in the package -> the modules calling."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "annotator").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = _module_constants(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "resource_path" and node.args):
                first = node.args[0]
                folder = (first.value if isinstance(first, ast.Constant)
                          else constants.get(first.id) if isinstance(first, ast.Name) else None)
                assert isinstance(folder, str), f"{path.name}: resource_path needs a literal folder"
                found.setdefault(folder, set()).add(path.name)
    return found


def test_the_spec_lists_every_resource_folder_the_app_resolves() -> None:
    listed = spec_value("RESOURCE_FOLDERS")
    assert sorted(listed) == sorted(resources.FOLDERS)
    read = folders_the_code_reads()
    assert set(read) <= set(listed), f"not in the spec: {set(read) - set(listed)}"
    assert {"codebooks", "demo", "fonts"} <= set(read)


def test_every_folder_of_resources_is_declared() -> None:
    on_disk = sorted(p.name for p in (ROOT / "resources").iterdir() if p.is_dir())
    assert on_disk == sorted(resources.FOLDERS)


def test_an_undeclared_folder_is_refused() -> None:
    assert resources.resource_path("fonts", "OFL.txt").is_file()
    with pytest.raises(ValueError, match="plugins"):
        resources.resource_path("plugins", "x.so")


def test_in_a_bundle_resources_resolve_under_the_unpacked_folder(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources._resources_dir() == tmp_path / "resources"


def test_the_spec_ships_the_migrations_and_the_app_version() -> None:
    assert spec_value("PACKAGE_DATA") == [MIGRATIONS_DIR.relative_to(ROOT).as_posix()]
    assert spec_value("APP_VERSION") == annotator.__version__


def _imports_of_the_app() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "annotator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_spec_excludes_nothing_the_app_imports() -> None:
    excluded = spec_value("EXCLUDES")
    assert isinstance(excluded, list)
    imported = _imports_of_the_app()
    clash = sorted(e for e in excluded
                   if any(name == e or name.startswith(e + ".") for name in imported))
    assert not clash, f"excluded from the bundle but imported by the app: {clash}"
    required = {*HEAVY, "tests", "bench", "pytest", "hypothesis", "PySide6.QtWebEngineCore",
                "PySide6.Qt3DCore", "PySide6.QtQuick", "PySide6.QtQml", "PySide6.QtMultimedia"}
    assert required <= set(excluded)


def test_linux_desktop_entry_and_mime_type_agree() -> None:
    """Double-clicking a .fannot file runs ``annotator gui FILE`` (packaging/linux/install.sh)."""
    import configparser
    import subprocess
    from xml.etree import ElementTree

    linux = ROOT / "packaging" / "linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(linux / "framing-annotator.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "annotator gui %f"
    mime = ElementTree.parse(linux / "framing-annotator-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime_type = mime.find("m:mime-type", ns)
    assert mime_type is not None
    assert desktop["MimeType"].rstrip(";") == mime_type.get("type")
    assert [g.get("pattern") for g in mime_type.findall("m:glob", ns)] == ["*.fannot"]
    assert subprocess.run(["sh", "-n", str(linux / "install.sh")]).returncode == 0


def test_the_macos_bundle_claims_fannot_files() -> None:
    text = SPEC.read_text(encoding="utf-8")
    assert '"CFBundleTypeExtensions": ["fannot"]' in text
    assert "argv_emulation=sys.platform == \"darwin\"" in text
    iss = (ROOT / "packaging" / "windows" / "framing-annotator.iss").read_text(encoding="utf-8")
    assert 'Subkey: "Software\\Classes\\.fannot"' in iss and '""%1""' in iss
