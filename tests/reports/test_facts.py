"""THE FACT TEST: the 2025 report built from the seed records carries every fact of the seed
report's sections II and III (shared/seeds/001_8ed12678faa09b96.txt), read back from the PDF."""

import pytest

from tests.reports.conftest import pdf_text

# Section II: results of 2025.
FACTS_II = [
    "II. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2025",
    # II.1 Vietnam's voice
    "Hội nghị Cấp cao ASEAN lần thứ 47",
    "Kuala Lumpur, Malaysia",
    "Tuyên bố ASEAN về quyền đối với môi trường an toàn, sạch, trong lành và bền vững",
    "Tuyên bố ASEAN về thúc đẩy quyền phát triển và quyền hòa bình",
    "Thỏa thuận thành lập Trung tâm ASEAN về biến đổi khí hậu",
    "Nghị quyết số 276/NQ-CP ngày 12 tháng 9 năm 2025 của Chính phủ",
    "Trung tâm Điều phối ASEAN về kiểm soát ô nhiễm khói mù xuyên biên giới",
    "Nghị quyết số 372/NQ-CP ngày 19 tháng 11 năm 2025 của Chính phủ",
    "ASOEN 36",
    "từ ngày 28 tháng 7 đến ngày 01 tháng 8 năm 2025",
    "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)",
    "trong các ngày 02-04 tháng 9 năm 2025 tại Langkawi, Malaysia",
    "Hội nghị thường niên của 06 Nhóm công tác ASEAN",
    "Hội nghị lần thứ 23 Nhóm công tác ASEAN về các thành phố bền vững về môi trường",
    "Hội nghị lần thứ 25 Nhóm công tác ASEAN về quản lý tài nguyên nước",
    "Hội nghị lần thứ 16 Nhóm công tác ASEAN về biến đổi khí hậu",
    "Hội nghị lần thứ 26 Nhóm công tác ASEAN về môi trường biển và đới bờ",
    "Hội nghị lần thứ 17 Nhóm công tác ASEAN về giáo dục môi trường",
    "Hội nghị lần thứ 35 Nhóm công tác ASEAN về bảo tồn thiên nhiên và đa dạng sinh học",
    "(CAFBE)",
    "Quảng Tây, Trung Quốc",
    "Diễn đàn Kinh tế tuần hoàn ASEAN năm 2025",
    "TAF-GTEI",
    "ASCC",
    "Indonesia",
    "Philippines",
    "quyền được sống trong môi trường an toàn, sạch sẽ, lành mạnh và bền vững",
    # Highlights of the working groups
    "Một số kết quả nổi bật của các Nhóm công tác",
    "Về bảo tồn thiên nhiên và đa dạng sinh học:",
    "Vườn quốc gia Pù Mát",
    "Khu bảo tồn thiên nhiên và văn hóa Đồng Nai",
    "Vườn quốc gia Xuân Thủy",
    "Hội nghị Vườn di sản ASEAN lần thứ 8 (AHP 8)",
    "trong các ngày 02-04 tháng 12 năm 2025 tại Quảng Ninh",
    "03 Vườn di sản ASEAN mới của Việt Nam",
    "Về các thành phố bền vững về môi trường:",
    "Trưởng nhóm khu vực Nhóm công tác ASEAN về các thành phố bền vững về môi trường "
    "giai đoạn 2023 - 2025",
    "Giải thưởng Thành phố bền vững về môi trường ASEAN lần thứ 6",
    "Hoa Lư",
    "Ninh Bình",
    "1/10",
    "Hải Phòng",
    "Đa dạng sinh học và Không gian xanh",
    "19 thành phố",
    "Về giáo dục môi trường:",
    "Giải thưởng Trường học Sinh thái ASEAN Việt Nam năm 2025",
    "“Trường học không rác thải nhựa”",
    "Về biến đổi khí hậu:",
    "COP30 UNFCCC",
    # II.2 Organisation
    "Quyết định số 5068/QĐ-BNNMT ngày 28 tháng 11 năm 2025",
    "Duy trì hiệu quả cơ chế phối hợp giữa các Nhóm, Đầu mối công tác",
    "Kết nối các Vườn di sản ASEAN (AHP) của Việt Nam",
    "Kết nối Trường học sinh thái ASEAN của Việt Nam",
    # II.3 Partners
    "Khung chiến lược và Kế hoạch hành động hợp tác môi trường ASEAN - Trung Quốc "
    "giai đoạn 2026 - 2030",
    "Tuyên bố chung ASEAN - Nhật Bản",
    "(SPACE)",
    "Chương trình công tác ASEAN - EU về môi trường và biến đổi khí hậu giai đoạn 2025 - 2026",
    "Quản lý chất thải rắn đô thị tích hợp",
    "Quỹ Hợp tác ASEAN - Hàn Quốc",
    "Cơ quan Môi trường Hàn Quốc",
    "quản lý tổng hợp lưu vực sông",
    "Quỹ Môi trường toàn cầu (GEF)",
    "Chương trình Phát triển Liên hợp quốc (UNDP)",
    "SEA-MaP",
    "Ngân hàng Thế giới (WB)",
    "Hiệp hội Phát triển Quốc tế (IDA)",
    "Dự án SGP",
    "Trung tâm Đa dạng sinh học ASEAN (ACB)",
]

