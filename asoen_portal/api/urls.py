from django.urls import include, path, re_path
from rest_framework.routers import DefaultRouter

from . import docs, token_views, views

app_name = "api"

router = DefaultRouter()
router.include_root_view = False
router.register("working-groups", views.WorkingGroupViewSet, basename="working-group")
router.register("focal-persons", views.FocalPersonViewSet, basename="focal-person")
router.register("activities", views.ActivityViewSet, basename="activity")
router.register("tasks", views.TaskViewSet, basename="task")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("checklist-items", views.ChecklistItemViewSet, basename="checklist-item")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("heritage-parks", views.HeritageParkViewSet, basename="heritage-park")
router.register("eco-school-awards", views.EcoSchoolAwardViewSet, basename="eco-school-award")
router.register("esc-award-rounds", views.EscAwardRoundViewSet, basename="esc-award-round")
router.register("instruments", views.LegalInstrumentViewSet, basename="instrument")
router.register("asean-documents", views.AseanDocumentViewSet, basename="asean-document")
router.register("partners", views.PartnerViewSet, basename="partner")
router.register("projects", views.PartnerProjectViewSet, basename="project")
router.register("reports", views.AnnualReportViewSet, basename="report")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", docs.SchemaView.as_view(), name="schema"),
    path("docs/", docs.DocsView.as_view(), name="docs"),
    path("tokens/", token_views.token_list, name="tokens"),
    path("tokens/<int:pk>/revoke/", token_views.token_revoke, name="token_revoke"),
    # Last: what no route above matched. Only paths ending in "/", so that CommonMiddleware
    # still redirects "/api/v1/activities" to "/api/v1/activities/".
    re_path(r"^.*/$", views.not_found),
]
