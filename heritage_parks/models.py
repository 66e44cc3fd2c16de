"""ASEAN programmes Vietnam takes part in: Heritage Parks, Eco-schools, Environmentally
Sustainable Cities (ESC) awards."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from asoen_portal.models import ArchivableModel, TimeStampedModel


class Programme(TimeStampedModel):
    """A standing ASEAN programme (AHP, Eco-schools, ESC) that activities and projects serve."""

    code = models.CharField(_("mã"), max_length=20, unique=True)
    name = models.CharField(_("tên tiếng Việt"), max_length=255)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255)
    description = models.TextField(_("mô tả"), blank=True)
    working_group = models.ForeignKey(
        "working_groups.WorkingGroup",
        verbose_name=_("nhóm công tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="programmes",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("chương trình")
        verbose_name_plural = _("chương trình")

    def __str__(self):
        return self.name


class HeritagePark(ArchivableModel):
    """A Vietnamese protected area in the ASEAN Heritage Parks network."""

    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Đang đề cử")
        RECOGNISED = "recognised", _("Đã được công nhận")

    name = models.CharField(_("tên"), max_length=255, unique=True)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)
    province = models.CharField(_("tỉnh/thành phố"), max_length=255, blank=True)
    year_recognised = models.PositiveSmallIntegerField(_("năm công nhận"), null=True, blank=True)
    status = models.CharField(_("trạng thái"), max_length=20, choices=Status)
    certificate_meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("trao chứng nhận tại"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="heritage_parks_certified",
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year_recognised", "name"]
        verbose_name = _("Vườn di sản ASEAN")
        verbose_name_plural = _("Vườn di sản ASEAN")

    def __str__(self):
        return self.name


class EcoSchoolAward(ArchivableModel):
    """A round of Vietnam's ASEAN Eco-school Award, and the school it went to when known."""

    year = models.PositiveSmallIntegerField(_("năm"))
    theme = models.CharField(_("chủ đề"), max_length=255)
    theme_en = models.CharField(_("chủ đề (tiếng Anh)"), max_length=255, blank=True)
    school = models.CharField(_("trường"), max_length=255, blank=True)
    province = models.CharField(_("tỉnh/thành phố"), max_length=255, blank=True)
    sponsor = models.CharField(_("nhà tài trợ"), max_length=255, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "school"]
        verbose_name = _("Giải thưởng Trường học sinh thái ASEAN")
        verbose_name_plural = _("Giải thưởng Trường học sinh thái ASEAN")
        constraints = [
            models.UniqueConstraint(
                fields=["year", "school"], name="uniq_eco_school_award_year_school"
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.theme}"


class EscAwardRound(TimeStampedModel):
    """One edition of the ASEAN ESC Award or of its Certificates of Recognition."""

    class Kind(models.TextChoices):
        AWARD = "award", _("Giải thưởng Thành phố bền vững về môi trường ASEAN")
        CERTIFICATE = "certificate", _("Chứng nhận công nhận")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind)
    edition = models.PositiveSmallIntegerField(_("lần thứ"))
    year = models.PositiveSmallIntegerField(_("năm"))
    regional_recipients = models.PositiveSmallIntegerField(
        _("số thành phố được trao (toàn ASEAN)"), null=True, blank=True
    )
    categories = models.TextField(_("hạng mục"), blank=True)
    categories_en = models.TextField(_("hạng mục (tiếng Anh)"), blank=True)
    presented_at = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("trao tại"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="esc_rounds",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "kind"]
        verbose_name = _("đợt Giải thưởng ESC")
        verbose_name_plural = _("đợt Giải thưởng ESC")
        constraints = [
            models.UniqueConstraint(fields=["kind", "edition"], name="uniq_esc_round_kind_edition")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.edition} ({self.year})"


class EscAward(ArchivableModel):
    """A Vietnamese city that received an ESC award or certificate."""

    class Category(models.TextChoices):
        NONE = "", _("(giải thưởng chung)")
        CLEAN_AIR = "clean_air", _("Không khí sạch")
        CLEAN_WATER = "clean_water", _("Nước sạch")
        CLEAN_LAND = "clean_land", _("Đất sạch")
        BIODIVERSITY = "biodiversity", _("Đa dạng sinh học và Không gian xanh")
        CIRCULAR_ECONOMY = "circular_economy", _("Kinh tế tuần hoàn")

    round = models.ForeignKey(
        EscAwardRound, verbose_name=_("đợt"), on_delete=models.CASCADE, related_name="awards"
    )
    city = models.CharField(_("thành phố"), max_length=255)
    city_en = models.CharField(_("thành phố (tiếng Anh)"), max_length=255, blank=True)
    province = models.CharField(_("tỉnh"), max_length=255, blank=True)
    category = models.CharField(
        _("hạng mục"), max_length=30, choices=Category, blank=True, default=""
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["round", "city"]
        verbose_name = _("thành phố được trao ESC")
        verbose_name_plural = _("thành phố được trao ESC")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "city", "category"], name="uniq_esc_award_round_city_category"
            )
        ]

    def __str__(self):
        return f"{self.city} — {self.round}"
