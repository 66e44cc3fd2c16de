"""Programme registers: ASEAN Heritage Parks, Eco-school awards, ESC awards. Everyone signed in
reads; the secretariat creates and edits (heritage_parks.services enforces it)."""

from functools import partial

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from asoen_portal import access
from asoen_portal.registers import record_form_page
from asoen_portal.text import fold
from heritage_parks import services
from heritage_parks.forms import (
    EcoSchoolAwardForm,
    EscAwardForm,
    EscAwardRoundForm,
    HeritageParkForm,
)
from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
from working_groups.models import Activity

AHP_PROGRAMME = "AHP"


@login_required
def park_list(request):
    parks = HeritagePark.objects.select_related("certificate_meeting__series")
    return render(
        request,
        "heritage_parks/heritagepark_list.html",
        {"parks": parks, "can_edit": access.can_manage_registers(request.user)},
    )


def park_activities(park):
    """Activities of the AHP programme that name the park or took place where its
    certificate was handed over."""
    concerns = Q(search_text__contains=fold(park.name))
    if park.certificate_meeting_id:
        concerns |= Q(meeting_id=park.certificate_meeting_id)
    return (
        Activity.objects.filter(concerns, programmes__code=AHP_PROGRAMME)
        .select_related("working_group")
        .order_by("-start_date", "-id")
    )


@login_required
def park_detail(request, pk):
    park = get_object_or_404(
        HeritagePark.objects.select_related("certificate_meeting__series"), pk=pk
    )
    return render(
        request,
        "heritage_parks/heritagepark_detail.html",
        {
            "park": park,
            "activities": park_activities(park),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def park_create(request):
    return record_form_page(
        request,
        HeritageParkForm(request.POST or None),
        services.create_heritage_park,
        title=_("Thêm Vườn di sản ASEAN"),
        cancel_url=reverse("heritage_parks:list"),
        success_url=lambda park: reverse("heritage_parks:detail", args=[park.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def park_edit(request, pk):
    park = get_object_or_404(HeritagePark, pk=pk)
    return record_form_page(
        request,
        HeritageParkForm(request.POST or None, instance=park),
        partial(services.update_heritage_park, park=park),
        title=_("Sửa Vườn di sản ASEAN"),
        cancel_url=reverse("heritage_parks:detail", args=[park.pk]),
        success_url=lambda park: reverse("heritage_parks:detail", args=[park.pk]),
    )


@login_required
def eco_school_list(request):
    return render(
        request,
        "heritage_parks/ecoschoolaward_list.html",
        {
            "awards": EcoSchoolAward.objects.all(),
            "can_edit": access.can_manage_registers(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def eco_school_create(request):
    return record_form_page(
        request,
        EcoSchoolAwardForm(request.POST or None),
        services.record_eco_school_award,
        title=_("Thêm Giải thưởng Trường học sinh thái ASEAN"),
        cancel_url=reverse("heritage_parks:eco_schools"),
        success_url=reverse("heritage_parks:eco_schools"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def eco_school_edit(request, pk):
    award = get_object_or_404(EcoSchoolAward, pk=pk)
    return record_form_page(
        request,
        EcoSchoolAwardForm(request.POST or None, instance=award),
        partial(services.update_eco_school_award, award=award),
        title=_("Sửa Giải thưởng Trường học sinh thái ASEAN"),
        cancel_url=reverse("heritage_parks:eco_schools"),
        success_url=reverse("heritage_parks:eco_schools"),
    )


@login_required
def esc_list(request):
    rounds = EscAwardRound.objects.select_related("presented_at__series").prefetch_related(
        Prefetch("awards", queryset=EscAward.objects.order_by("city", "category"))
    )
    return render(
        request,
        "heritage_parks/escawardround_list.html",
        {"rounds": rounds, "can_edit": access.can_manage_registers(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def esc_round_create(request):
    return record_form_page(
        request,
        EscAwardRoundForm(request.POST or None),
        services.create_esc_round,
        title=_("Thêm đợt Giải thưởng ESC"),
        cancel_url=reverse("heritage_parks:esc"),
        success_url=reverse("heritage_parks:esc"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def esc_round_edit(request, pk):
    esc_round = get_object_or_404(EscAwardRound, pk=pk)
    return record_form_page(
        request,
        EscAwardRoundForm(request.POST or None, instance=esc_round),
        partial(services.update_esc_round, esc_round=esc_round),
        title=_("Sửa đợt Giải thưởng ESC"),
        cancel_url=reverse("heritage_parks:esc"),
        success_url=reverse("heritage_parks:esc"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def esc_award_create(request, round_pk):
    esc_round = get_object_or_404(EscAwardRound, pk=round_pk)
    return record_form_page(
        request,
        EscAwardForm(request.POST or None, esc_round=esc_round),
        partial(services.add_esc_award, esc_round=esc_round),
        title=_("Thêm thành phố được trao — {round}").format(round=esc_round),
        cancel_url=reverse("heritage_parks:esc"),
        success_url=reverse("heritage_parks:esc"),
    )


@login_required
@require_http_methods(["GET", "POST"])
def esc_award_edit(request, pk):
    award = get_object_or_404(EscAward.objects.select_related("round"), pk=pk)
    return record_form_page(
        request,
        EscAwardForm(request.POST or None, instance=award, esc_round=award.round),
        partial(services.update_esc_award, award=award),
        title=_("Sửa thành phố được trao — {round}").format(round=award.round),
        cancel_url=reverse("heritage_parks:esc"),
        success_url=reverse("heritage_parks:esc"),
    )
