"""ASEAN meetings Vietnam attends or hosts, and the preparation of the ones it hosts."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import ArchivableModel, Country, TimeStampedModel


class MeetingSeries(TimeStampedModel):
    """A recurring meeting: ASOEN, AMME, a working group's annual meeting, COP of the haze
    agreement, the AHP conference... Each Meeting is one edition of a series."""

    class Kind(models.TextChoices):
        SUMMIT = "summit", _("Hội nghị cấp cao")
        MINISTERIAL = "ministerial", _("Hội nghị Bộ trưởng")
        SENIOR_OFFICIALS = "senior_officials", _("Hội nghị quan chức cấp cao")
        WORKING_GROUP = "working_group", _("Hội nghị Nhóm công tác")
        HAZE = "haze", _("Hiệp định khói mù")
        HERITAGE = "heritage", _("Vườn di sản ASEAN")
        FORUM = "forum", _("Diễn đàn")
        WORKSHOP = "workshop", _("Hội thảo, tham vấn")
        STEERING = "steering", _("Ban chỉ đạo dự án")

    code = models.CharField(_("mã"), max_length=30, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    name = models.CharField(_("tên tiếng Việt"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255)
    working_group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name=_("nhóm công tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_series",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("chuỗi hội nghị")
        verbose_name_plural = _("chuỗi hội nghị")

    def __str__(self):
        return self.code


class Meeting(ArchivableModel):
    """One edition of a meeting series. Planned meetings may know only their year or month."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        CONFIRMED = "confirmed", _("Đã xác nhận")
        HELD = "held", _("Đã tổ chức")
        POSTPONED = "postponed", _("Hoãn")
        CANCELLED = "cancelled", _("Đã hủy")

    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("chuỗi hội nghị"),
        on_delete=models.PROTECT,
        related_name="meetings",
    )
    number = models.PositiveSmallIntegerField(_("lần thứ"), null=True, blank=True)
    title = models.CharField(_("tên hội nghị"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    month = models.PositiveSmallIntegerField(
        _("tháng (dự kiến)"), null=True, blank=True, help_text=_("Khi chưa có ngày cụ thể.")
    )
    end_month = models.PositiveSmallIntegerField(_("đến tháng"), null=True, blank=True)
    start_date = models.DateField(_("từ ngày"), null=True, blank=True)
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    city = models.CharField(_("thành phố, địa điểm"), max_length=255, blank=True)
    city_en = models.CharField(_("địa điểm (tiếng Anh)"), max_length=255, blank=True)
    country = models.CharField(_("quốc gia"), max_length=2, choices=Country, blank=True)
    is_hosted = models.BooleanField(_("Việt Nam chủ trì"), default=False)
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PLANNED
    )
    outcome = models.TextField(_("kết quả"), blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["year", "start_date", "month", "series__code", "number"]
        verbose_name = _("hội nghị")
        verbose_name_plural = _("hội nghị")
        indexes = [
            models.Index(fields=["year", "is_hosted"], name="meeting_year_hosted_idx"),
            models.Index(fields=["start_date"], name="meeting_start_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                condition=models.Q(number__isnull=False),
                name="uniq_meeting_series_number",
            ),
            models.UniqueConstraint(
                fields=["series", "year"],
                condition=models.Q(number__isnull=True),
                name="uniq_meeting_series_year_unnumbered",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="meeting_end_after_start",
            ),
        ]

    def __str__(self):
        return self.short_name

    @property
    def short_name(self):
        """The name ASEAN documents use: "AWGNCB 36", "ASOEN 37", "CAFBE 2025"."""
        suffix = self.number if self.number is not None else self.year
        return f"{self.series.code} {suffix}"


class MeetingDocument(ArchivableModel):
    """A document kept with a meeting: agenda, report, delegation list."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("tên tài liệu"), max_length=255)
    file = models.FileField(_("tệp"), upload_to="meetings/%Y/", max_length=500)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    archive_parent = "meeting"
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tài liệu hội nghị")
        verbose_name_plural = _("tài liệu hội nghị")

    def __str__(self):
        return self.title


class ChecklistItem(ArchivableModel):
    """One step in preparing a meeting Vietnam hosts: who does it, by when, whether it's done."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="checklist"
    )
    title = models.CharField(_("công việc"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phụ trách"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_items",
    )
    owner_name = models.CharField(_("đơn vị/người phụ trách"), max_length=255, blank=True)
    deadline = models.DateField(_("hạn"), null=True, blank=True)
    done = models.BooleanField(_("đã xong"), default=False)
    done_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    archive_parent = "meeting"
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "deadline", "id"]
        verbose_name = _("việc chuẩn bị")
        verbose_name_plural = _("danh mục chuẩn bị")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "title"], name="uniq_checklist_item_meeting_title"
            ),
        ]

    def __str__(self):
        return self.title


