"""Facts + a writer → the document tree of one edition.

The assembler decides where each fact goes (themes, the working groups' highlights, the
tasks of III.2) and in which order; the writer words it. Headings and sentences are words,
so they come from the writer too; nothing here depends on a renderer.
"""

from datetime import date

from django.utils import translation

from reports.document import (
    Annex,
    Document,
    Letterhead,
    ListItem,
    Paragraph,
    Run,
    Section,
    Signature,
)
from reports.facts import FactKind, YearFacts
from reports.narrative import parse_narrative
from reports.writers.base import Writer
from reports.writers.text import end

THEMES = ("voice", "organisation", "partners")
HIGH_LEVEL_KINDS = {"summit", "ministerial", "senior_officials", "haze"}
NOT_HIGHLIGHTS = {
    FactKind.INSTRUMENT_APPROVED,
    FactKind.INSTRUMENT_ISSUED,
    FactKind.MEETING_ATTENDED,
    FactKind.DELEGATIONS,
    FactKind.TASK_DONE,
    FactKind.TASK_IN_PROGRESS,
}
DEFAULT_PLAN_SECTION = {"voice": "2.1", "partners": "2.3", "organisation": "2.4", "": "2.5"}
HOSTED_SECTION = "2.2"


def assemble_document(
    *, facts: YearFacts, header: dict, narratives: dict, writer: Writer, draft: bool
) -> Document:
    """`header` holds the report's own fields, `narratives` {language: {section: text}}."""
    language = writer.language
    with translation.override(language):
        year = facts.year

        def narrative(section):
            by_language = narratives.get(language, {})
            return parse_narrative(by_language.get(section) or narratives["vi"].get(section, ""))

        h = writer.heading
        sections = [
            Section(
                "I",
                h("context", year),
                children=[
                    Section(
                        "1",
                        h("context_international", year),
                        narrative("context_international"),
                    ),
                    Section("2", h("context_domestic", year), narrative("context_domestic")),
                ],
            ),
            Section("II", h("results", year), narrative("results_intro"), results(facts, writer)),
            Section(
                "III",
                h("orientation", year),
                children=[
                    Section("1", h("orientation_intro", year), narrative("orientation_intro")),
                    plans(facts, writer),
                ],
            ),
            Section(
                "IV",
                h("assessment", year),
                children=[
                    Section("1", h("advantages", year), narrative("advantages")),
                    Section("2", h("difficulties", year), narrative("difficulties")),
                ],
            ),
            Section("V", h("proposals", year), narrative("proposals")),
        ]

        def field(name):
            if language == "en":
                return header.get(f"{name}_en") or header[name]
            return header[name]

        place = field("place")
        report_date = header.get("report_date")
        place_date = place
        if report_date:
            place_date = f"{place}, {writer.long_date(date.fromisoformat(report_date))}"
        annex = None
        if facts.annex:
            annex = Annex(
                title=h("annex", year),
                headers=writer.annex_headers(),
                rows=[
                    [
                        row["date"],
                        row["group"],
                        writer.pick(row["title"]),
                        writer.place(writer.pick(row["city"]), row["country"]),
                    ]
                    for row in facts.annex
                ],
            )
        return Document(
            year=year,
            language=language,
            letterhead=Letterhead(
                issuing_body=field("issuing_body"),
                issuing_unit=field("issuing_unit"),
                number_line=writer.number_line(header.get("number_symbol", "")),
                national_name=h("national_name", year),
                motto=h("motto", year),
                place_date=place_date,
            ),
            title=h("title", year),
            sections=sections,
            signature=Signature(
                position_lines=[line for line in field("signer_title").split("\n") if line],
                name=field("signer_name"),
            ),
            recipients_label=h("recipients", year),
            recipients=[line.strip() for line in field("recipients").splitlines() if line.strip()],
            draft_mark=h("draft", year) if draft else "",
            annex=annex,
        )


# --- section II -------------------------------------------------------------------------


def _is_highlight(fact) -> bool:
    """What a working group achieved (awards, hosting, programmes, statements) goes under
    "Một số kết quả nổi bật của các Nhóm công tác"; attending meetings, instruments and tasks
    are national bullets."""
    if fact.kind in NOT_HIGHLIGHTS or fact.theme != "voice":
        return False
    if fact.kind in (FactKind.PARKS_RECOGNISED, FactKind.ESC_AWARD, FactKind.ECO_SCHOOL_AWARD):
        return True
    return bool(fact.group)


