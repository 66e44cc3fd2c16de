"""End to end with real parts: a Celery worker (subprocess, Redis broker, PostgreSQL) runs the
beat task twice for the same day and sends over SMTP to a real local server (aiosmtpd); the
focal point receives one reminder e-mail, not two."""

import time
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
from aiosmtpd.controller import Controller

from notifications.models import Kind, Notice
from notifications.tasks import send_reminders_task
from tests.factories import TaskFactory
from tests.workers import WAIT_SECONDS, start_celery_worker

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
SMTP_PORT = 13125  # issue 13's port range


class Inbox:
    """aiosmtpd handler keeping each delivered message with its envelope recipients."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 OK"

    def subjects(self):
        return [(to, str(make_header(decode_header(m["Subject"])))) for to, m in self.messages]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=SMTP_PORT)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@pytest.fixture
def worker(settings, smtp_server, monkeypatch):
    monkeypatch.setenv("EMAIL_URL", f"smtp://127.0.0.1:{SMTP_PORT}")
    with start_celery_worker(media_root=settings.MEDIA_ROOT) as process:
        yield process


def _wait_for(condition):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.5)
    raise AssertionError("timed out")


def test_beat_twice_sends_one_email_over_smtp(with_emails, group_ncb, smtp_server, worker):
    focal = with_emails["focal"]
    TaskFactory(working_group=group_ncb, title="Góp ý kế hoạch ACB", due_date="2026-06-20")
    # Due 7 days after 3 July but 9 after 1 July: its reminder marks the third run's end.
    TaskFactory(working_group=group_ncb, title="Dấu mốc", due_date="2026-07-10")

    send_reminders_task.delay(on="2026-07-01")
    send_reminders_task.delay(on="2026-07-01")
    send_reminders_task.delay(on="2026-07-03")  # the solo worker runs them in order
    _wait_for(lambda: Notice.objects.filter(kind=Kind.TASK_DUE_SOON).exists())
    _wait_for(lambda: len(smtp_server.messages) >= 3)
    time.sleep(1)  # nothing more arrives late

    assert smtp_server.subjects() == [
        (["focal-awgncb@asoen.vn"], "[Cổng ASOEN] 1 việc cần chú ý"),
        (
            ["focal-awgncb@asoen.vn"],
            "[Cổng ASOEN] Tổng hợp tuần 2026-W27: 2 nhiệm vụ, 0 việc chuẩn bị",
        ),
        (["focal-awgncb@asoen.vn"], "[Cổng ASOEN] 1 việc cần chú ý"),
    ]
    first_body = smtp_server.messages[0][1].get_payload(decode=True).decode()
    assert "Góp ý kế hoạch ACB" in first_body and "Dấu mốc" not in first_body
    assert sorted(Notice.objects.filter(recipient=focal).values_list("kind", flat=True)) == [
        Kind.TASK_DUE_SOON,
        Kind.TASK_OVERDUE,
        Kind.WEEKLY_DIGEST,
    ]