def new_feed_token():
    return secrets.token_urlsafe(32)


class CalendarFeedToken(TimeStampedModel):
    """The secret in a user's calendar-feed URL. Calendar apps fetch feeds without a session,
    so the token alone identifies the user; rotating it cuts off every old subscription."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
    )
    token = models.CharField(_("mã bí mật"), max_length=64, unique=True, default=new_feed_token)

    class Meta:
        ordering = ["user_id"]
        verbose_name = _("mã lịch iCalendar")
        verbose_name_plural = _("mã lịch iCalendar")

    def __str__(self):
        return str(self.user)

    def rotate(self):
        """Replace the token, so URLs handed out before stop working."""
        self.token = new_feed_token()
        self.save(update_fields=["token", "updated_at"])


class ChecklistTemplate(TimeStampedModel):
    """A standard list of preparation steps the secretariat applies to a hosted meeting, each
    with its offset from the meeting date, so the same items are not typed for every meeting."""

    name = models.CharField(_("tên mẫu"), max_length=255, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("mẫu danh mục chuẩn bị")
        verbose_name_plural = _("mẫu danh mục chuẩn bị")

    def __str__(self):
        return self.name


class ChecklistTemplateItem(TimeStampedModel):
    """One step of a template: "Gửi thư mời" 60 days before the meeting (offset −60)."""

    class Owner(models.TextChoices):
        NAMED = "named", _("Theo tên đơn vị/người ghi ở mẫu")
        GROUP_LEAD = "group_lead", _("Đầu mối chính của nhóm công tác")

    template = models.ForeignKey(
        ChecklistTemplate,
        verbose_name=_("mẫu"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    title = models.CharField(_("công việc"), max_length=500)
    title_en = models.CharField(_("tên tiếng Anh"), max_length=500, blank=True)
    offset_days = models.SmallIntegerField(
        _("số ngày so với ngày họp"),
        help_text=_("Âm là trước ngày họp: −60 nghĩa là 60 ngày trước ngày khai mạc."),
    )
    owner_kind = models.CharField(
        _("người phụ trách"), max_length=20, choices=Owner, default=Owner.NAMED
    )
    owner_name = models.CharField(_("đơn vị/người phụ trách"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["template", "order", "offset_days", "id"]
        verbose_name = _("việc trong mẫu")
        verbose_name_plural = _("việc trong mẫu")
        constraints = [
            models.UniqueConstraint(
                fields=["template", "title"], name="uniq_checklist_template_item_title"
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.offset_days:+d})"


class Delegate(ArchivableModel):
    """One member of Vietnam's delegation to a meeting, and who paid for their attendance:
    the 2025 report names lack of funding as the first difficulty, so it is recorded."""

    class Role(models.TextChoices):
        HEAD = "head", _("Trưởng đoàn")
        MEMBER = "member", _("Thành viên")

    class Funding(models.TextChoices):
        STATE_BUDGET = "state_budget", _("Ngân sách nhà nước")
        ASEAN_SECRETARIAT = "asean_secretariat", _("Ban Thư ký ASEAN")
        PARTNER_PROJECT = "partner_project", _("Dự án đối tác")
        SELF_FUNDED = "self_funded", _("Tự túc")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("hội nghị"), on_delete=models.CASCADE, related_name="delegates"
    )
    focal_person = models.ForeignKey(
        "working_groups.FocalPerson",
        verbose_name=_("cán bộ đầu mối"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
        help_text=_("Để trống nếu đại biểu không phải cán bộ đầu mối; khi đó ghi họ tên."),
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    unit = models.CharField(_("đơn vị"), max_length=255, blank=True)
    role = models.CharField(
        _("vai trò trong đoàn"), max_length=10, choices=Role, default=Role.MEMBER
    )
    funding = models.CharField(
        _("nguồn kinh phí"), max_length=20, choices=Funding, default=Funding.STATE_BUDGET
    )
    partner_project = models.ForeignKey(
        "cooperation.PartnerProject",
        verbose_name=_("dự án tài trợ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funded_delegates",
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    archive_parent = "meeting"
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "role", "full_name"]
        verbose_name = _("đại biểu")
        verbose_name_plural = _("đoàn Việt Nam")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "full_name"], name="uniq_delegate_meeting_name"
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.meeting})"

    def clean(self):
        # Only a partner project pays through a project: the field is dropped otherwise.
        if self.funding != self.Funding.PARTNER_PROJECT and self.partner_project_id:
            self.partner_project = None