# Section III: orientation for 2026.
FACTS_III = [
    "III. ĐỊNH HƯỚNG CÔNG TÁC NĂM 2026",
    "ACCSAP",
    "COP17 CBD",
    "COP31 UNFCCC",
    "(ACCC)",
    "ACC THPC",
    "Trưởng nhóm khu vực Nhóm công tác ASEAN về giáo dục môi trường giai đoạn 2025 - 2028",
    "giai đoạn 2028 - 2031",
    "07 Nhóm công tác ASEAN về môi trường",
    "Hội nghị lần thứ 24 Nhóm công tác ASEAN về các thành phố bền vững về môi trường "
    "(dự kiến tổ chức tại Brunei)",
    "Hội nghị lần thứ 11 Nhóm công tác ASEAN về hóa chất và chất thải "
    "(dự kiến tổ chức tại Indonesia)",
    "Hội nghị lần thứ 26 Nhóm công tác ASEAN về quản lý tài nguyên nước (dự kiến tổ chức tại Lào)",
    "Hội nghị lần thứ 17 Nhóm công tác ASEAN về biến đổi khí hậu (dự kiến tổ chức tại Malaysia)",
    "Hội nghị lần thứ 27 Nhóm công tác ASEAN về môi trường biển và đới bờ "
    "(dự kiến tổ chức tại Myanmar)",
    "Hội nghị lần thứ 18 Nhóm công tác ASEAN về giáo dục môi trường "
    "(dự kiến tổ chức tại Singapore)",
    "Hội nghị lần thứ 36 Nhóm công tác ASEAN về bảo tồn thiên nhiên và đa dạng sinh học "
    "(dự kiến tổ chức tại Việt Nam)",
    "(ASOEN 37) và các hội nghị liên quan (dự kiến tổ chức tại Myanmar)",
    "Tham dự các hội nghị chuyên môn dự kiến tổ chức tại các nước ASEAN trong năm 2026",
    # Hosted in 2026
    "Chủ trì tổ chức thành công các hội nghị ASEAN tại Việt Nam",
    "tháng 6/2026",
    "Cuộc họp lần thứ 13 của Ủy ban Vườn di sản ASEAN",
    "Hội thảo cập nhật Kế hoạch Đa dạng sinh học ASEAN",
    "Hội thảo thẩm định vốn tự nhiên ASEAN",
    "Hội thảo ASEAN về Trung tâm hỗ trợ kỹ thuật - Sáng kiến Nhóm Xanh Châu Âu (TAF-GTEI)",
    "tháng 8-9/2026",
    "lần thứ 21 (COP 21)",
    "lần thứ 21 (COM 21)",
    "Hội nghị lần thứ 11 lực lượng Đặc nhiệm ASEAN về Đất than bùn (ATFP 11)",
    # Partners and the rest
    "quản lý chất thải đô thị, quản lý tổng hợp lưu vực sông, bảo vệ môi trường biển và rạn san hô",
    "Ngân hàng Thế giới (WB)",
    "Quỹ Môi trường toàn cầu (GEF)",
    "Chương trình Phát triển Liên hợp quốc (UNDP)",
    "Bộ Phát triển và Hợp tác Kinh tế Liên bang Đức (BMZ)",
    "Quỹ Hợp tác ASEAN - Hàn Quốc",
    "Thúc đẩy hợp tác công - tư và hợp tác học thuật",
    "2.4. Kiện toàn nhân sự các Nhóm, Đầu mối công tác và Văn phòng ASOEN sau khi 02 Bộ hợp nhất",
    "2.5. Tổ chức sự kiện kỷ niệm 30 năm Việt Nam tham gia ASOEN",
]

