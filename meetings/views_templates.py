"""Checklist templates: the secretariat keeps them; editors of a hosted meeting apply one."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from asoen_portal import access
from meetings.checklists import apply_checklist_template, reference_date
from meetings.models import ChecklistTemplate, ChecklistTemplateItem


class ApplyTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=gettext_lazy("Mẫu danh mục"), queryset=ChecklistTemplate.objects.all()
    )


class TemplateForm(forms.ModelForm):
    class Meta:
        model = ChecklistTemplate
        fields = ["name", "name_en", "description"]


ItemFormSet = forms.inlineformset_factory(
    ChecklistTemplate,
    ChecklistTemplateItem,
    fields=["title", "title_en", "offset_days", "owner_kind", "owner_name", "order"],
    extra=3,
    can_delete=True,
)


@login_required
@require_POST
def checklist_apply(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    if not meeting.is_hosted:
        raise Http404
    form = ApplyTemplateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn một mẫu danh mục."))
        return redirect("meetings:detail", pk=meeting.pk)
    try:
        added, skipped = apply_checklist_template(
            meeting=meeting, template=form.cleaned_data["template"], by=request.user
        )
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        text = ngettext(
            "Đã thêm {count} việc chuẩn bị, hạn tính từ ngày {day}.",
            "Đã thêm {count} việc chuẩn bị, hạn tính từ ngày {day}.",
            len(added),
        ).format(count=len(added), day=reference_date(meeting).strftime("%d/%m/%Y"))
        if skipped:
            text += " " + ngettext(
                "{count} việc đã có sẵn được giữ nguyên.",
                "{count} việc đã có sẵn được giữ nguyên.",
                skipped,
            ).format(count=skipped)
        messages.success(request, text)
    return redirect("meetings:detail", pk=meeting.pk)


@login_required
def template_list(request):
    access.require(access.can_manage_registers(request.user))
    templates = ChecklistTemplate.objects.prefetch_related("items")
    return render(request, "meetings/checklisttemplate_list.html", {"templates": templates})


@login_required
def template_edit(request, pk=None):
    """Create or edit a template with its steps (one form, one transaction)."""
    access.require(access.can_manage_registers(request.user))
    template = get_object_or_404(ChecklistTemplate, pk=pk) if pk else ChecklistTemplate()
    form = TemplateForm(request.POST or None, instance=template)
    formset = ItemFormSet(request.POST or None, instance=template, prefix="items")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        with transaction.atomic():
            template = form.save()
            formset.instance = template
            formset.save()
        messages.success(request, _("Đã lưu mẫu “{name}”.").format(name=template))
        return redirect("meetings:templates")
    return render(
        request,
        "meetings/checklisttemplate_form.html",
        {"form": form, "formset": formset, "template": template if pk else None},
    )
