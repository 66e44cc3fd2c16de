"""Pieces every app's models share."""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from asoen_portal.jobs import HeartbeatJob


@lru_cache(maxsize=512)
def _choice_labels(field, language):
    """{value: translated label} of one field's choices in one language."""
    return {make_hashable(value): str(label) for value, label in field.flatchoices}


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # Django's version re-hashes every lazy choice label on each call, which translates
        # them all; a list page showing 25 rows × 3 choice fields spent a third of its time
        # there. Same result, built once per field and language.
        value = getattr(self, field.attname)
        return _choice_labels(field, get_language()).get(make_hashable(value), value)


class ArchivableQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


class ActiveManager(models.Manager.from_queryset(ArchivableQuerySet)):
    """The default manager of an archivable record: archived rows are left out, and so are
    the rows of an archived parent (`archive_parent`: a meeting's documents, checklist and
    delegates, an activity's attachments go with it, and come back with it)."""

    def get_queryset(self):
        queryset = super().get_queryset().active()
        parent = self.model.archive_parent
        if parent:
            queryset = queryset.filter(**{f"{parent}__archived_at__isnull": True})
        return queryset


class ArchivableModel(TimeStampedModel):
    """Abstract base of the records a person may archive (the portal's "delete") and restore.

    The default manager, `objects`, leaves archived rows out, so every list, export, API
    endpoint, feed, reminder, count and report fact built on it (and every reverse relation
    and prefetch, which Django builds from the default manager) forgets them without a filter
    of its own; a new query cannot forget the filter. `objects_with_archived` holds every row:
    the "Archived" page, restoring, the admin and backups use it. Forward foreign keys
    (`task.activity`) use the base manager and still reach an archived parent."""

    archived_at = models.DateTimeField(_("lưu trữ lúc"), null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lưu trữ"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    # The foreign key to the archivable record this one belongs to, if any (see ActiveManager).
    archive_parent: str | None = None

    objects = ActiveManager()
    objects_with_archived = models.Manager.from_queryset(ArchivableQuerySet)()

    class Meta:
        abstract = True

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    def validate_unique(self, exclude=None):
        """Django checks uniqueness through the default manager, which does not see archived
        rows, but the database's constraint does: a record repeating an archived one's unique
        values is refused here, saying where it is, instead of failing on save."""
        super().validate_unique(exclude)
        twin = self._archived_twin()
        if twin is not None:
            raise ValidationError(
                {
                    NON_FIELD_ERRORS: _(
                        "Đã có bản ghi «{record}» trùng thông tin này nhưng đang được lưu trữ; "
                        "hãy khôi phục bản ghi đó ở trang Lưu trữ thay vì tạo mới."
                    ).format(record=twin)
                }
            )

    def _archived_twin(self):
        """The archived row holding one of this record's unique combinations, if any (one
        query, and none for models without unique fields)."""
        opts = self._meta
        unique_sets = [c.fields for c in opts.total_unique_constraints]
        unique_sets += [(f.name,) for f in opts.fields if f.unique and not f.primary_key]
        unique_sets += list(opts.unique_together)
        match = models.Q()
        for names in unique_sets:
            lookup = {}
            for name in names:
                field = opts.get_field(name)
                lookup[field.attname] = getattr(self, field.attname)
            if all(value not in (None, "") for value in lookup.values()):
                match |= models.Q(**lookup)
        if not match:
            return None
        twins = type(self).objects_with_archived.archived().filter(match)
        if self.pk is not None:
            twins = twins.exclude(pk=self.pk)
        return twins.first()


class Country(models.TextChoices):
    """Countries the secretariat meets in: the ASEAN members and the partners it travels to."""

    BRUNEI = "BN", _("Brunei")
    CAMBODIA = "KH", _("Campuchia")
    INDONESIA = "ID", _("Indonesia")
    LAOS = "LA", _("Lào")
    MALAYSIA = "MY", _("Malaysia")
    MYANMAR = "MM", _("Myanmar")
    PHILIPPINES = "PH", _("Philippines")
    SINGAPORE = "SG", _("Singapore")
    THAILAND = "TH", _("Thái Lan")
    TIMOR_LESTE = "TL", _("Timor-Leste")
    VIETNAM = "VN", _("Việt Nam")
    CHINA = "CN", _("Trung Quốc")
    JAPAN = "JP", _("Nhật Bản")
    KOREA = "KR", _("Hàn Quốc")
    OTHER = "XX", _("Khác")


class Theme(models.TextChoices):
    """The three result themes of the annual report's section II (and III.2)."""

    VOICE = "voice", _("Vai trò và tiếng nói của Việt Nam trong ASEAN")
    ORGANISATION = "organisation", _("Kiện toàn tổ chức, kết nối và phối hợp")
    PARTNERS = "partners", _("Hợp tác giữa ASEAN và các đối tác")


def import_upload_path(instance, filename):
    return f"imports/{filename}"


class ImportJob(TimeStampedModel, HeartbeatJob):
    """One spreadsheet import: the uploaded file kept between preview and confirmation, and the
    state of the (possibly background) run. Nothing is written to the registers until the
    confirmed run, which is all-or-nothing."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Đang chờ")
        RUNNING = "running", _("Đang xử lý")
        PREVIEWED = "previewed", _("Đã kiểm tra, chờ xác nhận")
        DONE = "done", _("Đã nhập")
        FAILED = "failed", _("Không nhập được")

    register = models.CharField(_("danh mục"), max_length=40)
    file = models.FileField(_("tệp"), upload_to=import_upload_path, max_length=500)
    original_name = models.CharField(_("tên tệp"), max_length=255)
    language = models.CharField(_("ngôn ngữ"), max_length=5, default="vi")
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status, default=Status.PENDING
    )
    confirmed = models.BooleanField(
        _("đã xác nhận"), default=False, help_text=_("Lượt chạy tiếp theo ghi dữ liệu thật.")
    )
    total_rows = models.PositiveIntegerField(_("số dòng"), default=0)
    processed_rows = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    progress = models.PositiveSmallIntegerField(_("tiến độ (%)"), default=0)
    new_count = models.PositiveIntegerField(_("dòng mới"), default=0)
    update_count = models.PositiveIntegerField(_("dòng cập nhật"), default=0)
    unchanged_count = models.PositiveIntegerField(_("dòng không đổi"), default=0)
    error_count = models.PositiveIntegerField(_("dòng lỗi"), default=0)
    row_errors = models.JSONField(_("lỗi theo dòng"), default=list, blank=True)
    row_results = models.JSONField(_("kết quả theo dòng"), default=list, blank=True)
    ignored_columns = models.JSONField(_("cột bị bỏ qua"), default=list, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người nhập"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # When the job last became pending (uploaded, confirmed after its preview, retried): a
    # never-enqueued job's wait counts from here, not from the upload (see lost_pending).
    queued_at = models.DateTimeField(_("chờ chạy từ lúc"), null=True, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    retryable = models.BooleanField(
        _("có thể chạy lại"),
        default=False,
        help_text=_("Lượt chạy hỏng vì lý do ngoài tệp (tiến trình bị dừng, lỗi hệ thống)."),
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("lượt nhập dữ liệu")
        verbose_name_plural = _("lượt nhập dữ liệu")
        indexes = [models.Index(fields=["status", "created_at"], name="import_job_status_idx")]

    def __str__(self):
        return f"{self.register}: {self.original_name} ({self.get_status_display()})"

    WAITING_SINCE = "queued_at"

    @classmethod
    def lost_pending(cls, now):
        # A pending row without queued_at (made before the field existed) has waited enough.
        never_queued = cls._default_manager.filter(
            status=cls.PENDING, enqueued_at__isnull=True, queued_at__isnull=True
        )
        return super().lost_pending(now) | never_queued

    @property
    def is_busy(self):
        return self.status in (self.Status.PENDING, self.Status.RUNNING)

    @property
    def can_retry(self):
        return self.status == self.Status.FAILED and self.retryable

    @property
    def can_confirm(self):
        return self.status == self.Status.PREVIEWED and self.error_count == 0 and not self.error


# Shown in the API token list so a user can tell their tokens apart without the secret.
API_TOKEN_PREFIX_LENGTH = 8


class ApiToken(TimeStampedModel):
    """A personal token another system uses to call the API as its owner.

    Only the SHA-256 digest of the key is stored; the key itself is shown once, when the
    token is created. Revoked tokens are kept (with when they were revoked) as a record of
    who had access."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("tên gợi nhớ"), max_length=100, help_text=_("Ví dụ: hệ thống văn phòng điện tử")
    )
    prefix = models.CharField(_("ký tự đầu"), max_length=API_TOKEN_PREFIX_LENGTH)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_idx")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
