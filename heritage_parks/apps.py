from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritageParksConfig(AppConfig):
    name = "heritage_parks"
    verbose_name = _("Chương trình ASEAN")
