"""The Python-rendered select gives the same markup as Django's own template-rendered one."""

import pytest
from django import forms
from django.test.html import parse_html
from django.utils.translation import gettext_lazy as _

from asoen_portal.widgets import Select
from meetings.filters import MeetingFilter
from working_groups.filters import ActivityFilter, TaskFilter
from working_groups.forms import TaskStatusForm

CHOICES = [
    ("", _("Tất cả nhóm")),
    ("a&b", 'Hóa chất & "chất thải" <b>'),
    ("Nhóm", [("x", "Xuân Thủy"), ("y", "Pù Mát")]),
    (2026, "2026"),
]


def _both(value, attrs):
    django = forms.Select(choices=CHOICES).render("group", value, attrs)
    ours = Select(choices=CHOICES).render("group", value, attrs)
    return parse_html(django), parse_html(ours), ours


@pytest.mark.parametrize("value", ["", "a&b", "y", 2026, None, "missing"])
@pytest.mark.parametrize(
    "attrs",
    [{}, {"id": "id_group", "required": True, "disabled": False, "data-note": 'say "hi"'}],
)
def test_select_markup_equals_djangos(value, attrs):
    django, ours, html = _both(value, attrs)
    assert ours == django
    # Escaped once, not twice, and the one selected option carries the bare attribute.
    assert "&amp;amp;" not in html
    assert html.count(" selected") == (0 if value == "missing" else 1)


@pytest.mark.parametrize(
    ("filterset", "query"),
    [
        (TaskFilter, "year=2026&status=done&q=%3Cb%3E"),
        (ActivityFilter, "year=2025&group=AWGNCB&kind=&theme="),
        (MeetingFilter, "hosted=hosted&status=held"),
    ],
)
def test_filter_forms_render_as_with_djangos_select(group_ncb, filterset, query):
    from django.http import QueryDict

    form = filterset(QueryDict(query), queryset=filterset._meta.model.objects.all()).form
    ours = [str(form[name]) for name in form.fields]
    for field in form.fields.values():
        if isinstance(field.widget, Select):
            django_widget = forms.Select(attrs=field.widget.attrs)
            django_widget.choices = field.widget.choices
            field.widget = django_widget
    theirs = [str(form[name]) for name in form.fields]
    assert [parse_html(html) for html in ours] == [parse_html(html) for html in theirs]
    assert 'value="AWGNCB"' in "".join(ours) or filterset is not ActivityFilter


def test_task_status_form_select_marks_the_current_status(db):
    from tests.factories import TaskFactory

    task = TaskFactory(status="in_progress")
    html = str(TaskStatusForm.for_task(task)["status"])
    assert f'name="task{task.pk}-status"' in html
    assert '<option value="in_progress" selected>Đang thực hiện</option>' in html
