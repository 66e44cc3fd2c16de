import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from meetings.models import Meeting
from working_groups.models import Activity, FocalPerson

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def test_load_demo_creates_the_accounts_with_roles(settings):
    settings.DEBUG = True
    call_command("load_seed")
    call_command("load_demo")
    call_command("load_demo")

    User = get_user_model()
    assert User.objects.get(username="secretariat").groups.filter(name="secretariat").exists()
    assert User.objects.get(username="leadership").groups.filter(name="leadership").exists()
    focal = FocalPerson.objects.get(user__username="focal-awgncb")
    assert focal.working_group.code == "AWGNCB"
    assert User.objects.get(username="focal-awgcc").check_password("asoen-demo")
    assert User.objects.filter(username__startswith="focal-").count() == 8


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")

    assert not get_user_model().objects.filter(username="secretariat").exists()


def test_generate_demo_data_spreads_records_over_years_and_groups():
    call_command("load_seed")
    before = Activity.objects.count()

    call_command("generate_demo_data", activities=300, meetings=40, tasks=10)

    generated = Activity.objects.exclude(pk__in=Activity.objects.order_by("pk")[:before])
    assert Activity.objects.count() == before + 300
    assert generated.values("working_group").distinct().count() == 8
    assert generated.dates("start_date", "year").count() > 10
    assert all(a.search_text for a in generated[:20])
    assert Meeting.objects.filter(number__gte=1000).count() == 40


def test_production_settings_refuse_the_default_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "asoen_portal.settings", "DEBUG": "0", "PATH": ""},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr
