"""What both writers share: sentences for each kind of fact, from translatable templates.

A writer words facts in one language (`vi.py`, `en.py` fix the language's dates, counts and
lists); `assemble.py` decides where each sentence goes. Templates are Vietnamese `gettext`
strings (English from locale/en), so a writer's methods must run inside
`translation.override(writer.language)` — `assemble_document` does that.

Wording rules a signer expects, kept here once for both languages: no record codes in prose
(a meeting is its title, or its series' name and number), a meeting's dates and place told the
first time it is named only, no "title: description" that repeats the title, no "Tổ chức thành
công … được tổ chức", and no sentence that starts "Nhằm …".
"""

from abc import ABC, abstractmethod
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from asoen_portal.models import Country
from reports.writers.lists import ListWording
from reports.writers.text import repeats, words


class Writer(ListWording, ABC):
    language = "vi"
    # Openings of a purpose clause that must continue the sentence before it, not start one.
    purpose_openings: tuple[str, ...] = ()
    # Words in an activity's title that already say the meeting was held / organised.
    organised_words: tuple[str, ...] = ()

    def __init__(self):
        self.described: set[str] = set()  # meetings whose dates and place were told

    # --- language-specific pieces (vi.py / en.py) --------------------------------------

    @abstractmethod
    def long_date(self, day: date) -> str:
        """A day in running text ("ngày 02 tháng 12 năm 2025" / "2 December 2025")."""

    @abstractmethod
    def date_range(self, start: date, end_: date | None) -> str:
        """The days from `start` to `end_`, told as the language tells a span."""

    @abstractmethod
    def month_span(self, year: int, month: int | None, end_month: int | None = None) -> str:
        """A month or months of `year` when the days are not known."""

    def month_phrase(self, year: int, month: int | None, end_month: int | None = None) -> str:
        """The month inside a sentence ("tháng 6/2026" / "in June 2026")."""
        return self.month_span(year, month, end_month)

    def count(self, n: int) -> str:
        return str(n)

    @abstractmethod
    def join_names(self, items: list[str]) -> str:
        """Names as a list in running text ("A, B và C" / "A, B and C")."""

    # --- shared ----------------------------------------------------------------------

    def pick(self, text: dict | None) -> str:
        if not text:
            return ""
        if self.language == "en" and text.get("en"):
            return text["en"]
        return text.get("vi", "")

    def join(self, items, sep="; ") -> str:
        return sep.join(item for item in items if item)

    def country(self, code: str) -> str:
        return str(Country(code).label) if code else ""

    def place(self, city: str, country_code: str) -> str:
        return ", ".join(part for part in (city, self.country(country_code)) if part)

    def meeting_name(self, meeting: dict) -> str:
        """The meeting's title, or its series' name and number: never the portal's codes."""
        title = self.pick(meeting["title"])
        if title:
            return title
        name = self.pick(meeting["series_name"])
        if meeting["number"] is None:
            return name
        return _("{name} lần thứ {number}").format(name=name, number=meeting["number"])

    def meeting_when_where(self, meeting: dict) -> str:
        start = date.fromisoformat(meeting["start"]) if meeting["start"] else None
        finish = date.fromisoformat(meeting["end"]) if meeting["end"] else None
        when = (
            self.date_range(start, finish)
            if start
            else self.month_phrase(meeting["year"], meeting["month"], meeting["end_month"])
        )
        where = self.place(self.pick(meeting["city"]), meeting["country"])
        if when and where:
            return _("{dates} tại {place}").format(dates=when, place=where)
        return when or (_("tại {place}").format(place=where) if where else "")

    def meeting_mention(self, meeting: dict) -> str:
        """Name with dates and place the first time; the name alone afterwards."""
        name = self.meeting_name(meeting)
        if meeting["key"] in self.described:
            return name
        self.described.add(meeting["key"])
        details = self.meeting_when_where(meeting)
        return f"{name}, {details}" if details else name

    def meeting_planned(self, meeting: dict) -> str:
        name = self.meeting_name(meeting)
        if not meeting["country"]:
            return name
        return _("{name} (dự kiến tổ chức tại {country})").format(
            name=name, country=self.country(meeting["country"])
        )

    def instrument_kind(self, kind: str) -> str:
        from cooperation.models import LegalInstrument

        return str(LegalInstrument.Kind(kind).label)

    def instrument_ref(self, instrument: dict) -> str:
        return _("{kind} số {number} {date} của {issuer}").format(
            kind=self.instrument_kind(instrument["kind"]),
            number=instrument["number"],
            date=self.long_date(date.fromisoformat(instrument["issued_on"])),
            issuer=self.pick(instrument["issuer"]),
        )

    def instrument_sentence(self, instrument: dict) -> str:
        approves = self.pick(instrument["approves"])
        if approves:
            text = _("Báo cáo Chính phủ phê duyệt {approves}").format(approves=approves)
        else:
            text = self.pick(instrument["title"])
        return f"{text} ({self.instrument_ref(instrument)})"

    def partner_name(self, partner: dict) -> str:
        name = self.pick(partner["name"])
        code = partner["code"]
        return name if not code or code in name else f"{name} ({code})"

    def project_sentence(self, project: dict) -> str:
        title = self.pick(project["title"])
        # "Dự án “Dự án Khu vực…”" is a seam: a title that names its own kind stands alone.
        if words(title)[:1] in (["dự"], ["chương"], ["project"], ["programme"], ["the"]):
            text = title
        else:
            text = _("Dự án “{title}”").format(title=title)
        donors = [self.partner_name(p) for p in project["donors"]]
        if donors:
            text = _("{project} do {donors} tài trợ").format(
                project=text, donors=self.join_names(donors)
            )
        if project["channel"]:
            text = _("{project} thông qua {channel}").format(
                project=text, channel=self.partner_name(project["channel"])
            )
        return text

    def add_detail(self, text: str, extra: str) -> str:
        """Append a description or outcome; a purpose clause continues the sentence."""
        extra = extra.strip()
        if not extra or repeats(text, extra):
            return text
        if extra.startswith(self.purpose_openings):
            return f"{text.rstrip('.')}{self.purpose_joiner}{extra[0].lower()}{extra[1:]}"
        return f"{text.rstrip('.')}. {extra}"

    purpose_joiner = " "

    def activity_sentence(self, fact) -> str:
        """An activity in its own words, then the records it logs, then its outcome."""
        activity = fact.activity
        text = self.pick(activity["title"])
        meeting = fact.data.get("meeting")
        if meeting:
            details = "" if meeting["key"] in self.described else self.meeting_when_where(meeting)
            self.described.add(meeting["key"])
            if details:
                if any(word in text.lower() for word in self.organised_words):
                    text = f"{text}, {details}"
                else:
                    text = _("{text}, được tổ chức {details}").format(text=text, details=details)
        elif activity["kind"].startswith("meeting_") and activity["date_precision"] == "day":
            start = date.fromisoformat(activity["start"])
            finish = date.fromisoformat(activity["end"]) if activity["end"] else None
            details = self.date_range(start, finish)
            where = self.place(self.pick(activity["city"]), activity["country"])
            if where:
                details = _("{dates} tại {place}").format(dates=details, place=where)
            text = f"{text}, {details}"
        instruments = [self.instrument_ref(i) for i in activity["instruments"]]
        if instruments:
            text = f"{text} ({self.join(instruments)})"
        listed = [
            self.pick(d["title"])
            for d in activity["documents"]
            if not repeats(text, self.pick(d["title"]))
        ]
        listed += [self.project_sentence(p) for p in activity["projects"]]
        if listed:
            text = f"{text}: {self.join(listed)}"
        for extra in (activity["description"], activity["outcome"]):
            text = self.add_detail(text, self.pick(extra))
        return text

    # --- register facts (no activity logs them) ---------------------------------------

    def documents_sentence(self, fact) -> str:
        titles = [self.pick(d["title"]) for d in fact.data["documents"]]
        if fact.data.get("with_partners"):
            return _(
                "Tham gia góp ý kiến các nội dung về môi trường trong các văn kiện giữa ASEAN "
                "và các đối tác: {titles}"
            ).format(titles=self.join(titles))
        if fact.data.get("drafted"):
            return _("Tham gia thảo luận, xây dựng {title}").format(title=titles[0])
        meeting = fact.data.get("meeting")
        if meeting is None:
            return _("Tham gia góp ý kiến các văn kiện ASEAN về môi trường: {titles}").format(
                titles=self.join(titles)
            )
        self.described.add(meeting["key"])
        return _(
            "Tham gia góp ý kiến các nội dung về môi trường trong các văn kiện {meeting} "
            "tổ chức tại {place}: {titles}"
        ).format(
            meeting=self.meeting_name(meeting),
            place=self.place(self.pick(meeting["city"]), meeting["country"]),
            titles=self.join(titles),
        )

    def instruments_sentence(self, facts) -> str:
        sentences = [self.instrument_sentence(i) for f in facts for i in f.data["instruments"]]
        return self.join_names(sentences)

    def hosted_sentence(self, fact) -> str:
        meeting = fact.data["meeting"]
        text = _("Tổ chức thành công {meeting}").format(meeting=self.meeting_mention(meeting))
        certified = fact.data.get("parks_certified", 0)
        if certified:
            text = self.add_detail(text, self.parks_certified_sentence(certified))
        elif self.language == "vi" and meeting["outcome"]["vi"]:
            text = self.add_detail(text, meeting["outcome"]["vi"])
        return text

    def parks_certified_sentence(self, n: int) -> str:
        return ngettext(
            "Tại Hội nghị này, {count} Vườn di sản ASEAN mới của Việt Nam đã được trao Chứng "
            "nhận Vườn di sản ASEAN",
            "Tại Hội nghị này, {count} Vườn di sản ASEAN mới của Việt Nam đã được trao Chứng "
            "nhận Vườn di sản ASEAN",
            n,
        ).format(count=self.count(n))

    def parks_sentence(self, fact) -> str:
        parks = fact.data["parks"]
        return ngettext(
            "Hoàn thành các thủ tục công nhận Danh hiệu Vườn di sản ASEAN cho {count} khu bảo "
            "tồn của Việt Nam: {names}",
            "Hoàn thành các thủ tục công nhận Danh hiệu Vườn di sản ASEAN cho {count} khu bảo "
            "tồn của Việt Nam: {names}",
            len(parks),
        ).format(count=self.count(len(parks)), names=self.join_names([self.pick(p) for p in parks]))

    def eco_award_sentence(self, fact) -> str:
        data = fact.data
        text = _(
            "Tổ chức Giải thưởng Trường học Sinh thái ASEAN Việt Nam năm {year} với chủ đề "
            "“{theme}”"
        ).format(year=data["year"], theme=self.pick(data["theme"]))
        if data["school"]:
            school = ", ".join(part for part in (data["school"], data["province"]) if part)
            text += _(", trao cho {school}").format(school=school)
        if data["sponsor"]:
            text += _(", với sự đồng hành của nhà tài trợ {sponsor}").format(
                sponsor=data["sponsor"]
            )
        return text

    def esc_sentence(self, data: dict) -> str:
        from heritage_parks.models import EscAward

        cities = [
            _("{city} ({province})").format(city=self.pick(a["city"]), province=a["province"])
            if a["province"]
            else self.pick(a["city"])
            for a in data["awards"]
        ]
        if data["round_kind"] == "award":
            text = _(
                "Tham gia xét duyệt và thông qua kết quả Giải thưởng Thành phố Bền vững về Môi "
                "trường ASEAN lần thứ {edition}"
            ).format(edition=data["edition"])
            if data["regional_recipients"]:
                n = data["regional_recipients"]
                text += ngettext(
                    " ({count} thành phố nhận giải thưởng",
                    " ({count} thành phố nhận giải thưởng",
                    n,
                ).format(count=self.count(n))
                text += (
                    _("; Việt Nam có {cities})").format(cities=", ".join(cities)) if cities else ")"
                )
        else:
            n = data["regional_recipients"] or len(cities)
            text = ngettext(
                "thông qua danh sách {count} thành phố nhận Chứng nhận Công nhận lần thứ {edition}",
                "thông qua danh sách {count} thành phố nhận Chứng nhận Công nhận lần thứ {edition}",
                n,
            ).format(count=self.count(n), edition=data["edition"])
            categories = self.pick(data["categories"])
            if categories:
                listed = [c.strip() for c in categories.replace("\n", ";").split(";") if c.strip()]
                text += _(" cho các hạng mục: {categories}").format(
                    categories=self.join_names(listed)
                )
            awarded = [
                _("{city} ở hạng mục {category}").format(
                    city=self.pick(a["city"]), category=EscAward.Category(a["category"]).label
                )
                for a in data["awards"]
            ]
            if awarded:
                text += _(" (Việt Nam có {cities} được trao chứng nhận)").format(
                    cities=", ".join(awarded)
                )
        if data["presented_at"]:
            text += _(", trao tại {meeting}").format(
                meeting=self.meeting_mention(data["presented_at"])
            )
        return text

    def task_result_sentence(self, fact) -> str:
        title = self.pick(fact.data["task"]["title"])
        if fact.kind == "task_in_progress":
            return _("{title} (đang thực hiện)").format(title=title)
        return _("{title} (đã hoàn thành)").format(title=title)

    def fact_sentence(self, fact) -> str:
        """One fact as a sentence: in the activity's words when an activity logs it."""
        if fact.activity is not None:
            if fact.kind == "esc_award_received" and not self.pick(fact.activity["outcome"]):
                rounds = [self.esc_sentence(r) for r in fact.data.get("rounds", [])]
                return self.join([self.activity_sentence(fact), *rounds])
            return self.activity_sentence(fact)
        return {
            "documents_commented": self.documents_sentence,
            "meeting_hosted": self.hosted_sentence,
            "delegations": self.delegations_sentence,
            "parks_recognised": self.parks_sentence,
            "eco_school_award": self.eco_award_sentence,
            "esc_award_received": lambda f: self.esc_sentence(f.data),
            "task_done": self.task_result_sentence,
            "task_in_progress": self.task_result_sentence,
            "instrument_issued": lambda f: self.instruments_sentence([f]),
            "instrument_approved": lambda f: self.instruments_sentence([f]),
            "projects_continued": self.projects_sentence,
        }[fact.kind](fact)

    def projects_sentence(self, fact) -> str:
        listed = self.join([self.project_sentence(p) for p in fact.data["projects"]])
        return _(
            "Tiếp tục tham gia các hoạt động trong khuôn khổ các dự án khu vực: {projects}"
        ).format(projects=listed)
