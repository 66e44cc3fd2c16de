"""Section II (results of year Y), worded from the year's records.

Each theme's bullets are the activities logged under it, ordered by `report_order`, merged with
blocks built from records no activity logs (documents commented on, instruments, meetings
attended, hosted events, awards, projects). Those blocks carry fixed positions (`ORDER_*`) so
the secretariat can put an activity before or after any of them.
"""

from django.utils.translation import gettext as _

from reports import phrases
from reports.content import Block, Run, Section, paragraph
from reports.wording import count, is_english, join_list, pick

ORDER_DOCUMENTS = 10
ORDER_INSTRUMENTS = 20
ORDER_HIGH_LEVEL = 30
ORDER_GROUP_MEETINGS = 40
ORDER_OTHER_MEETINGS = 50
ORDER_HOSTED = 60
ORDER_HIGHLIGHTS = 90

HIGH_LEVEL_KINDS = {"summit", "ministerial", "senior_officials", "haze"}


def activity_theme(activity):
    """The theme an activity is reported under; "" keeps it out of section II (it still
    appears in the annex), as for the secretariat's own year-end conference."""
    return activity.theme


def is_group_highlight(activity):
    """What a working group achieved (awards, hosting, programmes, statements) goes under
    "Một số kết quả nổi bật của các Nhóm công tác"; attending meetings and instruments are
    national bullets."""
    return (
        activity.theme == "voice"
        and activity.working_group_id is not None
        and activity.kind not in ("instrument", "meeting_attended")
    )


def programme_kind(programme):
    """Which award programme a Programme row is, from its code (AHP, ESC, eco-schools)."""
    code = programme.code.upper()
    if "AHP" in code or "HERITAGE" in code:
        return "heritage"
    if "ECO" in code or code in {"AES", "AESA"}:
        return "eco"
    if "ESC" in code:
        return "esc"
    return ""


def _is_group_meeting(meeting):
    return meeting is not None and meeting.series.kind == "working_group" and not meeting.is_hosted


def results_sections(records):
    groups = {group.pk: group for group in records.groups}
    programme_group = {
        programme_kind(p): p.working_group for p in records.programmes if programme_kind(p)
    }
    # group id (or None) -> sentences. Groups keep the order their first highlight was added
    # in, and activities come first in report_order: the secretariat's order wins.
    highlights = {}

    def highlight(group, sentence):
        highlights.setdefault(group.pk if group else None, []).append(sentence)

    voice, organisation, partners = [], [], []
    by_theme = {"voice": voice, "organisation": organisation, "partners": partners}
    group_meeting_orders, highlight_orders = [], []
    for activity in records.activities:
        theme = activity_theme(activity)
        if theme not in by_theme:
            continue
        if _is_group_meeting(activity.meeting):
            # Listed with the other working-group meetings in one bullet, where the first is.
            group_meeting_orders.append(activity.report_order)
        elif is_group_highlight(activity):
            highlight_orders.append(activity.report_order)
            highlight(activity.working_group, phrases.activity_sentence(activity))
        else:
            by_theme[theme].append((activity.report_order, phrases.activity_sentence(activity)))

    documents = [d for d in records.documents if d.pk not in records.linked_document_ids]
    commented = [d for d in documents if not d.partner_id and d.kind != "framework"]
    frameworks = [d for d in documents if d.partner_id or d.kind == "framework"]
    by_meeting = {}
    for document in commented:
        if document.working_group_id:
            highlight(
                groups.get(document.working_group_id),
                _("Tham gia thảo luận, xây dựng {title}").format(
                    title=phrases.document_title(document)
                ),
            )
        else:
            by_meeting.setdefault(document.meeting, []).append(phrases.document_title(document))
    for meeting, titles in by_meeting.items():
        if meeting is None:
            text = _("Tham gia góp ý kiến các văn kiện ASEAN về môi trường: {titles}")
            voice.append((ORDER_DOCUMENTS, text.format(titles=join_list(titles))))
            continue
        text = _(
            "Tham gia góp ý kiến các nội dung về môi trường trong các văn kiện {meeting} "
            "tổ chức tại {place}: {titles}"
        )
        voice.append(
            (
                ORDER_DOCUMENTS,
                text.format(
                    meeting=phrases.meeting_name(meeting),
                    place=phrases.meeting_place(meeting),
                    titles=join_list(titles),
                ),
            )
        )
    instruments = [i for i in records.instruments if i.pk not in records.linked_instrument_ids]
    approving = [phrases.instrument_sentence(i) for i in instruments if i.approves]
    if approving:
        voice.append((ORDER_INSTRUMENTS, join_list(approving, _(" và "))))
    for instrument in instruments:
        if not instrument.approves:
            organisation.append((ORDER_INSTRUMENTS, phrases.instrument_sentence(instrument)))

    _programme_highlights(records, highlight, programme_group)
    _meeting_blocks(records, voice, highlight, programme_group, min(group_meeting_orders or [0]))
    if highlights:
        voice.append((min(highlight_orders or [ORDER_HIGHLIGHTS]), None))

    if frameworks:
        text = _(
            "Tham gia góp ý kiến các nội dung về môi trường trong các văn kiện giữa ASEAN "
            "và các đối tác: {titles}"
        )
        titles = join_list([phrases.document_title(d) for d in frameworks], "; ")
        partners.append((ORDER_DOCUMENTS, text.format(titles=titles)))
    projects = [p for p in records.projects if p.pk not in records.linked_project_ids]
    if projects:
        text = _("Tiếp tục tham gia các hoạt động trong khuôn khổ các dự án khu vực: {projects}")
        listed = join_list([phrases.project_sentence(p) for p in projects])
        partners.append((ORDER_DOCUMENTS + 10, text.format(projects=listed)))

    return [
        Section(
            "1",
            _("Thúc đẩy vai trò và tiếng nói của Việt Nam trong hợp tác ASEAN về môi trường"),
            _blocks(voice, highlights, groups),
        ),
        Section(
            "2",
            _("Kiện toàn cơ cấu tổ chức, tăng cường kết nối, hỗ trợ kỹ thuật và phối hợp đa ngành"),
            _blocks(organisation, {}, groups),
        ),
        Section(
            "3",
            _("Đẩy mạnh hợp tác giữa ASEAN và các đối tác về môi trường"),
            _blocks(partners, {}, groups),
        ),
    ]


