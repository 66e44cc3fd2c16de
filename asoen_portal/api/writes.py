"""Writes through the API: the page's form validates (same rules, same Vietnamese messages),
the page's service decides and records (same permission check, same history)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from asoen_portal import access
from working_groups import services
from working_groups.forms import ActivityForm
from working_groups.models import Activity, WorkingGroup


def form_data(data):
    """The JSON body as a form's data; anything but an object is refused."""
    if not isinstance(data, dict):
        raise ValidationError(
            {"non_field_errors": [_("Dữ liệu gửi lên phải là một đối tượng JSON.")]}
        )
    # A form reads null as "not given", as an empty input on the page.
    return {key: value for key, value in data.items() if value is not None}


def bind_form(form_class, data, **kwargs):
    """`form_class` bound to the JSON body. A field the body leaves out takes the value the
    page's form starts with (the model's default), as if the user had not touched it."""
    blank = form_class(**kwargs)
    defaults = {
        name: blank.get_initial_for_field(field, name) for name, field in blank.fields.items()
    }
    given = {name: value for name, value in defaults.items() if value not in (None, "", [])}
    return form_class(given | form_data(data), **kwargs)


def form_errors(form) -> dict[str, list[str]]:
    return {
        "non_field_errors" if field == "__all__" else field: [e["message"] for e in errors]
        for field, errors in form.errors.get_json_data().items()
    }


def log_activity_from_api(*, user, data) -> Activity:
    """POST /activities/: as the page's "new activity" form, except that the group is given
    by its code and any group may be named, so that naming another group's code gets 403
    from the service (the page simply does not offer it)."""
    if not access.can_create_group_records(user):
        raise PermissionDenied
    form = bind_form(ActivityForm, data, user=user)
    form.fields["working_group"] = forms.ModelChoiceField(
        queryset=WorkingGroup.objects.all(), to_field_name="code", required=False
    )
    if not form.is_valid():
        raise ValidationError(form_errors(form))
    fields = form.service_fields()  # without the form's `version`: a new record has none yet
    fields.pop("files", None)  # attachments are uploaded on the page, not through the API
    return services.log_activity(author=user, **fields)
