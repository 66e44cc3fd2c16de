"""The pages of archiving: confirm and archive, restore (the "Undo"), and the "Archived" list.

Every page takes the kind as `app_label.model_name` (asoen_portal.archiving.kind_of), so one
confirmation page and one list serve every archivable register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from asoen_portal import access, archiving

# Rows each kind shows on the "Archived" page (the newest archived first).
ARCHIVED_PAGE_LIMIT = 200


def _model(kind):
    model = archiving.model_of_kind(kind)
    if model is None:
        raise Http404
    return model


def _safe_next(request, default):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def announce_archived(request, record) -> None:
    """The message after archiving, with its "Undo" button (templates/_message.html reads the
    `undo <kind> <pk>` tags)."""
    messages.success(
        request,
        _("Đã lưu trữ «{record}». Bản ghi không còn trong danh sách và báo cáo.").format(
            record=record
        ),
        extra_tags=f"undo {archiving.kind_of(record)} {record.pk}",
    )


@login_required
def archive(request, kind, pk):
    """GET: ask for confirmation; POST: archive, and say so with an "Undo" button."""
    record = access.get_archivable_record_for_user(request.user, _model(kind), pk)
    back = _safe_next(request, reverse("archive:archived") + f"?kind={kind}")
    if request.method == "POST":
        archiving.archive_record(record=record, by=request.user)
        announce_archived(request, record)
        return redirect(back)
    return render(
        request,
        "asoen_portal/archive_confirm.html",
        {"record": record, "kind": kind, "verbose_name": record._meta.verbose_name, "back": back},
    )


@login_required
@require_POST
def restore(request, kind, pk):
    record = access.get_archivable_record_for_user(request.user, _model(kind), pk)
    archiving.restore_record(record=record, by=request.user)
    messages.success(request, _("Đã khôi phục «{record}».").format(record=record))
    default = getattr(record, "get_absolute_url", None)
    return redirect(_safe_next(request, default() if default else reverse("archive:archived")))


@login_required
def archived(request):
    """The archived records the user may restore: every kind on one page, or one kind
    (`?kind=`)."""
    access.require(access.can_view_archive(request.user))
    kinds = archiving.archivable_models()
    wanted = request.GET.get("kind")
    if wanted:
        kinds = [_model(wanted)]
    sections = []
    for model in kinds:
        rows = list(archiving.archived_records(request.user, model)[:ARCHIVED_PAGE_LIMIT])
        sections.append(
            {
                "kind": archiving.kind_of(model),
                "title": model._meta.verbose_name_plural,
                "rows": rows,
            }
        )
    return render(
        request,
        "asoen_portal/archived.html",
        {
            "sections": sections,
            "wanted": wanted,
            "choices": [
                (archiving.kind_of(m), m._meta.verbose_name_plural)
                for m in archiving.archivable_models()
            ],
            "limit": ARCHIVED_PAGE_LIMIT,
            "any_rows": any(section["rows"] for section in sections),
        },
    )
