"""Coders and the lead passphrase: services, the stored hash, and `annotator coder`."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.db import open_project
from annotator.db.services.coder_roles import (
    LEAD_PASSPHRASE,
    check_lead_passphrase,
    remove_unused_coder,
    rename_coder,
    roster,
    set_lead_passphrase,
    set_retired,
    set_role,
)
from annotator.db.services.coders import add_coder
from annotator.db.services.projects import get_setting
from annotator.domain import Role
from annotator.errors import ProjectError
from annotator.passphrase import hash_passphrase, verify_passphrase


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_hash_is_salted_scrypt_and_checks_only_the_right_passphrase() -> None:
    one, two = hash_passphrase("correct horse"), hash_passphrase("correct horse")
    assert one["algorithm"] == "scrypt" and one["n"] == 2**15 and one["salt"] != two["salt"]
    assert "correct horse" not in str(one)
    assert verify_passphrase("correct horse", one)
    assert not verify_passphrase("correct hors", one)
    assert not verify_passphrase("correct horse", {**one, "key": "00" * 32})
    assert not verify_passphrase("correct horse", {"algorithm": "md5"})


def test_rename_retire_role_and_passphrase_services(store) -> None:  # noqa: ANN001
    with store.transaction() as session:
        lead = add_coder(session, "Lead", Role.LEAD)
        layla = add_coder(session, "Layla")
        add_coder(session, "Omar")
    with store.transaction() as session:
        assert rename_coder(session, layla, "Layla H.") == "Layla"
        with pytest.raises(ProjectError, match="named 'Omar' already exists"):
            rename_coder(session, layla, "omar")
        assert set_retired(session, layla, True) is False
        with pytest.raises(ProjectError, match="only active lead"):
            set_retired(session, lead, True)
        with pytest.raises(ProjectError, match="only active lead"):
            set_role(session, lead, Role.CODER)
    with store.reader() as session:
        people = roster(session)
        assert [c.name for c in people.offered()] == ["Lead", "Omar"]
    with store.transaction() as session:
        with pytest.raises(ProjectError, match="at least 8"):
            set_lead_passphrase(session, "short")
        set_lead_passphrase(session, "open sesame")
        assert check_lead_passphrase(session, "open sesame")
        assert not check_lead_passphrase(session, "Open sesame")
        with pytest.raises(ProjectError, match="current lead passphrase is wrong"):
            set_lead_passphrase(session, "new phrase!", current="guess what")
        people = roster(session)
        assert [c.name for c in people.offered()] == ["Omar"]  # leads are behind the passphrase
        assert [c.name for c in people.leads()] == ["Lead"]
        remove_unused_coder(session, layla)
        assert "Layla H." not in [c.name for c in roster(session).coders]


def test_cli_rename_retire_and_passphrase_via_getpass(tmp_path: Path, capsys,
                                                      monkeypatch) -> None:  # noqa: ANN001
    path = tmp_path / "p.fannot"
    assert run(capsys, "new", path, "--name", "P")[0] == 0
    run(capsys, "coder", path, "add", "Lead", "--lead")
    run(capsys, "coder", path, "add", "Layla")
    code, out, _ = run(capsys, "coder", path, "list")
    assert code == 0 and "no lead passphrase" in out
    assert run(capsys, "coder", path, "rename", "Layla", "Layla H.")[1] == "renamed Layla to Layla H.\n"
    code, out, _ = run(capsys, "coder", path, "retire", "Layla H.")
    assert code == 0 and "retired Layla H." in out
    assert "Layla H.  retired" in run(capsys, "coder", path, "list")[1]
    answers = iter(["lead secret", "lead secret"])
    monkeypatch.setattr(getpass, "getpass", lambda prompt="": next(answers))
    code, out, err = run(capsys, "coder", path, "passphrase")
    assert code == 0, err
    store = open_project(path)
    with store.reader() as session:
        record = get_setting(session, LEAD_PASSPHRASE)
        assert check_lead_passphrase(session, "lead secret")
    store.close()
    assert "lead secret" not in str(record)
    answers = iter(["wrong one", "another one", "another one"])
    code, _, err = run(capsys, "coder", path, "passphrase")
    assert code == 1 and "current lead passphrase is wrong" in err
    answers = iter(["lead secret", "another one", "different"])
    assert "the two passphrases differ" in run(capsys, "coder", path, "passphrase")[2]
    assert "passphrase" not in " ".join(a.dest for a in _coder_parser()._actions)


def _coder_parser():  # noqa: ANN202
    from annotator.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sub.choices["coder"]
