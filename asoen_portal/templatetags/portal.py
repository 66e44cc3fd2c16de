"""Template helpers of the layout (loaded by base.html) and of every app's list pages: the
user's role, navigation state, query strings, names in the page's language."""

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from asoen_portal import access

register = template.Library()


@register.simple_tag
def role_label(user):
    """The user's role as the layout shows it next to their name."""
    if access.is_secretariat(user):
        return _("Văn phòng ASOEN")
    if access.is_leadership(user):
        return _("Lãnh đạo")
    if access.is_focal_point(user):
        return _("Đầu mối nhóm công tác")
    return _("Người xem")


@register.filter
def can_view_register(user):
    return access.can_view_register(user)


@register.filter
def can_manage_registers(user):
    return access.can_manage_registers(user)


@register.simple_tag(takes_context=True)
def nav_class(context, prefix):
    """'is-active' when the current page lives under `prefix` ("/" only matches itself)."""
    path = context["request"].path
    active = path == "/" if prefix == "/" else path.startswith(prefix)
    return "is-active" if active else ""


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (pagination keeps the filters)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def minutes(delta):
    """A timedelta as whole minutes (the lock-out page says how long to wait)."""
    return int(delta.total_seconds() // 60) if delta else 0


@register.filter
def progress_class(value):
    """'progress--NN' rounded down to a step of ten, for the CSS-only progress bar."""
    value = max(0, min(100, int(value or 0)))
    return f"progress--{value // 10 * 10}"


@register.filter
def meeting_when(meeting):
    """A meeting's dates as precisely as they are known: 02/12–04/12/2025, a planned month
    ("Tháng 6/2026 (dự kiến)") or only the year.

    A filter rather than a partial template: a list renders it on every row. The phrases keep
    the msgids the partial's {% blocktranslate %} had, hence %-formatting.
    """
    start, end = meeting.start_date, meeting.end_date
    if start:
        if end and end != start:
            return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
        return f"{start:%d/%m/%Y}"
    if meeting.month:
        if meeting.end_month and meeting.end_month != meeting.month:
            return _("Tháng %(month)s–%(end)s/%(year)s (dự kiến)") % {
                "month": meeting.month,
                "end": meeting.end_month,
                "year": meeting.year,
            }
        return _("Tháng %(month)s/%(year)s (dự kiến)") % {
            "month": meeting.month,
            "year": meeting.year,
        }
    if meeting.status == "held":
        return _("Năm %(year)s") % {"year": meeting.year}
    return _("Năm %(year)s (dự kiến)") % {"year": meeting.year}


@register.filter
def person(user):
    """A user's full name, their username if they have none, or a dash for nobody."""
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


@register.filter
def tr(record, field):
    """`record.<field>` in the page's language: the `<field>_en` column on English pages when
    it is filled, the Vietnamese one otherwise (records are written in Vietnamese first)."""
    if record is None:
        return ""
    if get_language() == "en":
        english = getattr(record, f"{field}_en", "")
        if english:
            return english
    return getattr(record, field)


@register.filter
def english_aside(record, field):
    """`record.<field>_en` where a Vietnamese page shows a record's English name beneath its
    own; nothing on English pages, whose heading (`tr`) is already that English name."""
    if record is None or get_language() == "en":
        return ""
    return getattr(record, f"{field}_en", "")


@register.filter
def tr_str(record):
    """A record as its __str__ shows it, in the page's language: where that is its Vietnamese
    name or title, the English one on English pages (codes and numbers stay as they are)."""
    text = str(record)
    if get_language() == "en":
        for field in ("name", "title"):
            english = getattr(record, f"{field}_en", "")
            if english and getattr(record, field, None) == text:
                return english
    return text


@register.filter
def can_archive(user, record):
    return access.can_archive_record(user, record)


@register.filter
def archive_kind(record):
    return record._meta.label_lower


@register.filter
def archive_undo(message):
    """{"kind", "pk"} of the record an "archived" message can restore (its tags say
    `undo <kind> <pk>`), or None."""
    parts = (message.extra_tags or "").split()
    if len(parts) == 3 and parts[0] == "undo" and parts[2].isdigit():
        return {"kind": parts[1], "pk": int(parts[2])}
    return None
