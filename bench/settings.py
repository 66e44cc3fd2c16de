"""Settings for benchmark servers: the portal's own, plus the floor pages' urlconf.

The floors live in the bench's urlconf (bench.urls), not behind a switch in the portal's: a
production server never has the routes, and no setting can turn them on by mistake. The bench
starts gunicorn with DJANGO_SETTINGS_MODULE=bench.settings, so the floors are served by the same
processes, middleware and session handling as every measured page.
"""

from asoen_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
