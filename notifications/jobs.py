"""The daily run: the one function beat's task and `manage.py send_reminders` both call."""

import datetime

from .digest import send_weekly_digests
from .reminders import send_due_reminders


def run_reminders(*, on: datetime.date) -> dict[str, int]:
    counts = send_due_reminders(on=on)
    counts["digests"] = send_weekly_digests(on=on)
    return counts
