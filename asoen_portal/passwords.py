"""Password rules with messages written in Vietnamese (Django's Vietnamese catalogue lacks
the minimum-length message, which then showed in English on Vietnamese pages)."""

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils.translation import ngettext


class MinimumLength(MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
            "Mật khẩu quá ngắn: cần ít nhất {min_length} ký tự.",
            self.min_length,
        ).format(min_length=self.min_length)

    def validate(self, password, user=None):
        if len(password) < self.min_length:
            raise ValidationError(self.get_error_message(), code="password_too_short")

    def get_help_text(self):
        return ngettext(
            "Mật khẩu cần ít nhất {min_length} ký tự.",
            "Mật khẩu cần ít nhất {min_length} ký tự.",
            self.min_length,
        ).format(min_length=self.min_length)
