"""What the secretariat's registers (cooperation, heritage_parks) have in common: only the
secretariat writes to them, a write is a validated save recorded in the history as its author,
and the create and edit pages are one form page."""

from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.db.models import Model
from django.shortcuts import redirect, render

from asoen_portal import access

M = TypeVar("M", bound=Model)


def save_register_record(*, record: M, by: User, **fields: Any) -> M:
    """Set `fields` on `record`, validate the whole row and save it, with `by` as the history
    user (also outside a request, e.g. from the shell)."""
    access.require(access.can_manage_registers(by))
    for name, value in fields.items():
        setattr(record, name, value)
    record.full_clean()
    record._history_user = by
    record.save()
    return record


def record_form_page(request, form, save, *, title, cancel_url, success_url):
    """Create or edit page of a register record: validate `form`, hand its data to the `save`
    service (as `save(by=request.user, **cleaned_data)`) and redirect to `success_url` (a URL,
    or a function of the saved record giving one); or show the form again with its errors, in
    `<app>/<model>_form.html`."""
    access.require(access.can_manage_registers(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(success_url(saved) if callable(success_url) else success_url)
    meta = form._meta.model._meta
    return render(
        request,
        f"{meta.app_label}/{meta.model_name}_form.html",
        {"form": form, "title": title, "cancel_url": cancel_url},
    )
