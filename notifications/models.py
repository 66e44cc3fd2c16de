"""Notices shown in the portal's bell, each user's choices of what to receive, and the record
of reminders sent (the unique constraint that makes reminders idempotent)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """What a notice or e-mail is about; each kind can be turned off by its recipient."""

    REPORT_SUBMITTED = "report_submitted", _("Báo cáo năm được trình")
    REPORT_DECIDED = "report_decided", _("Báo cáo năm được phê duyệt hoặc trả lại")
    JOB_FINISHED = "job_finished", _("Tạo báo cáo PDF hoặc nhập dữ liệu xong")
    TASK_CHANGED = "task_changed", _("Nhiệm vụ của nhóm được giao hoặc thay đổi")
    TASK_DUE_SOON = "task_due_soon", _("Nhắc nhiệm vụ sắp đến hạn")
    TASK_OVERDUE = "task_overdue", _("Nhắc nhiệm vụ quá hạn")
    TASK_STALE = "task_stale", _("Nhắc nhiệm vụ lâu chưa cập nhật")
    CHECKLIST_DUE_SOON = "checklist_due_soon", _("Nhắc việc chuẩn bị hội nghị sắp đến hạn")
    CHECKLIST_OVERDUE = "checklist_overdue", _("Nhắc việc chuẩn bị hội nghị quá hạn")
    WEEKLY_DIGEST = "weekly_digest", _("Tổng hợp hằng tuần việc của nhóm")


class Notice(models.Model):
    """One message to one person in the portal, in the language they read the portal in."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="notices",
    )
    kind = models.CharField(_("loại"), max_length=30, choices=Kind)
    message = models.TextField(_("nội dung"))
    url = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notice_recipient_read_idx"),
        ]

    def __str__(self):
        return self.message[:80]


class NotificationPreference(models.Model):
    """A user's language for e-mails and the kinds they turned off (all on by default)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="notification_preference",
    )
    language = models.CharField(
        _("ngôn ngữ thư"), max_length=5, choices=settings.LANGUAGES, default="vi"
    )
    muted_kinds = models.JSONField(_("loại đã tắt"), default=list, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        ordering = ["user_id"]
        verbose_name = _("tùy chọn thông báo")
        verbose_name_plural = _("tùy chọn thông báo")

    def __str__(self):
        return str(self.user)


class SentReminder(models.Model):
    """A reminder of one kind, about one object, for one window, to one person: written before
    the mail goes out, in the same transaction, so neither a second beat nor a retry sends it
    again (the unique constraint decides, also between two processes racing)."""

    kind = models.CharField(_("loại"), max_length=30, choices=Kind)
    object_key = models.CharField(_("đối tượng"), max_length=60)
    window = models.CharField(
        _("đợt"), max_length=30, help_text=_("Ví dụ: hạn 2026-07-01, hoặc tuần 2026-W27.")
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhận"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("gửi lúc"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("lượt nhắc việc đã gửi")
        verbose_name_plural = _("lượt nhắc việc đã gửi")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_key", "window", "recipient"],
                name="uniq_sent_reminder_kind_object_window_recipient",
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.object_key} {self.window} → {self.recipient_id}"
