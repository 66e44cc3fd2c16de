"""factory_boy factories for the domain models. Role fixtures live in tests/conftest.py."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cooperation.models import LegalInstrument, Partner, PartnerProject
from meetings.models import ChecklistItem, Meeting, MeetingSeries
from working_groups.models import Activity, FocalPerson, Task, WorkingGroup


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        # The groups hook only adds m2m rows; the user needs no second save.
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Nguyễn Văn"
    last_name = factory.Sequence(lambda n: f"An {n}")
    password = factory.django.Password("asoen-test-pass")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get_or_create(name=name)[0])


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"AWGT{n}")
    name = factory.Sequence(lambda n: f"Nhóm công tác thử nghiệm {n}")
    name_en = factory.Sequence(lambda n: f"Test working group {n}")


class FocalPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPerson

    working_group = factory.SubFactory(WorkingGroupFactory)
    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Trần Thị Bình {n}")
    role = FocalPerson.Role.LEAD


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"SER{n}")
    kind = MeetingSeries.Kind.WORKING_GROUP
    name = factory.Sequence(lambda n: f"Hội nghị thử nghiệm {n}")
    name_en = factory.Sequence(lambda n: f"Test meeting {n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    series = factory.SubFactory(MeetingSeriesFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"{o.series.name} lần thứ {o.number}")
    year = 2026
    start_date = datetime.date(2026, 6, 15)
    end_date = datetime.date(2026, 6, 17)
    city = "Hà Nội"
    country = "VN"
    is_hosted = True


class ChecklistItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChecklistItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Chuẩn bị hội trường {n}")
    owner_name = "Văn phòng ASOEN"
    deadline = datetime.date(2026, 6, 1)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    working_group = factory.SubFactory(WorkingGroupFactory)
    kind = Activity.Kind.MEETING_ATTENDED
    title = factory.Sequence(lambda n: f"Tham dự hội thảo về đa dạng sinh học số {n}")
    description = "Đoàn Việt Nam tham dự và góp ý kiến."
    start_date = datetime.date(2025, 7, 28)
    city = "Kuala Lumpur"
    country = "MY"


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    year = 2026
    title = factory.Sequence(lambda n: f"Nhiệm vụ thử nghiệm số {n}")
    working_group = factory.SubFactory(WorkingGroupFactory)
    due_date = datetime.date(2026, 12, 31)


class LegalInstrumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalInstrument

    number = factory.Sequence(lambda n: f"{n + 100}/NQ-CP")
    kind = LegalInstrument.Kind.RESOLUTION
    issuer = "Chính phủ"
    issued_on = datetime.date(2025, 9, 12)
    title = "Phê duyệt Thỏa thuận thử nghiệm"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"P{n}")
    name = factory.Sequence(lambda n: f"Đối tác {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    kind = Partner.Kind.FUND


class PartnerProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerProject

    code = factory.Sequence(lambda n: f"PRJ{n}")
    title = factory.Sequence(lambda n: f"Dự án hợp tác thử nghiệm {n}")
    channel = factory.SubFactory(PartnerFactory)
    status = PartnerProject.Status.ONGOING
