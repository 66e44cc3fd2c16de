"""The year's planned work and the history of its status."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import ArchivableModel, Theme

from .groups import WorkingGroup


class Task(ArchivableModel):
    """A piece of the year's planned work (the annual report's section III), owned by a group."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa bắt đầu")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Hoàn thành")
        POSTPONED = "postponed", _("Tạm hoãn")
        CANCELLED = "cancelled", _("Hủy bỏ")

    year = models.PositiveSmallIntegerField(_("năm"))
    theme = models.CharField(_("chủ đề báo cáo"), max_length=20, choices=Theme, blank=True)
    report_section = models.CharField(
        _("mục báo cáo"), max_length=10, blank=True, help_text=_("Ví dụ: 2.1, 2.2, 2.5")
    )
    title = models.CharField(_("tên nhiệm vụ"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    description_en = models.TextField(_("nội dung (tiếng Anh)"), blank=True)
    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("nhóm chủ trì"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        help_text=_("Để trống nếu Văn phòng ASOEN chủ trì."),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("hội nghị liên quan"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tasks",
    )
    due_date = models.DateField(_("hạn hoàn thành"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), default=0, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    report_order = models.PositiveSmallIntegerField(_("thứ tự trong báo cáo"), default=100)
    last_status_at = models.DateTimeField(_("cập nhật trạng thái lúc"), null=True, blank=True)
    # Bumped by every status change, so a form posted from a stale page is caught.
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "report_section", "report_order", "id"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        indexes = [
            models.Index(fields=["year", "working_group"], name="task_year_group_idx"),
            models.Index(fields=["status", "due_date"], name="task_status_due_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["year", "title"], name="uniq_task_year_title"),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="task_progress_at_most_100"
            ),
        ]

    def __str__(self):
        return self.title


class StatusUpdate(models.Model):
    """One change of a task's status and progress, with who made it and why."""

    task = models.ForeignKey(
        Task, verbose_name=_("nhiệm vụ"), on_delete=models.CASCADE, related_name="updates"
    )
    status = models.CharField(_("trạng thái"), max_length=20, choices=Task.Status)
    progress = models.PositiveSmallIntegerField(
        _("tiến độ (%)"), validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    note = models.TextField(_("ghi chú"), blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người cập nhật"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("thời điểm"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("cập nhật trạng thái")
        verbose_name_plural = _("cập nhật trạng thái")

    def __str__(self):
        return f"{self.task} → {self.get_status_display()} ({self.progress}%)"
