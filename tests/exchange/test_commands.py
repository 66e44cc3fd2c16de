"""manage.py import / export on every register.

django-import-export ships commands with the same names; it is not an installed app, so
ours are the only ones. The tests call our command objects directly.
"""

import importlib

import pytest
from django.core.management import CommandError, call_command

from asoen_portal.exchange.registry import REGISTERS
from tests.exchange.conftest import activity_rows, xlsx_bytes
from tests.factories import UserFactory
from working_groups.models import Activity


def command(name):
    return importlib.import_module(f"asoen_portal.management.commands.{name}").Command()


@pytest.mark.parametrize("register", sorted(REGISTERS))
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_then_dry_run_import_of_every_register(db, tmp_path, register, fmt, capsys):
    output = tmp_path / f"{register}.{fmt}"
    call_command(command("export"), register, "--format", fmt, "--output", str(output))
    assert output.stat().st_size > 0

    # An empty register exports a header-only file, which an import refuses clearly.
    with pytest.raises(CommandError, match="không có dòng dữ liệu nào"):
        call_command(command("import"), register, str(output), "--dry-run")


def test_import_command_writes_with_history_user(groups, tmp_path, capsys):
    user = UserFactory(username="van-phong")
    path = tmp_path / "hoat-dong.xlsx"
    path.write_bytes(xlsx_bytes(activity_rows()))

    call_command(command("import"), "activities", str(path), "--dry-run")
    assert Activity.objects.count() == 0
    call_command(command("import"), "activities", str(path), "--user", "van-phong")

    assert capsys.readouterr().out.splitlines() == [
        "Kiểm tra xong, chưa ghi: mới 2, cập nhật 0, không đổi 0, lỗi 0.",
        "Đã nhập: mới 2, cập nhật 0, không đổi 0, lỗi 0.",
    ]
    assert {h.history_user for h in Activity.history.all()} == {user}


def test_import_command_reports_row_errors_and_writes_nothing(groups, tmp_path, capsys):
    rows = activity_rows()
    rows[1][0] = "KHONGCO"
    path = tmp_path / "hoat-dong.xlsx"
    path.write_bytes(xlsx_bytes(rows))

    with pytest.raises(CommandError, match=r"Không ghi dòng nào \(mới 1, .*lỗi 1\)"):
        call_command(command("import"), "activities", str(path))

    assert capsys.readouterr().err.splitlines() == [
        "Dòng 2 [Nhóm công tác]: Không có nhóm công tác mã «KHONGCO» (ví dụ đúng: AWGNCB)."
    ]
    assert Activity.objects.count() == 0
