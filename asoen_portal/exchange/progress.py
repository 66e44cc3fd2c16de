"""A running import's progress, written where the page polling the job can see it.

The import holds one transaction open from the first row to the last (all-or-nothing), so a
progress update made on the import's own connection would stay invisible until the end. The
writes go through the `progress` database alias instead (settings.DATABASES: the same
database, a connection of its own, in autocommit). Each write also refreshes the job's
heartbeat, which the sweep reads to tell a slow import from one whose worker died.

SQLite (the embedded `make run` mode) allows one writer at a time: a write from a second
connection would wait for the import's lock, so there the progress is not written and the
page shows the job as running until it ends.
"""

import logging

from django.db import DatabaseError, connections
from django.utils import timezone

from asoen_portal.models import ImportJob

logger = logging.getLogger(__name__)

PROGRESS_DB = "progress"


class ProgressReporter:
    """Call with the number of rows processed so far."""

    def __init__(self, job):
        self.job_id = job.pk
        self.total = max(job.total_rows, 1)
        self.enabled = (
            PROGRESS_DB in connections.settings and connections[PROGRESS_DB].vendor != "sqlite"
        )

    def __call__(self, processed):
        if not self.enabled:
            return
        percent = min(99, processed * 100 // self.total)
        try:
            ImportJob.objects.using(PROGRESS_DB).filter(
                pk=self.job_id, status=ImportJob.Status.RUNNING
            ).update(processed_rows=processed, progress=percent, heartbeat_at=timezone.now())
        except DatabaseError:
            # Progress is for the user's eyes only; the import itself must not fail over it.
            logger.warning("Could not write the progress of import job %s", self.job_id)
