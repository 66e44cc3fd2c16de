""" "Recent changes": the audit history (django-simple-history) of every kind of record in
asoen_portal.kinds, newest first, filterable by working group, kind and date range.

One UNION query over the historical tables gives the page's (kind, history id, date), already
merge-sorted by date and paginated; the rows of the page are then read kind by kind: their
historical rows (with the user), the versions before them (to diff), which records still
exist (to link) and the names of the related records a diff shows. So a page costs a fixed
number of queries per kind on it, however many rows it holds.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.contrib.auth.decorators import login_required
from django.db.models import CharField, Model, QuerySet, Value
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from asoen_portal.forms import DateInput
from asoen_portal.kinds import KINDS, KINDS_BY_CODE, RecordKind
from asoen_portal.pagination import paginate

PER_PAGE = 50
# Bookkeeping columns every save touches: a diff listing them would say nothing.
UNSHOWN_FIELDS = {"id", "created_at", "updated_at", "search_text", "version"}
HISTORY_TYPES = {
    "+": pgettext_lazy("change", "tạo mới"),
    "~": pgettext_lazy("change", "sửa"),
    "-": pgettext_lazy("change", "xoá"),
}


class ChangesFilterForm(forms.Form):
    group = forms.ModelChoiceField(
        label=_("Nhóm công tác"),
        queryset=apps.get_model("working_groups", "WorkingGroup").objects.order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả nhóm"),
    )
    kind = forms.ChoiceField(label=_("Loại bản ghi"), required=False)
    date_from = forms.DateField(label=_("Từ ngày"), required=False, widget=DateInput)
    date_to = forms.DateField(label=_("Đến ngày"), required=False, widget=DateInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Tất cả loại"))] + [
            (kind.code, kind.label) for kind in KINDS
        ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", _("Ngày kết thúc phải sau ngày bắt đầu."))
        return cleaned


def _day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def history_model(kind: RecordKind) -> type[Model]:
    return kind.model.history.model


def _kind_history(kind: RecordKind, user, filters: dict) -> QuerySet:
    queryset = access.filter_followed(
        history_model(kind).objects.all(), user, group_field=kind.group_field
    )
    if filters.get("group"):
        if kind.group_field is None:
            queryset = queryset.none()
        else:
            queryset = queryset.filter(**{kind.group_field: filters["group"]})
    if filters.get("date_from"):
        queryset = queryset.filter(history_date__gte=_day_start(filters["date_from"]))
    if filters.get("date_to"):
        next_day = filters["date_to"] + datetime.timedelta(days=1)
        queryset = queryset.filter(history_date__lt=_day_start(next_day))
    return (
        queryset.annotate(change_kind=Value(kind.code, output_field=CharField()))
        .order_by()
        .values("change_kind", "history_id", "history_date")
    )


def changes_for_user(user, filters: dict) -> QuerySet:
    """(change_kind, history_id, history_date) of every change the user may see, newest
    first: the secretariat and leadership see every record's, a focal point their groups'."""
    kinds = [KINDS_BY_CODE[filters["kind"]]] if filters.get("kind") else list(KINDS)
    parts = [_kind_history(kind, user, filters) for kind in kinds]
    combined = parts[0].union(*parts[1:], all=True)
    return combined.order_by("-history_date", "-history_id", "change_kind")


@dataclass
class FieldChange:
    label: str
    old: object
    new: object


@dataclass
class Change:
    kind: RecordKind
    record: Model
    when: datetime.datetime
    who: object
    type_label: str
    type_code: str
    title: str
    url: str | None
    fields: list[FieldChange] = field(default_factory=list)


def _shown_fields(kind: RecordKind) -> list:
    return [f for f in kind.model._meta.concrete_fields if f.name not in UNSHOWN_FIELDS]


def _previous_versions(history, rows: list) -> dict:
    """For each historical row, the version of the same record just before it (None for the
    first), read in one query."""
    latest = max(row.history_date for row in rows)
    earlier = history.objects.filter(
        id__in={row.id for row in rows}, history_date__lte=latest
    ).order_by("id", "history_date", "history_id")
    by_record = defaultdict(list)
    for version in earlier:
        by_record[version.id].append(version)
    previous = {}
    for row in rows:
        before = [
            v
            for v in by_record[row.id]
            if (v.history_date, v.history_id) < (row.history_date, row.history_id)
        ]
        previous[row.history_id] = before[-1] if before else None
    return previous


def _display(model_field, value, related: dict):
    if value is None or value == "":
        return "—"
    if model_field.is_relation:
        return related.get((model_field.related_model, value), value)
    if model_field.choices:
        return dict(model_field.flatchoices).get(value, value)
    if isinstance(value, bool):
        return pgettext_lazy("yes or no", "có") if value else pgettext_lazy("yes or no", "không")
    return value


def _title(kind: RecordKind, row) -> str:
    if get_language() == "en":
        english = getattr(row, f"{kind.title_field}_en", "")
        if english:
            return english
    return getattr(row, kind.title_field)


def _changes_of_kind(kind: RecordKind, history_ids: list[int]) -> dict[int, Change]:
    history = history_model(kind)
    rows = list(history.objects.filter(history_id__in=history_ids).select_related("history_user"))
    previous = _previous_versions(history, rows)
    existing = set(
        kind.model._base_manager.filter(pk__in={row.id for row in rows}).values_list(
            "pk", flat=True
        )
    )
    shown = _shown_fields(kind)
    diffs = {}
    wanted = defaultdict(set)
    for row in rows:
        before = previous[row.history_id]
        changed = []
        if row.history_type == "~" and before is not None:
            for model_field in shown:
                old, new = getattr(before, model_field.attname), getattr(row, model_field.attname)
                if old != new:
                    changed.append((model_field, old, new))
                    if model_field.is_relation:
                        wanted[model_field.related_model] |= {v for v in (old, new) if v}
        diffs[row.history_id] = changed
    related = {
        (model, pk): str(obj)
        for model, pks in wanted.items()
        for pk, obj in model._base_manager.in_bulk(pks).items()
    }
    return {
        row.history_id: Change(
            kind=kind,
            record=row,
            when=row.history_date,
            who=row.history_user,
            type_label=HISTORY_TYPES.get(row.history_type, row.history_type),
            type_code=row.history_type,
            title=_title(kind, row),
            url=kind.url_for(row.id) if row.id in existing else None,
            fields=[
                FieldChange(
                    label=model_field.verbose_name,
                    old=_display(model_field, old, related),
                    new=_display(model_field, new, related),
                )
                for model_field, old, new in diffs[row.history_id]
            ],
        )
        for row in rows
    }


def changes_page_rows(keys: list[dict]) -> list[Change]:
    """The page's changes, in the page's order, read with a fixed number of queries per
    kind present on it."""
    by_kind = defaultdict(list)
    for key in keys:
        by_kind[key["change_kind"]].append(key["history_id"])
    read = {code: _changes_of_kind(KINDS_BY_CODE[code], ids) for code, ids in by_kind.items()}
    return [read[key["change_kind"]][key["history_id"]] for key in keys]


@login_required
def changes_page(request):
    form = ChangesFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if form.is_bound and not form.is_valid():
        page, changes = None, []
    else:
        page = paginate(request, changes_for_user(request.user, filters), per_page=PER_PAGE)
        changes = changes_page_rows(list(page))
    return render(
        request,
        "asoen_portal/changes.html",
        {"form": form, "page": page, "changes": changes, "is_filtered": bool(request.GET)},
    )
