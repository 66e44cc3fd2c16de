"""Demo accounts and generated volume data, for trying the portal and for benchmarks."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.db import transaction

from asoen_portal.access import LEADERSHIP, SECRETARIAT
from asoen_portal.roles import set_up_roles

DEMO_PASSWORD = "asoen-demo"
FOCAL_NAMES = [
    ("Phạm Thị", "Lan"),
    ("Hoàng Văn", "Nam"),
    ("Vũ Thị", "Mai"),
    ("Đỗ Minh", "Tuấn"),
    ("Bùi Thị", "Hạnh"),
    ("Đặng Văn", "Long"),
    ("Ngô Thị", "Thảo"),
    ("Lý Văn", "Đức"),
]


@transaction.atomic
def create_demo_accounts():
    """secretariat, leadership, focal-<code> for each group and quan-tri (IT staff, the only
    admin user); returns the usernames."""
    from working_groups.models import FocalPerson, WorkingGroup

    User = get_user_model()
    roles = set_up_roles()
    secretariat_group, leadership_group = roles[SECRETARIAT], roles[LEADERSHIP]

    def account(username, first_name, last_name, *, group=None, staff=False):
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first_name, last_name
        user.email = f"{username}@asoen.example.vn"
        # Only IT staff use the admin; the secretariat works in the portal.
        user.is_staff = user.is_superuser = staff
        user.set_password(DEMO_PASSWORD)
        user.save()
        if group:
            user.groups.add(group)
        return user

    # People's names, not role descriptions ("Văn phòng ASOEN", "Cán bộ đầu mối"): a name
    # reads the same in both languages, while the role is shown (translated) beside it.
    names = [
        account("secretariat", "Nguyễn Thu", "Hà", group=secretariat_group).username,
        account("leadership", "Trần Quốc", "Minh", group=leadership_group).username,
    ]
    for index, group in enumerate(WorkingGroup.objects.order_by("code")):
        username = f"focal-{group.code.lower()}"
        first_name, last_name = FOCAL_NAMES[index % len(FOCAL_NAMES)]
        user = account(username, first_name, last_name)
        FocalPerson.objects.update_or_create(
            working_group=group,
            user=user,
            defaults={
                "full_name": user.get_full_name(),
                "role": FocalPerson.Role.LEAD,
                "email": user.email,
            },
        )
        names.append(username)
    names.append(account("quan-tri", "Lê Quang", "Huy", staff=True).username)
    return names


TOPICS = [
    ("bảo tồn đa dạng sinh học", "AWGNCB"),
    ("Vườn di sản ASEAN", "AWGNCB"),
    ("thích ứng với biến đổi khí hậu", "AWGCC"),
    ("thị trường carbon", "AWGCC"),
    ("quản lý tổng hợp tài nguyên nước", "AWGWRM"),
    ("lưu vực sông Mê Công", "AWGWRM"),
    ("rác thải nhựa đại dương", "AWGCME"),
    ("bảo vệ rạn san hô và đới bờ", "AWGCME"),
    ("trường học sinh thái", "AWGEE"),
    ("giáo dục vì sự phát triển bền vững", "AWGEE"),
    ("thành phố bền vững về môi trường", "AWGESC"),
    ("chất lượng không khí đô thị", "AWGESC"),
    ("quản lý hóa chất và chất thải nguy hại", "AWGCW"),
    ("trách nhiệm mở rộng của nhà sản xuất (EPR)", "AWGCW"),
    ("ô nhiễm khói mù xuyên biên giới", "AATHP"),
    ("quản lý đất than bùn", "AATHP"),
]
ACTIONS = [
    "Tham dự hội thảo khu vực về",
    "Góp ý dự thảo kế hoạch hành động ASEAN về",
    "Tổ chức tọa đàm quốc gia về",
    "Chia sẻ kinh nghiệm của Việt Nam về",
    "Tham gia khóa đào tạo nâng cao năng lực về",
    "Xây dựng báo cáo quốc gia về",
    "Làm việc với đối tác phát triển về",
]
PLACES = [
    ("Hà Nội", "VN"),
    ("Đà Nẵng", "VN"),
    ("Hạ Long", "VN"),
    ("Cần Thơ", "VN"),
    ("Jakarta", "ID"),
    ("Bangkok", "TH"),
    ("Kuala Lumpur", "MY"),
    ("Manila", "PH"),
    ("Singapore", "SG"),
    ("Viêng Chăn", "LA"),
    ("Phnôm Pênh", "KH"),
    ("Bandar Seri Begawan", "BN"),
]
OUTCOMES = [
    "Việt Nam đóng góp ý kiến được ghi nhận trong văn kiện cuối cùng.",
    "Thống nhất kế hoạch triển khai năm tới giữa các nước thành viên.",
    "Xác định được ba đề xuất dự án hợp tác khu vực.",
    "Nâng cao năng lực cho cán bộ đầu mối của các Nhóm công tác.",
]


def generate_demo_data(*, activities=0, meetings=0, tasks=0, year=None, seed=2025, batch=2000):
    """Bulk-create realistic Vietnamese records spread over years and groups.

    Benchmarks need tens of thousands of rows in seconds, so this writes with bulk_create and
    computes the search text itself; it keeps no audit history (it is not anyone's change).
    Returns the counts created.
    """
    from meetings.models import Meeting, MeetingSeries
    from working_groups.models import Activity, Task, WorkingGroup

    rng = random.Random(seed)
    groups = {g.code: g for g in WorkingGroup.objects.all()}
    if not groups:
        raise ValueError("No working groups: run load_seed first.")
    kinds = [k for k, _ in Activity.Kind.choices]
    themes = ["voice", "organisation", "partners", ""]
    years = [year] if year else list(range(2010, 2027))

    created = {"activities": 0, "meetings": 0, "tasks": 0}
    rows = []
    for i in range(activities):
        topic, code = rng.choice(TOPICS)
        city, country = rng.choice(PLACES)
        start = datetime.date(rng.choice(years), rng.randint(1, 12), rng.randint(1, 28))
        activity = Activity(
            working_group=groups.get(code),
            kind=rng.choice(kinds),
            theme=rng.choice(themes),
            title=f"{rng.choice(ACTIONS)} {topic} ({i + 1})",
            description=f"Đoàn công tác của Việt Nam trao đổi về {topic} với các nước ASEAN.",
            outcome=rng.choice(OUTCOMES),
            start_date=start,
            end_date=start + datetime.timedelta(days=rng.randint(0, 3)),
            city=city,
            country=country,
        )
        activity.refresh_search_text()
        rows.append(activity)
        if len(rows) >= batch:
            Activity.objects.bulk_create(rows)
            created["activities"] += len(rows)
            rows = []
    if rows:
        Activity.objects.bulk_create(rows)
        created["activities"] += len(rows)

    series = list(MeetingSeries.objects.filter(kind=MeetingSeries.Kind.WORKING_GROUP))
    if meetings and not series:
        raise ValueError("No working-group meeting series: run load_seed first.")
    # Generated editions are numbered from 1000 up so they never collide with real ones.
    next_number = {s.pk: 1000 for s in series}
    rows = []
    for _ in range(meetings):
        s = rng.choice(series)
        number = next_number[s.pk]
        next_number[s.pk] += 1
        city, country = rng.choice(PLACES)
        start = datetime.date(rng.choice(years), rng.randint(1, 12), rng.randint(1, 25))
        rows.append(
            Meeting(
                series=s,
                number=number,
                title=f"{s.name} lần thứ {number}",
                title_en=f"{s.name_en}, edition {number}",
                year=start.year,
                month=start.month,
                start_date=start,
                end_date=start + datetime.timedelta(days=2),
                city=city,
                country=country,
                is_hosted=country == "VN",
                status=Meeting.Status.HELD if start.year < 2026 else Meeting.Status.PLANNED,
            )
        )
    Meeting.objects.bulk_create(rows, batch_size=batch)
    created["meetings"] = len(rows)

    rows = []
    statuses = [s for s, _ in Task.Status.choices]
    for i in range(tasks):
        topic, code = rng.choice(TOPICS)
        task_year = rng.choice(years)
        rows.append(
            Task(
                year=task_year,
                title=f"Nhiệm vụ {i + 1}: {rng.choice(ACTIONS).lower()} {topic}",
                working_group=groups.get(code),
                due_date=datetime.date(task_year, rng.randint(1, 12), 28),
                status=rng.choice(statuses),
                progress=rng.choice([0, 25, 50, 75, 100]),
            )
        )
    Task.objects.bulk_create(rows, batch_size=batch, ignore_conflicts=True)
    created["tasks"] = len(rows)
    return created
