"""The kinds of record the portal-wide pages read: the header search and "Recent changes".

Each kind names its model by label, the text fields searched, the field shown as its title,
the path to the working group that owns it (None: a register of the secretariat's), and the
page a hit links to. One table, so both pages list the same kinds under the same names.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from asoen_portal import access


@dataclass(frozen=True)
class RecordKind:
    code: str
    label: Promise
    model_label: str
    title_field: str
    search_fields: tuple[str, ...]
    group_field: str | None
    detail_url: str
    # A page without one id per record (the awards live on their programme's list): the link
    # goes to that list.
    url_takes_pk: bool = True
    # A column that already holds the folded text of search_fields (kept by the model's save()
    # and by imports), trigram-indexed: used instead of folding the fields at query time.
    folded_field: str | None = None

    @property
    def model(self) -> type[Model]:
        return apps.get_model(self.model_label)

    def url_for(self, pk: int) -> str:
        return reverse(self.detail_url, args=[pk] if self.url_takes_pk else [])

    def has_english_title(self) -> bool:
        names = {field.name for field in self.model._meta.get_fields()}
        return f"{self.title_field}_en" in names


KINDS: tuple[RecordKind, ...] = (
    RecordKind(
        code="activity",
        label=pgettext_lazy("kind of record", "Hoạt động"),
        model_label="working_groups.Activity",
        title_field="title",
        search_fields=("title", "title_en", "description", "outcome", "city"),
        group_field=access.GROUP_OF_ACTIVITY,
        detail_url="working_groups:activity_detail",
        folded_field="search_text",
    ),
    RecordKind(
        code="task",
        label=pgettext_lazy("kind of record", "Nhiệm vụ"),
        model_label="working_groups.Task",
        title_field="title",
        search_fields=("title", "title_en", "description", "description_en"),
        group_field=access.GROUP_OF_ACTIVITY,
        detail_url="working_groups:task_detail",
    ),
    RecordKind(
        code="meeting",
        label=pgettext_lazy("kind of record", "Hội nghị"),
        model_label="meetings.Meeting",
        title_field="title",
        search_fields=("title", "title_en", "city", "city_en"),
        group_field=access.GROUP_OF_MEETING,
        detail_url="meetings:detail",
    ),
    RecordKind(
        code="instrument",
        label=pgettext_lazy("kind of record", "Văn bản pháp lý"),
        model_label="cooperation.LegalInstrument",
        title_field="title",
        search_fields=("number", "title", "title_en", "issuer", "approves"),
        group_field=None,
        detail_url="cooperation:instrument_detail",
    ),
    RecordKind(
        code="document",
        label=pgettext_lazy("kind of record", "Văn kiện ASEAN"),
        model_label="cooperation.AseanDocument",
        title_field="title",
        search_fields=("code", "title", "title_en"),
        group_field=access.GROUP_OF_ACTIVITY,
        detail_url="cooperation:document_detail",
    ),
    RecordKind(
        code="partner",
        label=pgettext_lazy("kind of record", "Đối tác"),
        model_label="cooperation.Partner",
        title_field="name",
        search_fields=("code", "name", "name_en"),
        group_field=None,
        detail_url="cooperation:partner_detail",
    ),
    RecordKind(
        code="project",
        label=pgettext_lazy("kind of record", "Dự án đối tác"),
        model_label="cooperation.PartnerProject",
        title_field="title",
        search_fields=("code", "title", "title_en"),
        group_field=access.GROUP_OF_ACTIVITY,
        detail_url="cooperation:project_detail",
    ),
    RecordKind(
        code="park",
        label=pgettext_lazy("kind of record", "Vườn di sản ASEAN"),
        model_label="heritage_parks.HeritagePark",
        title_field="name",
        search_fields=("name", "name_en", "province", "notes"),
        group_field=None,
        detail_url="heritage_parks:detail",
    ),
    RecordKind(
        code="eco_school",
        label=pgettext_lazy("kind of record", "Giải thưởng Trường học sinh thái"),
        model_label="heritage_parks.EcoSchoolAward",
        title_field="school",
        search_fields=("school", "theme", "theme_en", "province", "sponsor"),
        group_field=None,
        detail_url="heritage_parks:eco_schools",
        url_takes_pk=False,
    ),
    RecordKind(
        code="esc",
        label=pgettext_lazy("kind of record", "Giải thưởng ESC"),
        model_label="heritage_parks.EscAward",
        title_field="city",
        search_fields=("city", "city_en", "province"),
        group_field=None,
        detail_url="heritage_parks:esc",
        url_takes_pk=False,
    ),
)
KINDS_BY_CODE = {kind.code: kind for kind in KINDS}


def base_queryset(kind: RecordKind) -> QuerySet:
    """Every live record of `kind`: the one place a rule such as "archived records leave the
    portal's lists" is added for both the search and the changes page."""
    return kind.model._default_manager.all()
