from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AsoenPortalConfig(AppConfig):
    name = "asoen_portal"
    verbose_name = _("Cổng ASOEN Việt Nam")
