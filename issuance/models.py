"""Issuing official documents (Decree 30/2020/NĐ-CP): the register of outgoing document
numbers (Art. 15) and the digital signatures put on a report's final PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from asoen_portal.jobs import BackgroundJob
from asoen_portal.models import TimeStampedModel

# The symbol after the kind in "Số: 05/BC-ASOEN": the issuing unit's abbreviation.
ISSUER_CODE = "ASOEN"


class DocumentKind(models.TextChoices):
    """Kinds of administrative documents (Decree 30, Appendix III abbreviations); numbering
    restarts for each kind every year."""

    REPORT = "BC", pgettext_lazy("document kind", "Báo cáo")
    OFFICIAL_LETTER = "CV", pgettext_lazy("document kind", "Công văn")
    PLAN = "KH", pgettext_lazy("document kind", "Kế hoạch")
    NOTICE = "TB", pgettext_lazy("document kind", "Thông báo")


class IssuedNumber(TimeStampedModel):
    """One line of the register of outgoing documents: the number a document took when it was
    issued. Numbers run from 1 for each kind in each calendar year (Vietnam time)."""

    year = models.PositiveSmallIntegerField(_("năm"))
    kind = models.CharField(_("loại văn bản"), max_length=5, choices=DocumentKind)
    sequence = models.PositiveIntegerField(_("số thứ tự"))
    issued_on = models.DateField(_("ngày ban hành"))
    summary = models.CharField(_("trích yếu nội dung"), max_length=500)
    signer_name = models.CharField(_("người ký"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    # The annual report this number was given to; other kinds of documents have none yet.
    report = models.OneToOneField(
        "reports.AnnualReport",
        verbose_name=_("báo cáo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="issued_number",
    )
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người phê duyệt"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "kind", "-sequence"]
        verbose_name = _("số văn bản đi")
        verbose_name_plural = _("sổ đăng ký văn bản đi")
        constraints = [
            # The rule itself: two concurrent approvals can never take the same number.
            models.UniqueConstraint(
                fields=["year", "kind", "sequence"], name="uniq_issued_number_year_kind"
            ),
            models.CheckConstraint(
                condition=models.Q(sequence__gte=1), name="issued_number_sequence_positive"
            ),
        ]

    def __str__(self):
        return f"{self.symbol} ({self.issued_on:%d/%m/%Y})"

    @property
    def symbol(self):
        """'05/BC-ASOEN': two digits at least, as Decree 30 writes numbers under 10."""
        return f"{self.sequence:02d}/{self.kind}-{ISSUER_CODE}"


def signed_path(instance, filename):
    """Beside the unsigned PDF (reports/<year>/), under a name of its own."""
    return f"reports/{instance.render.report.year}/{filename}"


class ReportSignature(TimeStampedModel, BackgroundJob):
    """A request to sign a rendered report's PDF; its state is the signing job's state. The
    signed file is a new file beside the unsigned one, which is never touched."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang ký")
        DONE = "done", _("Đã ký")
        FAILED = "failed", _("Lỗi")

    render = models.ForeignKey(
        "reports.ReportRender",
        verbose_name=_("bản PDF được ký"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PENDING
    )
    file = models.FileField(_("tệp đã ký"), upload_to=signed_path, blank=True, max_length=500)
    attempts = models.PositiveSmallIntegerField(_("số lần chạy"), default=0)
    signer_subject = models.CharField(_("chủ thể chứng thư số"), max_length=500, blank=True)
    certificate_serial = models.CharField(_("số hiệu chứng thư số"), max_length=100, blank=True)
    signed_at = models.DateTimeField(_("ký lúc"), null=True, blank=True)
    validation = models.TextField(_("kết quả kiểm tra chữ ký"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người yêu cầu"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt ký số")
        verbose_name_plural = _("lượt ký số")
        constraints = [
            # One signing job at a time per PDF: a double click cannot start two.
            models.UniqueConstraint(
                fields=["render"],
                condition=models.Q(status__in=["pending", "running"]),
                name="uniq_active_signature_per_render",
            )
        ]

    def __str__(self):
        return f"{self.render} {self.get_status_display()}"
