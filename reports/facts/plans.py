"""The facts of section III.2 (the tasks of year Y+1): tasks, planned meetings, partners.

A planned meeting or the priority partners that a task already names are attached to that
task (`carried_by`) rather than told again in a bullet of their own. That decision is taken
here, on the records' Vietnamese text, so both editions tell the same facts.
"""

from reports.facts.base import Fact, FactKind, meeting_data, meeting_key, partner_data, task_data

ANNUAL_KINDS = {"working_group", "senior_officials", "ministerial"}


def _month_key(meeting) -> str:
    month = meeting.month or (meeting.start_date.month if meeting.start_date else None)
    end_month = meeting.end_month or (meeting.end_date.month if meeting.end_date else None)
    if end_month == month:
        end_month = None
    return f"{month or 13:02d}-{end_month or 0:02d}"


def plan_facts(records) -> list[Fact]:
    facts = [
        Fact(
            kind=FactKind.TASK_PLANNED,
            key=f"task:{task.pk}",
            theme=task.theme,
            order=task.report_order,
            group=task.working_group.code if task.working_group_id else "",
            data={
                "task": task_data(task),
                "meeting": meeting_key(task.meeting) if task.meeting_id else "",
                "meeting_hosted": bool(task.meeting_id and task.meeting.is_hosted),
            },
        )
        for task in records.tasks
    ]
    task_meeting_keys = {f.data["meeting"] for f in facts if f.data["meeting"]}
    annual = [m for m in records.next_meetings if m.series.kind in ANNUAL_KINDS]
    names = {m.short_name for m in annual}
    # The task that names one of the annual meetings ("... và Hội nghị ASOEN 37") carries them.
    annual_carrier = next(
        (f"task:{t.pk}" for t in records.tasks if any(name in t.title for name in names)), ""
    )
    by_month: dict = {}
    for meeting in records.next_meetings:
        if meeting.is_hosted:
            by_month.setdefault(_month_key(meeting), []).append(meeting)
    hosted_carrier = {}
    for meetings in by_month.values():
        keys = {meeting_key(m) for m in meetings}
        carrier = next(
            (f.key for f in facts if f.data["meeting"] and f.data["meeting"] in keys), ""
        )
        for meeting in meetings:
            hosted_carrier[meeting.pk] = carrier
    for meeting in sorted(records.next_meetings, key=lambda m: m.pk):
        if meeting.series.kind in ANNUAL_KINDS and not meeting.is_hosted:
            role, carrier = "annual", annual_carrier
        elif meeting.is_hosted:
            role, carrier = "hosted", hosted_carrier.get(meeting.pk, "")
        elif meeting_key(meeting) in task_meeting_keys:
            continue  # a task is about this meeting: its own bullet tells it
        else:
            role, carrier = "abroad", ""
        facts.append(
            Fact(
                kind=FactKind.MEETING_PLANNED,
                key=meeting_key(meeting),
                theme="voice",
                group=meeting.series.working_group.code if meeting.series.working_group else "",
                data={
                    "meeting": meeting_data(meeting),
                    "role": role,
                    "month": _month_key(meeting) if meeting.is_hosted else "",
                    "carried_by": carrier,
                },
            )
        )
    # An annual meeting Vietnam hosts is also one of the annual meetings it takes part in.
    for meeting in annual:
        if meeting.is_hosted:
            facts.append(
                Fact(
                    kind=FactKind.MEETING_PLANNED,
                    key=meeting_key(meeting) + ":annual",
                    theme="voice",
                    data={
                        "meeting": meeting_data(meeting),
                        "role": "annual",
                        "month": "",
                        "carried_by": annual_carrier,
                    },
                )
            )
    if records.priority_partners:
        facts.append(
            Fact(
                kind=FactKind.PARTNERS_PRIORITY,
                key=f"partners:{records.next_year}",
                theme="partners",
                data={
                    "partners": [partner_data(p) for p in records.priority_partners],
                    "carried_by": _partners_carrier(records),
                },
            )
        )
    return facts


def _partners_carrier(records) -> str:
    """The task whose text names every priority partner: it tells them, no bullet of their own."""

    def names_all(text):
        return all(p.code in text or p.name in text for p in records.priority_partners)

    return next(
        (f"task:{t.pk}" for t in records.tasks if names_all(f"{t.title} {t.description}")), ""
    )
