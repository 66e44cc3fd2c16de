"""The standard preparation steps of an international meeting Vietnam hosts, as a template
the secretariat can edit; offsets are days from the opening day."""

from django.db import migrations

NAME = "Hội nghị quốc tế do Việt Nam chủ trì"
STEPS = [
    # (title, title_en, offset_days, owner_kind, owner_name)
    ("Xin chủ trương tổ chức hội nghị quốc tế", "Obtain approval to host the meeting", -120, "named", "Văn phòng ASOEN"),
    ("Lập dự toán và trình phê duyệt kinh phí", "Prepare and submit the budget for approval", -90, "named", "Văn phòng ASOEN"),
    ("Gửi thư mời", "Send the invitations", -60, "named", "Văn phòng ASOEN"),
    ("Chọn và đặt địa điểm hội nghị", "Choose and book the venue", -60, "group_lead", ""),
    ("Gửi thư hỗ trợ thị thực cho đại biểu", "Send visa support letters", -45, "named", "Văn phòng ASOEN"),
    ("Thuê phiên dịch", "Engage interpreters", -30, "named", "Văn phòng ASOEN"),
    ("Hoàn thiện chương trình nghị sự và tài liệu", "Finalise the agenda and documents", -14, "group_lead", ""),
    ("Kiểm tra hội trường và thiết bị", "Check the meeting room and equipment", -2, "named", "Văn phòng ASOEN"),
    ("Báo cáo kết quả hội nghị", "Report on the meeting's outcome", 14, "group_lead", ""),
]


def create(apps, schema_editor):
    Template = apps.get_model("meetings", "ChecklistTemplate")
    Item = apps.get_model("meetings", "ChecklistTemplateItem")
    template, _ = Template.objects.get_or_create(
        name=NAME, defaults={"name_en": "International meeting hosted by Vietnam"}
    )
    for order, (title, title_en, offset, owner_kind, owner_name) in enumerate(STEPS, start=1):
        Item.objects.get_or_create(
            template=template,
            title=title,
            defaults={
                "title_en": title_en,
                "offset_days": offset,
                "owner_kind": owner_kind,
                "owner_name": owner_name,
                "order": order * 10,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("meetings", "ChecklistTemplate").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0005_checklist_templates")]

    operations = [migrations.RunPython(create, remove)]