def results(facts: YearFacts, writer: Writer) -> list[Section]:
    items = {theme: [] for theme in THEMES}  # theme -> [(order, what, payload)]
    highlights: dict = {}  # group code ("" = programmes) -> [facts], in first-seen order
    highlight_orders = []
    meetings = {"group": [], "high": [], "other": []}
    instruments = []
    for fact in facts.results:
        if fact.theme not in items:
            continue
        meeting = fact.data.get("meeting")
        if fact.kind == FactKind.MEETING_ATTENDED and meeting["series_kind"] == "working_group":
            meetings["group"].append(fact)
        elif fact.kind == FactKind.MEETING_ATTENDED and fact.activity is None:
            bucket = "high" if meeting["series_kind"] in HIGH_LEVEL_KINDS else "other"
            meetings[bucket].append(fact)
        elif fact.kind == FactKind.INSTRUMENT_APPROVED and fact.activity is None:
            instruments.append(fact)
        elif _is_highlight(fact):
            highlights.setdefault(fact.group, []).append(fact)
            highlight_orders.append(fact.order)
        else:
            items[fact.theme].append((fact.order, "fact", fact))
    voice = items["voice"]
    if instruments:
        voice.append((min(f.order for f in instruments), "instruments", instruments))
    for bucket, facts_ in meetings.items():
        if facts_:
            voice.append((min(f.order for f in facts_), bucket, facts_))
    if highlights:
        voice.append((min(highlight_orders), "highlights", highlights))

    def blocks(theme):
        out = []
        for _order, what, payload in sorted(items[theme], key=lambda item: item[0]):
            if what == "fact":
                out.append(ListItem([Run(end(writer.fact_sentence(payload)))]))
            elif what == "instruments":
                out.append(ListItem([Run(end(writer.instruments_sentence(payload)))]))
            elif what == "group":
                listed = sorted(
                    (f.data["meeting"] for f in payload),
                    key=lambda m: (m["group_order"], m["series_code"]),
                )
                out.append(ListItem([Run(end(writer.group_meetings_sentence(listed)))]))
            elif what in ("high", "other"):
                listed = [f.data["meeting"] for f in payload]
                sentence = (
                    writer.high_level_sentence(listed)
                    if what == "high"
                    else writer.other_meetings_sentence(listed)
                )
                out.append(ListItem([Run(end(sentence))]))
            else:
                out.append(ListItem([Run(writer.highlights_lead())]))
                for group, group_facts in payload.items():
                    lead = writer.group_lead(facts.groups.get(group) if group else None)
                    body = writer.join([writer.fact_sentence(f).rstrip(". ") for f in group_facts])
                    out.append(Paragraph([Run(lead + " ", italic=True), Run(end(body))]))
        return out or [Paragraph([Run(writer.nothing_recorded(), italic=True)])]

    return [
        Section(str(number), writer.heading(theme, facts.year), blocks(theme))
        for number, theme in enumerate(THEMES, start=1)
    ]


# --- section III.2 ----------------------------------------------------------------------


def _section_key(task: dict) -> str:
    return task["report_section"] or DEFAULT_PLAN_SECTION.get(task["theme"], "2.5")


def _sort_key(key: str):
    return tuple(int(part) if part.isdigit() else 0 for part in key.split("."))


def _annual_order(meeting: dict):
    if meeting["series_kind"] == "working_group" and meeting["group"]:
        return (0, meeting["group_order"], meeting["group"])
    return (1, 0, meeting["series_code"])


def plans(facts: YearFacts, writer: Writer) -> Section:
    year = facts.year + 1
    tasks = [f for f in facts.plans if f.kind == FactKind.TASK_PLANNED]
    by_section: dict = {}
    for task in tasks:
        by_section.setdefault(_section_key(task.data["task"]), []).append(task)

    def themed(theme, default):
        for key in sorted(by_section, key=_sort_key):
            if any(t.theme == theme for t in by_section[key]):
                return key
        return default

    voice_key = themed("voice", DEFAULT_PLAN_SECTION["voice"])
    hosted_key = next(
        (k for k, ts in by_section.items() if any(t.data["meeting_hosted"] for t in ts)),
        HOSTED_SECTION,
    )
    attached: dict = {}
    extra: dict = {}
    planned = [f for f in facts.plans if f.kind == FactKind.MEETING_PLANNED]
    annual = sorted(
        (f for f in planned if f.data["role"] == "annual"),
        key=lambda f: _annual_order(f.data["meeting"]),
    )
    if annual:
        meetings = [f.data["meeting"] for f in annual]
        carrier = annual[0].data["carried_by"]
        if carrier:
            attached[carrier] = writer.annual_meetings_list(meetings)
        else:
            extra.setdefault(voice_key, []).append(writer.annual_meetings_sentence(meetings))
    abroad = [f.data["meeting"] for f in planned if f.data["role"] == "abroad"]
    if abroad:
        extra.setdefault(voice_key, []).append(writer.abroad_sentence(abroad))
    months: dict = {}
    for fact in planned:
        if fact.data["role"] == "hosted":
            months.setdefault(fact.data["month"], []).append(fact)
    for month in sorted(months):
        carrier = months[month][0].data["carried_by"]
        meetings = [f.data["meeting"] for f in months[month]]
        if carrier:
            attached[carrier] = writer.hosted_names(meetings)
        else:
            extra.setdefault(hosted_key, []).append(writer.hosted_month_line(year, month, meetings))
    partners_key = themed("partners", DEFAULT_PLAN_SECTION["partners"])
    for fact in facts.plans:
        if fact.kind == FactKind.PARTNERS_PRIORITY and not fact.data["carried_by"]:
            extra.setdefault(partners_key, []).append(
                writer.partners_sentence(fact.data["partners"])
            )

    children = []
    for key in sorted(set(by_section) | set(extra), key=_sort_key):
        section_tasks = by_section.get(key, [])
        bullets = [writer.task_sentence(t, attached.get(t.key, "")) for t in section_tasks]
        bullets += extra.get(key, [])
        if len(bullets) == 1 and len(section_tasks) == 1:
            children.append(Section(key, end(bullets[0])))
            continue
        themes = [t.theme for t in section_tasks if t.theme]
        theme = max(set(themes), key=themes.count) if themes else ""
        title = writer.plan_section_title(theme, key == hosted_key, year)
        children.append(Section(key, title, [ListItem([Run(end(b))]) for b in bullets]))
    return Section("2", writer.heading("tasks", facts.year), children=children)
