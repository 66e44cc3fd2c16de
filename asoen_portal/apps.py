from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

from asoen_portal.text import fold


def register_sqlite_fold(sender, connection, **kwargs):
    """SQLite has no unaccent: the search's asoen_fold is Python's fold on that connection
    (PostgreSQL gets it from a migration)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("asoen_fold", 1, fold, deterministic=True)


class AsoenPortalConfig(AppConfig):
    name = "asoen_portal"
    verbose_name = _("Cổng ASOEN Việt Nam")

    def ready(self):
        connection_created.connect(register_sqlite_fold, dispatch_uid="asoen_sqlite_fold")