HEADING = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
    "ASOEN VIỆT NAM",
    "/BC-ASOEN",
    "Hà Nội, ngày 26 tháng 12 năm 2025",
    "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025, ĐỊNH HƯỚNG CÔNG TÁC NĂM 2026 CỦA ASOEN VIỆT NAM",
    "Nơi nhận:",
    "Lê Công Thành",
]


@pytest.fixture(scope="module")
def vi_text(seed_pdfs):
    return pdf_text(seed_pdfs["vi"])


@pytest.mark.parametrize("fact", FACTS_II)
def test_section_ii_fact_in_pdf(vi_text, fact):
    assert fact in vi_text


@pytest.mark.parametrize("fact", FACTS_III)
def test_section_iii_fact_in_pdf(vi_text, fact):
    assert fact in vi_text


@pytest.mark.parametrize("fact", HEADING)
def test_heading_and_signature_in_pdf(vi_text, fact):
    assert fact in vi_text


def test_sections_in_the_seed_reports_order(vi_text):
    headings = [
        "I. BỐI CẢNH",
        "II. KẾT QUẢ ĐẠT ĐƯỢC NĂM 2025",
        "III. ĐỊNH HƯỚNG CÔNG TÁC NĂM 2026",
        "IV. THUẬN LỢI VÀ KHÓ KHĂN",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    positions = [vi_text.index(heading) for heading in headings]
    assert positions == sorted(positions)


def test_each_record_appears_once(vi_text):
    # Records listed in one block and logged by an activity must not be told twice.
    assert vi_text.count("(dự kiến tổ chức tại Brunei)") == 1
    assert vi_text.count("Nghị quyết số 276/NQ-CP") == 1
    assert vi_text.count("Tăng cường quan hệ với các đối tác phát triển") == 1


def test_secretariat_conference_without_theme_stays_out(vi_text):
    assert "Hội nghị tổng kết công tác năm 2025, triển khai nhiệm vụ năm 2026" not in vi_text


ENGLISH_FACTS = [
    "SOCIALIST REPUBLIC OF VIET NAM",
    "Independence - Freedom - Happiness",
    "Ha Noi, 26 December 2025",
    "Resolution No. 276/NQ-CP dated 12 September 2025",
    "Pu Mat National Park",
    "Xuan Thuy National Park",
    "Dong Nai Nature and Culture Reserve",
    "Hoa Lu",
    "Hai Phong",
    "Plastic-free schools",
    "(AHP 8)",
    "Langkawi, Malaysia",
    "SEA-MaP",
    "COP17",
    "COP31",
    "Biodiversity and Green Space category",
]


@pytest.mark.parametrize("fact", ENGLISH_FACTS)
def test_english_edition_uses_english_names(seed_pdfs, fact):
    assert fact in pdf_text(seed_pdfs["en"])


@pytest.mark.parametrize("vietnamese", ["Không khí sạch", " và ", "Hủy"])
def test_english_edition_leaks_no_vietnamese_connectives_or_labels(seed_pdfs, vietnamese):
    assert vietnamese not in pdf_text(seed_pdfs["en"])
