from django import forms
from django.utils.translation import gettext_lazy as _

from asoen_portal.exchange.reading import EXTENSIONS, MAX_BYTES
from asoen_portal.exchange.registry import REGISTER_CHOICES


class ImportUploadForm(forms.Form):
    register = forms.ChoiceField(label=_("Danh mục"), choices=REGISTER_CHOICES)
    file = forms.FileField(
        label=_("Tệp Excel (.xlsx) hoặc CSV"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("Tệp lớn hơn giới hạn {limit} MB; hãy chia thành nhiều tệp nhỏ hơn.").format(
                    limit=MAX_BYTES // (1024 * 1024)
                )
            )
        if not upload.name.lower().endswith(EXTENSIONS):
            raise forms.ValidationError(_("Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv)."))
        return upload