def _meeting_blocks(records, voice, highlight, programme_group, group_meetings_order):
    high_level, group_meetings, others = [], [], []
    named_by_documents = {d.meeting_id for d in records.documents if d.meeting_id}
    for meeting in records.meetings:
        if meeting.is_hosted:
            if meeting.pk in records.linked_meeting_ids:
                continue
            group = meeting.series.working_group
            if group is None and meeting.series.kind == "heritage":
                group = programme_group.get("heritage")
            sentence = _("Tổ chức thành công {meeting}").format(
                meeting=phrases.meeting_attended(meeting)
            )
            certified = [p for p in records.parks if p.certificate_meeting_id == meeting.pk]
            if certified:
                sentence += ". " + _(
                    "Tại Hội nghị này, {count} Vườn di sản ASEAN mới của Việt Nam đã được "
                    "trao Chứng nhận Vườn di sản ASEAN"
                ).format(count=count(len(certified)))
            if group is not None:
                highlight(group, sentence)
            else:
                voice.append((ORDER_HOSTED, sentence))
        elif _is_group_meeting(meeting):
            group_meetings.append(meeting)
        elif meeting.pk in records.linked_meeting_ids or meeting.pk in named_by_documents:
            continue
        elif meeting.series.kind in HIGH_LEVEL_KINDS:
            high_level.append(meeting)
        else:
            others.append(meeting)
    if high_level:
        text = _("Chủ động, tích cực tham gia các nội dung thảo luận tại {meetings}")
        listed = join_list([phrases.meeting_attended(m) for m in high_level], _(" và "))
        voice.append((ORDER_HIGH_LEVEL, text.format(meetings=listed)))
    if group_meetings:
        text = _(
            "Tham dự và tích cực đóng góp nội dung tại các Hội nghị thường niên của {count} "
            "Nhóm công tác ASEAN về môi trường: {meetings}"
        )
        group_meetings.sort(
            key=lambda m: (
                (m.series.working_group.order, m.series.code)
                if m.series.working_group
                else (999, m.series.code)
            )
        )
        listed = join_list([phrases.meeting_attended(m) for m in group_meetings])
        voice.append(
            (
                group_meetings_order or ORDER_GROUP_MEETINGS,
                text.format(count=count(len(group_meetings)), meetings=listed),
            )
        )
    if others:
        text = _("Tham dự các hội nghị chuyên môn tổ chức tại các nước ASEAN: {meetings}")
        listed = join_list([phrases.meeting_attended(m) for m in others])
        voice.append((ORDER_OTHER_MEETINGS, text.format(meetings=listed)))


