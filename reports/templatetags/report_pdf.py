"""Layout filters of the PDF template."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

# Codes with a hyphen ("SEA-MaP", "TAF-GTEI", "276/NQ-CP") must not break at the hyphen: a
# reader (and pdftotext) would take "SEA-" + "MaP" on the next line for a hyphenated word.
CODE = re.compile(r"[\w/]*[A-Z][\w/]*(?:-[\w/]+)+")


@register.filter
def keep_codes_whole(text):
    escaped = escape(text)
    return mark_safe(CODE.sub(lambda m: f'<span class="nobr">{m.group(0)}</span>', escaped))
