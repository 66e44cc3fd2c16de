"""Sentences about single records (a meeting, an instrument, a project, an activity), worded in
the active language from translatable templates."""

from django.utils.translation import gettext as _

from asoen_portal.models import Country
from reports.wording import (
    count,
    date_range,
    is_english,
    join_list,
    month_span,
    pick,
    place,
    with_code,
)


def country(code):
    return str(Country(code).label) if code else ""


def meeting_name(meeting, *, with_short_name=True):
    """ "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)".

    The short name is added to numbered meetings whose title carries no abbreviation yet;
    unnumbered series codes (ABP-WS) are the portal's own and stay out of the report.
    """
    title = pick(meeting.title, meeting.title_en) or pick(
        meeting.series.name, meeting.series.name_en
    )
    if not with_short_name or meeting.number is None or ")" in title:
        return title
    return with_code(title, meeting.short_name)


def meeting_place(meeting):
    return place(pick(meeting.city, meeting.city_en), country(meeting.country))


def meeting_when_where(meeting):
    """ "trong các ngày 02-04 tháng 9 năm 2025 tại Langkawi, Malaysia"."""
    when = date_range(meeting.start_date, meeting.end_date) or month_span(
        meeting.year, meeting.month, meeting.end_month
    )
    where = meeting_place(meeting)
    if when and where:
        return _("{dates} tại {place}").format(dates=when, place=where)
    return when or (_("tại {place}").format(place=where) if where else "")


def meeting_attended(meeting):
    """A held meeting with its dates and place."""
    details = meeting_when_where(meeting)
    return f"{meeting_name(meeting)}, {details}" if details else meeting_name(meeting)


def meeting_planned(meeting):
    """ "Hội nghị lần thứ 24 ... (dự kiến tổ chức tại Brunei)"."""
    name = meeting_name(meeting, with_short_name=False)
    if not meeting.country:
        return name
    return _("{name} (dự kiến tổ chức tại {country})").format(
        name=name, country=country(meeting.country)
    )


def instrument_ref(instrument):
    """ "Nghị quyết số 276/NQ-CP ngày 12 tháng 9 năm 2025 của Chính phủ"."""
    from reports.wording import long_date

    return _("{kind} số {number} {date} của {issuer}").format(
        kind=instrument.get_kind_display(),
        number=instrument.number,
        date=long_date(instrument.issued_on),
        issuer=pick(instrument.issuer, instrument.issuer_en),
    )


def instrument_sentence(instrument):
    """What the instrument does, then its reference in brackets."""
    approves = pick(instrument.approves, instrument.approves_en)
    if approves:
        text = _("Báo cáo Chính phủ phê duyệt {approves}").format(approves=approves)
    else:
        text = pick(instrument.title, instrument.title_en)
    return f"{text} ({instrument_ref(instrument)})"


def partner_name(partner):
    return with_code(pick(partner.name, partner.name_en), partner.code)


def document_title(document):
    return pick(document.title, document.title_en)


def project_sentence(project):
    """ "Dự án “...” do Quỹ Môi trường toàn cầu (GEF) tài trợ thông qua ... (UNDP)"."""
    title = pick(project.title, project.title_en)
    donors = [partner_name(p) for p in project.donors.all() if p.pk != project.channel_id]
    text = _("Dự án “{title}”").format(title=title)
    if donors:
        text = _("{project} do {donors} tài trợ").format(
            project=text, donors=join_list(donors, _(" và "))
        )
    if project.channel_id:
        text = _("{project} thông qua {channel}").format(
            project=text, channel=partner_name(project.channel)
        )
    return text


def activity_place(activity):
    return place(activity.city, country(activity.country))


def activity_sentence(activity):
    """An activity as a bullet: its title, then the records it logs (meeting dates and place,
    instruments, documents, projects), then its outcome."""
    from working_groups.models import Activity

    text = pick(activity.title, activity.title_en)
    if activity.meeting_id:
        details = meeting_when_where(activity.meeting)
        if details:
            text = _("{text}, được tổ chức {details}").format(text=text, details=details)
    elif activity.kind in (Activity.Kind.MEETING_ATTENDED, Activity.Kind.MEETING_HOSTED) and (
        activity.date_precision == "day"
    ):
        details = date_range(activity.start_date, activity.end_date)
        where = activity_place(activity)
        if where:
            details = _("{dates} tại {place}").format(dates=details, place=where)
        text = f"{text}, {details}"
    instruments = [instrument_ref(i) for i in activity.instruments.all()]
    if instruments:
        text = f"{text} ({join_list(instruments, '; ')})"
    listed = [document_title(d) for d in activity.documents.all() if document_title(d) not in text]
    listed += [project_sentence(p) for p in activity.projects.all()]
    if listed:
        text = f"{text}: {join_list(listed)}"
    # Description and outcome exist in Vietnamese only: the English edition leaves them out.
    if not is_english():
        for extra in (activity.description.strip(), activity.outcome.strip()):
            if extra:
                text = f"{text.rstrip('.')}. {extra}"
    return text


def group_topic(group):
    """ "bảo tồn thiên nhiên và đa dạng sinh học" from the group's name, for "Về ...:"."""
    name = pick(group.name, group.name_en)
    for prefix in ("Nhóm công tác ASEAN về ", "ASEAN Working Group on "):
        if name.startswith(prefix):
            topic = name[len(prefix) :]
            return topic.lower() if prefix.startswith("ASEAN") else topic
    return name


def numbered(n, noun):
    """ "03 Vườn quốc gia"-style counts."""
    return f"{count(n)} {noun}"
