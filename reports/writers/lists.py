"""Sentences that gather several facts (meetings attended, highlights' lead-ins), the plans
of section III.2 and the report's fixed headings; mixed into `Writer` (base.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from reports.writers.text import repeats


class ListWording:
    # --- section II -------------------------------------------------------------------

    def high_level_sentence(self, meetings: list[dict]) -> str:
        listed = self.join_names([self.meeting_mention(m) for m in meetings])
        return _("Chủ động, tích cực tham gia các nội dung thảo luận tại {meetings}").format(
            meetings=listed
        )

    def group_meetings_sentence(self, meetings: list[dict]) -> str:
        n = len(meetings)
        return ngettext(
            "Tham dự và tích cực đóng góp nội dung tại Hội nghị thường niên của {count} Nhóm "
            "công tác ASEAN về môi trường: {meetings}",
            "Tham dự và tích cực đóng góp nội dung tại các Hội nghị thường niên của {count} "
            "Nhóm công tác ASEAN về môi trường: {meetings}",
            n,
        ).format(
            count=self.count(n), meetings=self.join([self.meeting_mention(m) for m in meetings])
        )

    def other_meetings_sentence(self, meetings: list[dict]) -> str:
        listed = self.join([self.meeting_mention(m) for m in meetings])
        return _("Tham dự các hội nghị chuyên môn tổ chức tại các nước ASEAN: {meetings}").format(
            meetings=listed
        )

    def delegations_sentence(self, fact) -> str:
        """ "Trong năm, Việt Nam đã cử đoàn tham dự 12 hội nghị; 05 lượt đại biểu do đối tác
        tài trợ": the funding clause only when the delegation lists name partner-funded
        delegates (no list typed in, or none funded, is not news a signer would sign)."""
        meetings = fact.data["meetings"]
        text = ngettext(
            "Trong năm, Việt Nam đã cử đoàn tham dự {count} hội nghị",
            "Trong năm, Việt Nam đã cử đoàn tham dự {count} hội nghị",
            meetings,
        ).format(count=self.count(meetings))
        funded = fact.data["partner_funded"]
        if funded:
            text += ngettext(
                "; {count} lượt đại biểu do đối tác tài trợ",
                "; {count} lượt đại biểu do đối tác tài trợ",
                funded,
            ).format(count=self.count(funded))
        return text

    def highlights_lead(self) -> str:
        return _("Một số kết quả nổi bật của các Nhóm công tác:")

    def group_lead(self, group: dict | None) -> str:
        if group is None:
            return _("Về các chương trình hợp tác ASEAN:")
        name = self.pick(group["name"])
        for prefix in ("Nhóm công tác ASEAN về ", "ASEAN Working Group on "):
            if name.startswith(prefix):
                name = name[len(prefix) :]
                name = name.lower() if prefix.startswith("ASEAN") else name
                break
        return _("Về {topic}:").format(topic=name)

    def nothing_recorded(self) -> str:
        return _("Chưa có kết quả nào được ghi nhận trong dữ liệu của năm.")

    # --- section III.2 ----------------------------------------------------------------

    def task_sentence(self, fact, attached: str = "") -> str:
        """The task's title, then the list it carries or its description (unless the
        description only repeats the title)."""
        task = fact.data["task"]
        text = self.pick(task["title"])
        if attached:
            return f"{text}: {attached}"
        description = self.pick(task["description"])
        if description and not repeats(text, description):
            return f"{text}: {description.rstrip('.')}"
        return text

    def annual_meetings_list(self, meetings: list[dict]) -> str:
        return self.join([self.meeting_planned(m) for m in meetings])

    def annual_meetings_sentence(self, meetings: list[dict]) -> str:
        groups = sum(1 for m in meetings if m["series_kind"] == "working_group")
        return ngettext(
            "Duy trì sự hiện diện đầy đủ tại hội nghị thường niên của {count} Nhóm công tác "
            "ASEAN về môi trường: {meetings}",
            "Duy trì sự hiện diện đầy đủ tại các hội nghị thường niên của {count} Nhóm công tác "
            "ASEAN về môi trường: {meetings}",
            groups,
        ).format(count=self.count(groups), meetings=self.annual_meetings_list(meetings))

    def abroad_sentence(self, meetings: list[dict]) -> str:
        return _("Tham dự {meetings}").format(
            meetings=self.join([self.meeting_planned(m) for m in meetings])
        )

    def hosted_names(self, meetings: list[dict]) -> str:
        return self.join([self.meeting_name(m) for m in meetings])

    def hosted_month_line(self, year: int, month_key: str, meetings: list[dict]) -> str:
        month, end_month = (int(part) for part in month_key.split("-"))
        if month == 13:
            when = _("Trong năm")
        else:
            span = self.month_span(year, month, end_month or None)
            when = span[:1].upper() + span[1:]
        return f"{when}: {self.hosted_names(meetings)}"

    def partners_sentence(self, partners: list[dict]) -> str:
        listed = self.join_names([self.partner_name(p) for p in partners])
        return _(
            "Tăng cường quan hệ với các đối tác phát triển và quỹ tài trợ quốc tế: {partners}"
        ).format(partners=listed)

    def plan_section_title(self, theme: str, hosted: bool, year: int) -> str:
        if hosted:
            return _(
                "Chủ trì tổ chức thành công các hội nghị ASEAN tại Việt Nam trong năm {year}"
            ).format(year=year)
        return {
            "voice": _("Tiếp tục thúc đẩy vai trò và tiếng nói của Việt Nam trong ASEAN"),
            "partners": _("Đẩy mạnh hợp tác giữa ASEAN với các đối tác về môi trường"),
            "organisation": _("Kiện toàn tổ chức, tăng cường kết nối và phối hợp"),
        }.get(theme, _("Các nhiệm vụ khác"))

    # --- fixed headings ---------------------------------------------------------------

    def heading(self, name: str, year: int) -> str:
        next_year = year + 1
        return {
            "context": _("BỐI CẢNH"),
            "context_international": _("Bối cảnh quốc tế và khu vực ASEAN"),
            "context_domestic": _("Bối cảnh trong nước"),
            "results": _("KẾT QUẢ ĐẠT ĐƯỢC NĂM {year}").format(year=year),
            "voice": _(
                "Thúc đẩy vai trò và tiếng nói của Việt Nam trong hợp tác ASEAN về môi trường"
            ),
            "organisation": _(
                "Kiện toàn cơ cấu tổ chức, tăng cường kết nối, hỗ trợ kỹ thuật và phối hợp đa ngành"
            ),
            "partners": _("Đẩy mạnh hợp tác giữa ASEAN và các đối tác về môi trường"),
            "orientation": _("ĐỊNH HƯỚNG CÔNG TÁC NĂM {year}").format(year=next_year),
            "orientation_intro": _("Các định hướng lớn của ASEAN cho năm {year}").format(
                year=next_year
            ),
            "tasks": _("Các nhiệm vụ cụ thể của ASOEN Việt Nam"),
            "assessment": _("THUẬN LỢI VÀ KHÓ KHĂN"),
            "advantages": _("Thuận lợi"),
            "difficulties": _("Khó khăn"),
            "proposals": _("ĐỀ XUẤT, KIẾN NGHỊ"),
            "title": _(
                "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM {year}, ĐỊNH HƯỚNG CÔNG TÁC NĂM {next_year} "
                "CỦA ASOEN VIỆT NAM"
            ).format(year=year, next_year=next_year),
            "national_name": _("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "motto": _("Độc lập - Tự do - Hạnh phúc"),
            "recipients": _("Nơi nhận:"),
            "annex": _("PHỤ LỤC: DANH MỤC HOẠT ĐỘNG NĂM {year}").format(year=year),
            "draft": _("DỰ THẢO"),
        }[name]

    def annex_headers(self) -> list[str]:
        return [_("Ngày"), _("Nhóm"), _("Hoạt động"), _("Địa điểm")]

    def number_line(self, number: str) -> str:
        # An unnumbered draft leaves room for the number, as the clerk writes it in by hand.
        return _("Số: {number}").format(number=number or "\u00a0" * 8 + "/BC-ASOEN")
