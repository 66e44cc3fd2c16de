"""The files the secretariat keeps with activities and meetings: which types, how large."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def validate_attachment(upload: File) -> None:
    """Refuse files of a type or size the secretariat does not keep (message in Vietnamese)."""
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    allowed = settings.ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _(
                "Tệp “{name}” có định dạng không được chấp nhận. Chỉ nhận các định dạng: {allowed}."
            ).format(name=upload.name, allowed=", ".join(allowed)),
            code="attachment_type",
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “{name}” quá lớn ({size}); dung lượng tối đa là {limit}.").format(
                name=upload.name, size=filesizeformat(upload.size), limit=filesizeformat(limit)
            ),
            code="attachment_size",
        )
