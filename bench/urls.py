"""The portal's URLs plus two floor pages, for benchmarks only (see bench.settings)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


@login_required
def raw_floor(request):
    """What any signed-in request costs: session, user, middleware, and one word back."""
    return HttpResponse("ok", content_type="text/plain")


@login_required
def layout_floor(request):
    """What every portal page costs before its own content: base.html and nothing else."""
    return render(request, "base.html")


urlpatterns = [
    path("_bench/raw/", raw_floor, name="bench_raw_floor"),
    path("_bench/layout/", layout_floor, name="bench_layout_floor"),
    path("", include("asoen_portal.urls")),
]
