"""What every background job of the portal shares: a report's render, its signature and a
spreadsheet import are each one row whose state is the job's state.

The status moves only through conditional updates (pending → running → done/failed), so a
duplicated or retried Celery message never runs a job twice. A broker that is down when the
job is asked for leaves it pending with a note the user sees; the beat task sends again the
jobs the broker never got or lost, and fails the running jobs whose worker died (no sign of
life within their lease). What a job does, and what its failure says, is its app's business.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A pending job whose message reached the broker this long ago was probably lost with it.
LOST_PENDING_AFTER = timedelta(minutes=15)
# Give the request's own on_commit enqueue time to run before the beat task steps in.
NEVER_ENQUEUED_AFTER = timedelta(seconds=30)


class BackgroundJob(models.Model):
    """Abstract base of a job row. A subclass declares its own `Status` (TextChoices holding at
    least pending, running, done and failed, with labels of its own) and its `status` field."""

    PENDING, RUNNING, DONE, FAILED = "pending", "running", "done", "failed"
    # The moment from which a pending job that was never enqueued counts as waiting.
    WAITING_SINCE = "created_at"

    error = models.TextField(_("lỗi"), blank=True)
    # Why a job waits, e.g. the broker was down when it was asked for; shown to the user.
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)
    enqueued_at = models.DateTimeField(_("đưa vào hàng đợi lúc"), null=True, blank=True)
    started_at = models.DateTimeField(_("bắt đầu lúc"), null=True, blank=True)
    finished_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def claim(cls, pk: int, **fields: object) -> bool:
        """pending → running, stamping started_at and `fields`; False if another delivery of
        the message (or another process) got there first, or the job is gone."""
        fields.setdefault("started_at", timezone.now())
        return bool(
            cls._default_manager.filter(pk=pk, status=cls.PENDING).update(
                status=cls.RUNNING, **fields
            )
        )

    @classmethod
    def enqueue(cls, pk: int, send: Callable[[], object], *, broker_down_note: str) -> bool:
        """Send the job's message with `send()`; True if the broker took it. If it is down,
        the job stays pending with `broker_down_note`, and the beat task sends it later."""
        from kombu.exceptions import OperationalError as BrokerError

        try:
            send()
        except (BrokerError, OSError) as exc:
            logger.warning("Broker unavailable, %s %s stays pending: %s", cls.__name__, pk, exc)
            cls._default_manager.filter(pk=pk).update(note=str(broker_down_note))
            return False
        cls._default_manager.filter(pk=pk).update(enqueued_at=timezone.now(), note="")
        return True

    @classmethod
    def lost_pending(cls, now: datetime) -> QuerySet:
        """Pending jobs the broker never got (not enqueued a while after they were asked for)
        or lost (enqueued long ago and still not started)."""
        never_enqueued = Q(enqueued_at__isnull=True) & Q(
            **{f"{cls.WAITING_SINCE}__lt": now - NEVER_ENQUEUED_AFTER}
        )
        return cls._default_manager.filter(status=cls.PENDING).filter(
            never_enqueued | Q(enqueued_at__lt=now - LOST_PENDING_AFTER)
        )

    @classmethod
    def requeue_lost(cls, now: datetime, enqueue: Callable[[int], bool]) -> int:
        """Enqueue again every lost pending job; stop at the first the broker refuses (it is
        still down: the rest go next time). Returns how many were sent."""
        requeued = 0
        for pk in cls.lost_pending(now).values_list("pk", flat=True):
            if not enqueue(pk):
                break
            requeued += 1
        return requeued

    @classmethod
    def stale_running(cls, now: datetime, lease: timedelta) -> QuerySet:
        """Running jobs that started longer than `lease` ago: their worker died."""
        return cls._default_manager.filter(status=cls.RUNNING, started_at__lt=now - lease)


class HeartbeatJob(BackgroundJob):
    """A job whose worker stamps heartbeat_at while it runs, so a dead worker is recognised
    within the lease instead of after the longest possible run."""

    heartbeat_at = models.DateTimeField(_("còn chạy lúc"), null=True, blank=True)

    class Meta:
        abstract = True

    @classmethod
    def stale_running(cls, now: datetime, lease: timedelta) -> QuerySet:
        """Running jobs with no heartbeat (nor, before the first one, start) within `lease`."""
        expired = now - lease
        return cls._default_manager.filter(status=cls.RUNNING).filter(
            Q(heartbeat_at__lt=expired) | Q(heartbeat_at__isnull=True, started_at__lt=expired)
        )
