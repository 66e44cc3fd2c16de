"""Section III.2 (the tasks of year Y+1), worded from tasks, planned meetings and partners.

Tasks are grouped by `report_section` ("2.1".."2.5"); a task without one goes to its theme's
usual section. Planned meetings add two blocks: the annual meetings Vietnam attends (with
their planned host country) and the events Vietnam hosts, by month.
"""

from django.utils.translation import gettext as _

from reports import phrases
from reports.content import Section, paragraph
from reports.wording import count, is_english, join_list, month_span, pick

DEFAULT_SECTION = {"voice": "2.1", "partners": "2.3", "organisation": "2.4", "": "2.5"}
HOSTED_SECTION = "2.2"
ANNUAL_KINDS = {"working_group", "senior_officials", "ministerial"}


def _section_key(task):
    return task.report_section.strip() or DEFAULT_SECTION.get(task.theme, "2.5")


def _sort_key(key):
    return tuple(int(part) if part.isdigit() else 0 for part in key.split("."))


def orientation_sections(records):
    year = records.next_year
    tasks_by_section = {}
    for task in records.tasks:
        tasks_by_section.setdefault(_section_key(task), []).append(task)
    attached = {}  # task id -> list attached to its bullet instead of its description
    extra = {}  # section key -> bullets of their own
    task_meeting_ids = {task.meeting_id for task in records.tasks if task.meeting_id}

    annual = sorted(
        (m for m in records.next_meetings if m.series.kind in ANNUAL_KINDS), key=_annual_order
    )
    if annual:
        listed = join_list([phrases.meeting_planned(m) for m in annual])
        # The task that names one of these meetings ("... và Hội nghị ASOEN 37") carries the list.
        names = {m.short_name for m in annual}
        carrier = next((t for t in records.tasks if any(name in t.title for name in names)), None)
        if carrier is not None:
            attached[carrier.pk] = listed
        else:
            text = _(
                "Duy trì sự hiện diện đầy đủ tại các hội nghị thường niên của {count} "
                "Nhóm công tác ASEAN về môi trường: {meetings}"
            )
            group_count = sum(1 for m in annual if m.series.kind == "working_group")
            extra.setdefault(_voice_section(tasks_by_section), []).append(
                text.format(count=count(group_count), meetings=listed)
            )
    abroad = [
        m
        for m in records.next_meetings
        if not m.is_hosted and m.series.kind not in ANNUAL_KINDS and m.pk not in task_meeting_ids
    ]
    if abroad:
        text = _("Tham dự {meetings}").format(
            meetings=join_list([phrases.meeting_planned(m) for m in abroad])
        )
        extra.setdefault(_voice_section(tasks_by_section), []).append(text)

    hosted_key = _hosted_section(tasks_by_section)
    by_month = {}
    for meeting in records.next_meetings:
        if meeting.is_hosted:
            by_month.setdefault(_month_key(meeting), []).append(meeting)
    for (month, end_month), meetings in sorted(by_month.items(), key=lambda item: item[0]):
        meetings.sort(key=lambda m: m.pk)  # the order the secretariat entered them
        names = join_list([phrases.meeting_name(m) for m in meetings])
        ids = {m.pk for m in meetings}
        # A task about hosting one of the month's meetings carries the month's list.
        carrier = next((t for t in records.tasks if t.meeting_id in ids), None)
        if carrier is not None:
            attached[carrier.pk] = names
            continue
        when = month_span(year, month, end_month) if month != 13 else _("Trong năm")
        extra.setdefault(hosted_key, []).append(f"{when}: {names}")

    children = []
    for key in sorted(set(tasks_by_section) | set(extra), key=_sort_key):
        tasks = tasks_by_section.get(key, [])
        bullets = [_task_sentence(t, attached.get(t.pk)) for t in tasks] + extra.get(key, [])
        if key == _themed_section(tasks_by_section, "partners", "2.3"):
            bullets += _partner_bullet(records, " ".join(bullets))
        if len(bullets) == 1 and len(tasks) == 1:
            children.append(Section(key, _end(bullets[0])))
            continue
        title = _section_title(key, tasks, hosted_key, year)
        children.append(Section(key, title, [paragraph(_end(b), "bullet") for b in bullets]))
    return [Section("2", _("Các nhiệm vụ cụ thể của ASOEN Việt Nam"), children=children)]


def _annual_order(meeting):
    """Working-group meetings in the groups' order, then ASOEN and the ministerial meeting."""
    group = meeting.series.working_group
    if meeting.series.kind == "working_group" and group is not None:
        return (0, group.order, group.code)
    return (1, 0, meeting.series.code)


def _month_key(meeting):
    month = meeting.month or (meeting.start_date.month if meeting.start_date else None)
    end_month = meeting.end_month or (meeting.end_date.month if meeting.end_date else None)
    if end_month == month:
        end_month = None
    return (month or 13, end_month or 0)


def _partner_bullet(records, written):
    """The partners to deepen relations with, unless a task already names them all."""
    if not records.priority_partners:
        return []
    if all(p.code in written or p.name in written for p in records.priority_partners):
        return []
    partners = join_list([phrases.partner_name(p) for p in records.priority_partners], ", ")
    return [
        _(
            "Tăng cường quan hệ với các đối tác phát triển và quỹ tài trợ quốc tế: {partners}"
        ).format(partners=partners)
    ]


def _themed_section(tasks_by_section, theme, default):
    for key in sorted(tasks_by_section, key=_sort_key):
        if any(t.theme == theme for t in tasks_by_section[key]):
            return key
    return default


def _voice_section(tasks_by_section):
    return _themed_section(tasks_by_section, "voice", DEFAULT_SECTION["voice"])


def _hosted_section(tasks_by_section):
    for key, tasks in tasks_by_section.items():
        if any(t.meeting_id and t.meeting.is_hosted for t in tasks):
            return key
    return HOSTED_SECTION


def _section_title(key, tasks, hosted_key, year):
    if key == hosted_key:
        return _(
            "Chủ trì tổ chức thành công các hội nghị ASEAN tại Việt Nam trong năm {year}"
        ).format(year=year)
    themes = [t.theme for t in tasks if t.theme]
    theme = max(set(themes), key=themes.count) if themes else ""
    return {
        "voice": _("Tiếp tục thúc đẩy vai trò và tiếng nói của Việt Nam trong ASEAN"),
        "partners": _("Đẩy mạnh hợp tác giữa ASEAN với các đối tác về môi trường"),
        "organisation": _("Kiện toàn tổ chức, tăng cường kết nối và phối hợp"),
    }.get(theme, _("Các nhiệm vụ khác"))


def _task_sentence(task, attached=None):
    """The task's title, then the list it carries or (Vietnamese edition) its description."""
    text = pick(task.title, task.title_en)
    if attached:
        return f"{text}: {attached}"
    if task.description.strip() and not is_english():
        return f"{text}: {task.description.strip()}"
    return text


def _end(text):
    text = text.strip()
    return text if text.endswith((".", ";", "…")) else text + "."
