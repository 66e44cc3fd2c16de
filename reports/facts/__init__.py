"""Facts of the annual report: what the records of year Y show, each once, with an identity.

`gather_facts(year)` reads the records (`reports.selectors`) and returns `YearFacts`: the
results of Y (section II), the plans for Y+1 (section III.2) and the annex rows, as plain JSON
data that a writer (`reports.writers`) words in either language.
"""

from reports.facts.base import Fact, FactKind, YearFacts, bi
from reports.facts.plans import plan_facts
from reports.facts.results import programme_kind, result_facts

__all__ = ["Fact", "FactKind", "YearFacts", "gather_facts"]


def gather_facts(year: int) -> YearFacts:
    from reports.selectors import gather_records

    records = gather_records(year)
    programme_group = {
        programme_kind(p): p.working_group.code
        for p in records.programmes
        if programme_kind(p) and p.working_group_id
    }
    return YearFacts(
        year=year,
        results=result_facts(records, programme_group),
        plans=plan_facts(records),
        groups={g.code: {"name": bi(g.name, g.name_en), "order": g.order} for g in records.groups},
        annex=[
            {
                "date": activity.start_date.strftime("%d/%m/%Y"),
                "group": activity.working_group.code if activity.working_group_id else "ASOEN",
                "title": bi(activity.title, activity.title_en),
                "city": bi(activity.city),
                "country": activity.country,
            }
            for activity in records.annex_activities
        ],
    )
