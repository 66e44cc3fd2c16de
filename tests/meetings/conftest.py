import datetime

import pytest

from tests.factories import ChecklistItemFactory, MeetingFactory, MeetingSeriesFactory


@pytest.fixture
def ncb_meeting(group_ncb):
    """AWGNCB 36, hosted by Vietnam in June 2026."""
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb, name="Hội nghị AWGNCB")
    return MeetingFactory(
        series=series,
        number=36,
        title="Hội nghị Nhóm công tác ASEAN về bảo tồn thiên nhiên lần thứ 36",
        start_date=datetime.date(2026, 6, 15),
        end_date=datetime.date(2026, 6, 17),
        city="Hà Nội",
        is_hosted=True,
    )


@pytest.fixture
def cc_meeting(group_cc):
    """AWGCC 17, attended in Malaysia."""
    series = MeetingSeriesFactory(code="AWGCC", working_group=group_cc, name="Hội nghị AWGCC")
    return MeetingFactory(
        series=series,
        number=17,
        title="Hội nghị Nhóm công tác ASEAN về biến đổi khí hậu lần thứ 17",
        start_date=datetime.date(2026, 6, 29),
        end_date=datetime.date(2026, 7, 1),
        city="Kuala Lumpur",
        country="MY",
        is_hosted=False,
    )


@pytest.fixture
def ncb_item(ncb_meeting):
    return ChecklistItemFactory(
        meeting=ncb_meeting, title="Đặt phòng họp", deadline=datetime.date(2026, 6, 1)
    )
