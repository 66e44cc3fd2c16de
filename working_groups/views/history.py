from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from asoen_portal import access

from ..models import Activity

# How many versions the history page shows, newest first.
HISTORY_LIMIT = 50


def _display(field, value, related_names):
    """A stored value as a person reads it: choice labels, related names, dates as dd/mm/yyyy."""
    if value in (None, ""):
        return "—"
    if field.many_to_many:
        target = field.related_model._meta.model_name
        names = [related_names.get((target, row.get(target)), "?") for row in value]
        return ", ".join(sorted(names)) or "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        return related_names.get((field.related_model._meta.model_name, value), value)
    return value


def _related_names(records):
    """Names of every related row the changes mention, fetched once per model."""
    wanted = {}
    for field in Activity._meta.get_fields():
        if (field.many_to_one or field.many_to_many) and field.concrete:
            wanted[field.related_model._meta.model_name] = (field.related_model, set())
    for _record, delta in records:
        for change in delta.changes if delta else []:
            field = Activity._meta.get_field(change.field)
            if not field.is_relation:
                continue
            key = field.related_model._meta.model_name
            values = [change.old, change.new]
            if field.many_to_many:
                ids = [row.get(key) for value in values for row in (value or [])]
            else:
                ids = [value for value in values if value is not None]
            wanted[key][1].update(ids)
    names = {}
    for key, (model, ids) in wanted.items():
        if ids:
            for pk, obj in model._default_manager.in_bulk(ids).items():
                names[(key, pk)] = str(obj)
    return names


def activity_changes(activity):
    """Each saved version with who saved it, when, and which fields changed from what to what."""
    records = list(
        activity.history.select_related("history_user").order_by("-history_date", "-history_id")[
            : HISTORY_LIMIT + 1
        ]
    )
    pairs = []
    for index, record in enumerate(records[:HISTORY_LIMIT]):
        previous = records[index + 1] if index + 1 < len(records) else None
        delta = (
            record.diff_against(previous, excluded_fields=["search_text", "updated_at"])
            if previous
            else None
        )
        pairs.append((record, delta))
    names = _related_names(pairs)
    result = []
    for record, delta in pairs:
        changes = []
        for change in delta.changes if delta else []:
            field = Activity._meta.get_field(change.field)
            changes.append(
                {
                    "label": field.verbose_name,
                    "old": _display(field, change.old, names),
                    "new": _display(field, change.new, names),
                }
            )
        result.append({"record": record, "changes": changes})
    return result


@login_required
def activity_history(request, pk):
    activity = access.get_activity_for_user(request.user, pk)
    return render(
        request,
        "working_groups/activity_history.html",
        {"activity": activity, "changes": activity_changes(activity)},
    )
