"""The bell in the header and the list of one's notices."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from . import services
from .models import Notice

PAGE_SIZE = 30


@login_required
def bell(request):
    """The unread count, fetched by HTMX after the page loads so no page pays its query."""
    return render(
        request,
        "notifications/_bell.html",
        {"unread": services.unread_count(request.user)},
    )


@login_required
def notice_list(request):
    notices = Notice.objects.filter(recipient=request.user)
    page = Paginator(notices, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/notice_list.html",
        {"page": page, "unread": services.unread_count(request.user)},
    )


@login_required
@require_POST
def mark_read(request):
    """Mark one notice (`id`) or all of the user's notices read, then go to `next`."""
    notice_id = request.POST.get("id")
    ids = [int(notice_id)] if notice_id and notice_id.isdigit() else None
    services.mark_read(user=request.user, notice_ids=ids)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("notifications:list")
    return redirect(target)
