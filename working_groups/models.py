"""Working groups, their Vietnamese focal units and people, activities and the year's tasks."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import Country, Theme, TimeStampedModel
from asoen_portal.text import fold


class FocalUnit(TimeStampedModel):
    """A department of the ministry that is Vietnam's focal unit for one or more groups."""

    name = models.CharField(_("tên đơn vị"), max_length=255, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    abbreviation = models.CharField(_("viết tắt"), max_length=50, blank=True)
    ministry = models.CharField(
        _("bộ chủ quản"), max_length=255, default="Bộ Nông nghiệp và Môi trường"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("đơn vị đầu mối")
        verbose_name_plural = _("đơn vị đầu mối")

    def __str__(self):
        return self.name


class WorkingGroup(TimeStampedModel):
    """An ASEAN environment working group (or another ASEAN body with a Vietnamese focal point)."""

    class Kind(models.TextChoices):
        WORKING_GROUP = "working_group", _("Nhóm công tác ASEAN")
        FOCAL_POINT = "focal_point", _("Đầu mối công tác")

    code = models.CharField(_("mã"), max_length=20, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind, default=Kind.WORKING_GROUP)
    name = models.CharField(_("tên tiếng Việt"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255)
    focal_unit = models.ForeignKey(
        FocalUnit,
        verbose_name=_("đơn vị đầu mối"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="working_groups",
    )
    description = models.TextField(_("mô tả"), blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("nhóm công tác")
        verbose_name_plural = _("nhóm công tác")

    def __str__(self):
        return self.code


class FocalPerson(TimeStampedModel):
    """A person who works for Vietnam in a group; linked to an account to sign in to the portal."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Đầu mối chính")
        MEMBER = "member", _("Thành viên")
        ALTERNATE = "alternate", _("Đầu mối dự phòng")

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("nhóm công tác"),
        on_delete=models.CASCADE,
        related_name="focal_persons",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="focal_roles",
    )
    full_name = models.CharField(_("họ và tên"), max_length=255)
    role = models.CharField(_("vai trò"), max_length=20, choices=Role, default=Role.MEMBER)
    position = models.CharField(_("chức vụ"), max_length=255, blank=True)
    unit = models.ForeignKey(
        FocalUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    is_active = models.BooleanField(_("đang làm nhiệm vụ"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["working_group__order", "full_name"]
        verbose_name = _("cán bộ đầu mối")
        verbose_name_plural = _("cán bộ đầu mối")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "user"], name="uniq_focal_person_group_user"
            ),
            models.UniqueConstraint(
                fields=["working_group", "full_name"], name="uniq_focal_person_group_name"
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.working_group.code})"


class RegionalLeadTerm(TimeStampedModel):
    """A term in which Vietnam leads an ASEAN working group for the whole region."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        CURRENT = "current", _("Đang đảm nhiệm")
        COMPLETED = "completed", _("Đã hoàn thành")

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("nhóm công tác"),
        on_delete=models.CASCADE,
        related_name="lead_terms",
    )
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["start_year", "working_group__order"]
        verbose_name = _("nhiệm kỳ trưởng nhóm khu vực")
        verbose_name_plural = _("nhiệm kỳ trưởng nhóm khu vực")
        constraints = [
            models.UniqueConstraint(
                fields=["working_group", "start_year"], name="uniq_lead_term_group_start"
            ),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="lead_term_end_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.working_group.code} {self.start_year}–{self.end_year}"


class Activity(TimeStampedModel):
    """Something the secretariat or a working group did: the unit of the cooperation database."""

    class Kind(models.TextChoices):
        MEETING_ATTENDED = "meeting_attended", _("Tham dự hội nghị")
        MEETING_HOSTED = "meeting_hosted", _("Chủ trì tổ chức hội nghị")
        DOCUMENT_COMMENT = "document_comment", _("Góp ý văn kiện")
        INSTRUMENT = "instrument", _("Văn bản pháp lý")
        AWARD = "award", _("Giải thưởng, công nhận")
        PROGRAMME = "programme", _("Chương trình, nhiệm vụ")
        PROJECT = "project", _("Dự án hợp tác")
        COORDINATION = "coordination", _("Điều phối, tổ chức")
        OTHER = "other", _("Khác")

    working_group = models.ForeignKey(
        WorkingGroup,
        verbose_name=_("nhóm công tác"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        help_text=_("Để trống nếu là hoạt động chung của Văn phòng ASOEN."),
    )
    kind = models.CharField(_("loại hoạt động"), max_length=30, choices=Kind)
    theme = models.CharField(_("chủ đề báo cáo"), max_length=20, choices=Theme, blank=True)
    title = models.CharField(_("tiêu đề"), max_length=500)
    title_en = models.CharField(_("tiêu đề tiếng Anh"), max_length=500, blank=True)
    description = models.TextField(_("nội dung"), blank=True)
    description_en = models.TextField(_("nội dung (tiếng Anh)"), blank=True)
    outcome = models.TextField(_("kết quả"), blank=True)
    outcome_en = models.TextField(_("kết quả (tiếng Anh)"), blank=True)

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Ngày")
        MONTH = "month", _("Tháng")
        YEAR = "year", _("Năm")

    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"), null=True, blank=True)
    # Records from reports often know only the month or the year; start_date then holds its
    # first day and pages and reports show just what is known.
    date_precision = models.CharField(
        _("độ chính xác của ngày"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    city = models.CharField(_("địa điểm"), max_length=255, blank=True)
    country = models.CharField(_("quốc gia"), max_length=2, choices=Country, blank=True)
    participants = models.TextField(_("phối hợp với / thành phần"), blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("hội nghị"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    instruments = models.ManyToManyField(
        "cooperation.LegalInstrument",
        verbose_name=_("văn bản pháp lý"),
        blank=True,
        related_name="activities",
    )
    documents = models.ManyToManyField(
        "cooperation.AseanDocument",
        verbose_name=_("văn kiện ASEAN"),
        blank=True,
        related_name="activities",
    )
    projects = models.ManyToManyField(
        "cooperation.PartnerProject",
        verbose_name=_("dự án đối tác"),
        blank=True,
        related_name="activities",
    )
    programmes = models.ManyToManyField(
        "heritage_parks.Programme",
        verbose_name=_("chương trình"),
        blank=True,
        related_name="activities",
    )
    report_order = models.PositiveSmallIntegerField(
        _("thứ tự trong báo cáo"),
        default=100,
        help_text=_("Hoạt động có số nhỏ hơn đứng trước trong báo cáo năm."),
    )
    search_text = models.TextField(editable=False, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tạo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords(m2m_fields=[instruments, documents, projects, programmes])

    class Meta:
        ordering = ["-start_date", "-id"]
        verbose_name = _("hoạt động")
        verbose_name_plural = _("hoạt động")
        indexes = [
            models.Index(fields=["start_date"], name="activity_start_idx"),
            models.Index(fields=["working_group", "start_date"], name="activity_group_start_idx"),
            models.Index(fields=["kind", "start_date"], name="activity_kind_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="activity_end_after_start",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def year(self):
        return self.start_date.year

    def refresh_search_text(self):
        """Recompute the diacritic-free text that list search matches against."""
        group = self.working_group.code if self.working_group_id else ""
        self.search_text = fold(
            " ".join([self.title, self.title_en, self.description, self.outcome, self.city, group])
        )

    def save(self, *args, **kwargs):
        # Kept in save() because it is derived data, not a business rule: every path that
        # writes an activity (forms, admin, imports) must keep search working.
        self.refresh_search_text()
        super().save(*args, **kwargs)


def attachment_path(instance, filename):
    return f"activities/{instance.activity_id}/{filename}"


class Attachment(TimeStampedModel):
    """A file kept with an activity: minutes, a delegation list, a signed document."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("hoạt động"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("tệp"), upload_to=attachment_path, max_length=500)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveBigIntegerField(_("dung lượng (byte)"), default=0)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người tải lên"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self):
        return self.original_name


class Task(TimeStampedModel):
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
