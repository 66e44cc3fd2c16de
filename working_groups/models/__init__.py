"""Working groups, their Vietnamese focal units and people, activities and the year's tasks."""

from .activities import Activity, Attachment, attachment_path
from .groups import FocalPerson, FocalUnit, RegionalLeadTerm, WorkingGroup
from .tasks import StatusUpdate, Task

__all__ = [
    "Activity",
    "Attachment",
    "FocalPerson",
    "FocalUnit",
    "RegionalLeadTerm",
    "StatusUpdate",
    "Task",
    "WorkingGroup",
    # Named by migration 0001 as the attachments' upload_to.
    "attachment_path",
]
