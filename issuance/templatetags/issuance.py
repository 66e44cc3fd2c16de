"""Template helpers of the issuance app: a report's signature panel."""

from django import template

from asoen_portal import access

register = template.Library()


@register.inclusion_tag("issuance/_report_signatures.html", takes_context=True)
def report_signatures(context, report):
    """The "Ký số" panel of a report's page: the approved PDFs leadership may sign, and the
    signing jobs with their signed files. Nothing before approval."""
    from issuance.models import ReportSignature
    from reports.models import AnnualReport, ReportRender

    user = context["request"].user
    approved = report.status == AnnualReport.Status.APPROVED
    signable = []
    if approved and access.can_sign_reports(user):
        signable = list(
            ReportRender.objects.filter(
                report=report,
                status=ReportRender.Status.DONE,
                format=ReportRender.Format.PDF,
                started_at__gte=report.approved_at,
            )[:10]
        )
    jobs = (
        ReportSignature.objects.filter(render__report=report)
        .select_related("render", "requested_by")
        .order_by("-created_at", "-id")[:20]
    )
    return {
        "report": report,
        "approved": approved,
        "signable": signable,
        "signatures": list(jobs) if approved else [],
        "csrf_token": context.get("csrf_token"),
    }
