import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asoen_portal.settings")

app = Celery("asoen_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The import/export tasks live in a sub-package of the project, not in an installed app.
app.autodiscover_tasks(["asoen_portal.exchange"])
