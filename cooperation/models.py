"""Legal instruments, ASEAN documents Vietnam comments on, partners and partner projects."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import ArchivableModel


class LegalInstrument(ArchivableModel):
    """A Vietnamese legal document: a Government resolution, a ministerial decision..."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("Nghị quyết")
        DECISION = "decision", _("Quyết định")
        DECREE = "decree", _("Nghị định")
        CIRCULAR = "circular", _("Thông tư")
        OTHER = "other", _("Khác")

    number = models.CharField(_("số, ký hiệu"), max_length=50, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=Kind)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255)
    issuer_en = models.CharField(_("cơ quan ban hành (tiếng Anh)"), max_length=255, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    title = models.TextField(_("trích yếu"))
    title_en = models.TextField(_("trích yếu (tiếng Anh)"), blank=True)
    approves = models.TextField(_("nội dung phê duyệt"), blank=True)
    approves_en = models.TextField(_("nội dung phê duyệt (tiếng Anh)"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("văn bản pháp lý")
        verbose_name_plural = _("văn bản pháp lý")

    def __str__(self):
        return self.number


class Partner(ArchivableModel):
    """A dialogue partner, donor, fund or agency the secretariat works with."""

    class Kind(models.TextChoices):
        DIALOGUE_PARTNER = "dialogue_partner", _("Đối tác đối thoại")
        FUND = "fund", _("Quỹ tài trợ")
        BANK = "bank", _("Định chế tài chính")
        UN_AGENCY = "un_agency", _("Cơ quan Liên hợp quốc")
        GOVERNMENT_AGENCY = "government_agency", _("Cơ quan chính phủ")
        ASEAN_BODY = "asean_body", _("Cơ quan ASEAN")

    code = models.CharField(_("mã"), max_length=30, unique=True)
    name = models.CharField(_("tên tiếng Việt"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255)
    kind = models.CharField(_("loại"), max_length=30, choices=Kind)
    is_priority = models.BooleanField(
        _("ưu tiên tăng cường quan hệ"),
        default=False,
        help_text=_("Đối tác được nêu trong định hướng năm tới."),
    )
    priority_year = models.PositiveSmallIntegerField(_("năm ưu tiên"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("đối tác")
        verbose_name_plural = _("đối tác")

    def __str__(self):
        return self.code


class AseanDocument(ArchivableModel):
    """An ASEAN declaration, joint statement, plan or partner framework Vietnam contributes to."""

    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Tuyên bố")
        JOINT_STATEMENT = "joint_statement", _("Tuyên bố chung")
        PLAN = "plan", _("Kế hoạch hành động")
        FRAMEWORK = "framework", _("Khung chiến lược, chương trình hợp tác")
        INITIATIVE = "initiative", _("Sáng kiến")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến xây dựng")
        COMMENTED = "commented", _("Đã góp ý")
        ADOPTED = "adopted", _("Đã thông qua")

    code = models.CharField(_("mã"), max_length=50, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    title = models.TextField(_("tên văn kiện"))
    title_en = models.TextField(_("tên tiếng Anh"), blank=True)
    year = models.PositiveSmallIntegerField(_("năm"))
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("đối tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="documents",
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("hội nghị thông qua"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asean_documents",
    )
    working_group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name=_("nhóm công tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="asean_documents",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "code"]
        verbose_name = _("văn kiện ASEAN")
        verbose_name_plural = _("văn kiện ASEAN")

    def __str__(self):
        return self.title


class PartnerProject(ArchivableModel):
    """A regional project funded by a partner that Vietnam takes part in."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        ONGOING = "ongoing", _("Đang triển khai")
        COMPLETED = "completed", _("Đã kết thúc")

    code = models.CharField(_("mã"), max_length=50, unique=True)
    title = models.TextField(_("tên dự án"))
    title_en = models.TextField(_("tên tiếng Anh"), blank=True)
    donors = models.ManyToManyField(
        Partner, verbose_name=_("nhà tài trợ"), related_name="funded_projects"
    )
    channel = models.ForeignKey(
        Partner,
        verbose_name=_("kênh tài trợ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="channelled_projects",
    )
    start_year = models.PositiveSmallIntegerField(_("từ năm"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("đến năm"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status)
    working_group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name=_("nhóm công tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    programme = models.ForeignKey(
        "heritage_parks.Programme",
        verbose_name=_("chương trình"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="projects",
    )
    history = HistoricalRecords(m2m_fields=[donors])

    class Meta:
        ordering = ["code"]
        verbose_name = _("dự án đối tác")
        verbose_name_plural = _("dự án đối tác")

    def __str__(self):
        return self.code
