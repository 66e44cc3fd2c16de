"""Working groups, the ministry's focal units and the people who represent Vietnam in them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import TimeStampedModel


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
