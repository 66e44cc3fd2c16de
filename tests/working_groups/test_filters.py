import pytest

from working_groups.filters import ActivityFilter, TaskFilter
from working_groups.models import Activity, Task


@pytest.mark.django_db  # the select offers the years that have records
@pytest.mark.parametrize(("filterset", "model"), [(ActivityFilter, Activity), (TaskFilter, Task)])
def test_year_select_opens_on_all_years(filterset, model):
    form = filterset({}, queryset=model.objects.none()).form

    first_option = str(form["year"]).split("<option", 2)[1]

    assert 'value="" selected' in first_option
    assert "Tất cả các năm" in first_option
