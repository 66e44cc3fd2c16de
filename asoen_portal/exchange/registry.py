"""The registers that can be imported and exported, by the slug used in URLs and commands."""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Register:
    slug: str
    label: str
    resource: str
    #: The FilterSet of the register's list page, whose GET parameters an export applies.
    filterset: str | None = None

    def resource_class(self):
        return import_string(self.resource)

    def filterset_class(self):
        """The list page's FilterSet, or None for a register whose page has no filters. A
        wrong path raises: an export silently holding every row instead of the filtered ones
        would be worse than an error."""
        if not self.filterset:
            return None
        try:
            return import_string(self.filterset)
        except ImportError as error:
            raise ImproperlyConfigured(
                f"Register {self.slug!r}: cannot import its FilterSet {self.filterset!r}: {error}"
            ) from error


REGISTERS = {
    register.slug: register
    for register in [
        Register(
            "activities",
            _("Hoạt động"),
            "working_groups.resources.ActivityResource",
            "working_groups.filters.ActivityFilter",
        ),
        Register(
            "tasks",
            _("Nhiệm vụ"),
            "working_groups.resources.TaskResource",
            "working_groups.filters.TaskFilter",
        ),
        Register(
            "meetings",
            _("Hội nghị"),
            "meetings.resources.MeetingResource",
            "meetings.filters.MeetingFilter",
        ),
        Register(
            "focal-persons", _("Cán bộ đầu mối"), "working_groups.resources.FocalPersonResource"
        ),
        Register(
            "heritage-parks",
            _("Vườn di sản ASEAN"),
            "heritage_parks.resources.HeritageParkResource",
        ),
        Register(
            "eco-school-awards",
            _("Giải thưởng Trường học sinh thái ASEAN"),
            "heritage_parks.resources.EcoSchoolAwardResource",
        ),
        Register(
            "esc-awards",
            _("Thành phố được trao giải ESC"),
            "heritage_parks.resources.EscAwardResource",
        ),
        Register(
            "instruments",
            _("Văn bản pháp lý"),
            "cooperation.resources.LegalInstrumentResource",
        ),
        Register(
            "partner-projects",
            _("Dự án đối tác"),
            "cooperation.resources.PartnerProjectResource",
        ),
        Register(
            "delegates", _("Đoàn Việt Nam dự hội nghị"), "meetings.resources.DelegateResource"
        ),
    ]
}

REGISTER_CHOICES = [(slug, register.label) for slug, register in REGISTERS.items()]


def get_register(slug):
    try:
        return REGISTERS[slug]
    except KeyError:
        raise Http404 from None
