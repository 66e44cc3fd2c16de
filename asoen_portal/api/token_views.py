"""The page where each user creates and revokes their personal API tokens."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from asoen_portal.models import ApiToken

from .tokens import create_api_token, revoke_api_token, tokens_of


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Tên gợi nhớ"),
        max_length=ApiToken._meta.get_field("name").max_length,
        help_text=gettext_lazy("Hệ thống hoặc công việc dùng mã này, ví dụ: văn phòng điện tử."),
    )


@login_required
def token_list(request):
    """GET lists the user's tokens; POST creates one and shows its key, this once only (the
    page is rendered, not redirected to, because the key is never stored)."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        _token, new_key = create_api_token(user=request.user, name=form.cleaned_data["name"])
        form = ApiTokenForm()
    return render(
        request,
        "api/token_list.html",
        {"form": form, "tokens": tokens_of(request.user), "new_key": new_key},
    )


@login_required
@require_POST
def token_revoke(request, pk):
    # Another user's token is "not found", not "forbidden": its existence is not theirs to know.
    token = get_object_or_404(tokens_of(request.user), pk=pk)
    revoke_api_token(token=token, by=request.user)
    messages.success(request, _("Đã thu hồi mã “{name}”.").format(name=token.name))
    return redirect("api:tokens")
