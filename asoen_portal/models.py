"""Pieces every app's models share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Abstract base: when a row was created and last changed."""

    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


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