def _programme_highlights(records, highlight, programme_group):
    """Sentences for the year's parks, ESC rounds and eco-school awards, unless an activity of
    the year already logs that programme (its text then tells the result)."""
    logged = {
        programme_kind(p)
        for p in records.programmes
        if p.pk in records.linked_programme_ids and programme_kind(p)
    }
    if is_english():
        logged = set()  # the activities' Vietnamese outcome text is not in this edition
    if records.parks and "heritage" not in logged:
        names = join_list([pick(p.name, p.name_en) for p in records.parks], ", ")
        highlight(
            programme_group.get("heritage"),
            _(
                "Hoàn thành các thủ tục công nhận Danh hiệu Vườn di sản ASEAN cho {count} "
                "khu bảo tồn của Việt Nam: {names}"
            ).format(count=count(len(records.parks)), names=names),
        )
    for round_ in records.esc_rounds if "esc" not in logged else []:
        highlight(programme_group.get("esc"), _esc_sentence(round_))
    for award in records.eco_awards if "eco" not in logged else []:
        sentence = _(
            "Tổ chức Giải thưởng Trường học Sinh thái ASEAN Việt Nam năm {year} với chủ đề "
            "“{theme}”"
        ).format(year=award.year, theme=pick(award.theme, award.theme_en))
        if award.school:
            sentence += _(", trao cho {school}").format(
                school=", ".join(part for part in (award.school, award.province) if part)
            )
        if award.sponsor:
            sentence += _(", với sự đồng hành của nhà tài trợ {sponsor}").format(
                sponsor=award.sponsor
            )
        highlight(programme_group.get("eco"), sentence)


def _esc_sentence(round_):
    cities = [
        _("{city} ({province})").format(city=pick(a.city, a.city_en), province=a.province)
        if a.province
        else pick(a.city, a.city_en)
        for a in round_.awards.all()
    ]
    if round_.kind == "award":
        text = _(
            "Tham gia xét duyệt và thông qua kết quả Giải thưởng Thành phố Bền vững về Môi "
            "trường ASEAN lần thứ {edition}"
        ).format(edition=round_.edition)
        if round_.regional_recipients:
            text += _(" ({count} thành phố nhận giải thưởng").format(
                count=count(round_.regional_recipients)
            )
            text += _("; Việt Nam có {cities})").format(cities=", ".join(cities)) if cities else ")"
    else:
        text = _(
            "thông qua danh sách {count} thành phố nhận Chứng nhận Công nhận lần thứ {edition}"
        ).format(count=count(round_.regional_recipients or len(cities)), edition=round_.edition)
        categories = pick(round_.categories, round_.categories_en)
        if categories:
            text += _(" cho các hạng mục: {categories}").format(
                categories=", ".join(
                    c.strip() for c in categories.replace("\n", ";").split(";") if c.strip()
                )
            )
        awarded = [
            _("{city} ở hạng mục {category}").format(
                city=pick(a.city, a.city_en), category=a.get_category_display()
            )
            for a in round_.awards.all()
        ]
        if awarded:
            text += _(" (Việt Nam có {cities} được trao chứng nhận)").format(
                cities=", ".join(awarded)
            )
    if round_.presented_at_id:
        text += _(", trao tại {meeting}").format(
            meeting=phrases.meeting_attended(round_.presented_at)
        )
    return text


def _blocks(items, highlights, groups):
    blocks = []
    for _order, text in sorted(items, key=lambda item: item[0]):
        if text is None:
            blocks.append(paragraph(_("Một số kết quả nổi bật của các Nhóm công tác:"), "bullet"))
            blocks.extend(_highlight_blocks(highlights, groups))
        else:
            blocks.append(paragraph(_sentence(text), "bullet"))
    return blocks


def _highlight_blocks(highlights, groups):
    blocks = []
    for group_id, sentences in highlights.items():
        lead = (
            _("Về {topic}:").format(topic=phrases.group_topic(groups[group_id]))
            if group_id
            else _("Về các chương trình hợp tác ASEAN:")
        )
        body = join_list([s.rstrip(". ") for s in sentences]) + "."
        blocks.append(Block("p", [Run(lead + " ", italic=True), Run(body)]))
    return blocks


def _sentence(text):
    text = text.strip()
    return text if text.endswith((".", ";", "…")) else text + "."
