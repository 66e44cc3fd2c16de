"""Celery tasks of the notifications app: thin wrappers around services."""

import datetime

from celery import shared_task
from django.utils import timezone

from .jobs import run_reminders


@shared_task(name="notifications.send_reminders")
def send_reminders_task(on: str | None = None):
    """Daily (CELERY_BEAT_SCHEDULE). `on` (ISO date) is for operators replaying a day."""
    day = datetime.date.fromisoformat(on) if on else timezone.localdate()
    return run_reminders(on=day)
