from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from forces.api.views import ForceViewSet, PolicingBodyViewSet, RegionViewSet, RocuViewSet
from inspections.api.views import FindingViewSet, GradedJudgementViewSet
from responses.api.views import FindingResponseViewSet, OfficeInspectionViewSet, ResponseViewSet
from tracker.api.views import TrackerRowViewSet


class Router(DefaultRouter):
    """Every id reaches the view, which answers JSON (400/404), never Django's HTML 404."""

    def get_lookup_regex(self, viewset, lookup_prefix=""):
        return f"(?P<{lookup_prefix}{viewset.lookup_url_kwarg or viewset.lookup_field}>[^/]+)"


router = Router()
router.register("regions", RegionViewSet, basename="region")
router.register("forces", ForceViewSet, basename="force")
router.register("rocus", RocuViewSet, basename="rocu")
router.register("policing-bodies", PolicingBodyViewSet, basename="policing-body")
router.register("inspections", OfficeInspectionViewSet, basename="inspection")
router.register("graded-judgements", GradedJudgementViewSet, basename="graded-judgement")
router.register("findings", FindingViewSet, basename="finding")
router.register("responses", ResponseViewSet, basename="response")
router.register("finding-responses", FindingResponseViewSet, basename="finding-response")
router.register("tracker", TrackerRowViewSet, basename="tracker-row")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script (CSP).
    # Swagger UI adds <style> elements as it draws; only this page allows inline styles.
    # A page, so a visitor who is not signed in is sent to sign in (the schema answers 403).
    path(
        "docs/",
        login_required(
            csp_override({**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]})(
                SpectacularSwaggerSplitView.as_view(url_name="api-schema")
            )
        ),
        name="api-docs",
    ),
]
