from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from asoen_portal.models import Theme
from reports.models import AnnualReport, ReportRender


class RenderRequestForm(forms.Form):
    language = forms.ChoiceField(label=_("Ngôn ngữ"), choices=settings.LANGUAGES, initial="vi")
    # Optional so that a request without it (an old page still open) renders the PDF, as before.
    format = forms.ChoiceField(
        label=_("Định dạng"),
        choices=ReportRender.Format.choices,
        initial=ReportRender.Format.PDF,
        required=False,
    )

    def clean_format(self):
        return self.cleaned_data["format"] or ReportRender.Format.PDF


class NarrativeForm(forms.Form):
    text = forms.CharField(
        label=_("Nội dung"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Các đoạn cách nhau một dòng trống; dòng bắt đầu bằng “- ” là gạch đầu dòng; "
            "**chữ đậm**; tiêu đề con như “1. Về tổ chức...” đứng thành một đoạn riêng."
        ),
    )


class NewReportForm(forms.Form):
    year = forms.IntegerField(label=_("Năm báo cáo"), min_value=2000, max_value=2100)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if AnnualReport.objects.filter(year=year).exists():
            raise forms.ValidationError(_("Báo cáo năm này đã có."))
        return year


class ReportTopicForm(forms.Form):
    theme = forms.ChoiceField(label=_("Chủ đề báo cáo"), choices=Theme.choices)
