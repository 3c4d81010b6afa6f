"""The reports pages of a programme: choose and preview a report, download its PDF, issue it to a
meeting, list and download issued packs, and fill in committee cover sheets.

Anyone who can see a programme may preview and download its reports and issued packs; only its
managers issue packs and edit cover sheets (``ManagerRequiredMixin``); the structure of a report
is changed in ``structure_views``."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.views.generic import DetailView, ListView, TemplateView, View

from jobs import web as jobs_web
from jobs.models import Job
from programmes.models import Meeting
from programmes.views.mixins import ManagerRequiredMixin, WholeProgrammeMixin

from .forms import (
    BackgroundPaperFormSet,
    CommitteeReportForm,
    IssueForm,
    ReportOptionsForm,
    SectionFormSet,
    meeting_label,
)
from .html_pack import CONTENT_TYPE as HTML_CONTENT_TYPE
from .html_pack import render_html
from .job_handlers import job_params, needs_job, pack_lock
from .kinds import KINDS, build_report, get_kind
from .models import CommitteeReport, IssuedPack
from .rendering import render_pdf, report_context
from .services import PackTampered, cover_sheet_save, early_meeting_question, pack_file

logger = logging.getLogger(__name__)


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def carried(form) -> list[tuple[str, str]]:
    """The report's options as (name, value) pairs: they go with the issue form as hidden
    fields, so the pack issued is the report shown."""
    if not form.is_bound:
        return []
    return [
        (name, value)
        for name, values in form.data.lists()
        if name not in ("csrfmiddlewaretoken", "meeting", "confirmed", "early_meeting")
        for value in values
    ]


class ReportIndexView(WholeProgrammeMixin, TemplateView):
    """The programme's Reports page: every kind, the issued packs and the cover sheets."""

    template_name = "reports/report_index.html"

    def get_context_data(self, **kwargs):
        packs = IssuedPack.objects.filter(programme=self.programme).select_related("meeting__body")
        return super().get_context_data(
            kinds=KINDS.values(),
            packs=packs,
            cover_sheets=CommitteeReport.objects.filter(programme=self.programme),
            can_manage=self.rights.can_manage_programme(self.programme),
            **kwargs,
        )


class KindMixin:
    """A page about one kind of report (``<slug:kind>`` in the URL) and its options."""

    @cached_property
    def kind(self):
        try:
            return get_kind(self.kwargs["kind"])
        except KeyError:
            raise Http404("There is no such report.") from None

    def options_form(self, data):
        return ReportOptionsForm(data or None, kind=self.kind, programme=self.programme)


class ReportPreviewView(KindMixin, WholeProgrammeMixin, TemplateView):
    """The report in the browser, with its options and (for managers) the form to issue it."""

    template_name = "reports/report_preview.html"

    def get(self, request, *args, **kwargs):
        form = self.options_form(request.GET)
        return self.show(form, self.issue_form(None))

    def issue_form(self, data):
        if not self.rights.can_manage_programme(self.programme):
            return None
        return IssueForm(data, programme=self.programme)

    def show(self, form, issue_form, status=200):
        report = None
        if not form.is_bound or form.is_valid():
            report = build_report(self.kind, self.programme, form.to_options())
        context = self.get_context_data(
            kind=self.kind,
            form=form,
            issue_form=issue_form,
            carried=carried(form),
            **(report_context(report, for_print=False) if report else {}),
        )
        status = status if report else 400
        return self.render_to_response(context, status=status)


class ReportPDFView(KindMixin, WholeProgrammeMixin, View):
    """The report as a PDF download (a draft: it says "not issued" in its footer)."""

    def get(self, request, *args, **kwargs):
        form = self.options_form(request.GET)
        if form.is_bound and not form.is_valid():
            preview = reverse("reports:preview", kwargs=self.kwargs)
            return HttpResponseRedirect(f"{preview}?{request.GET.urlencode()}")
        if needs_job(self.programme):
            return render(
                request,
                "reports/report_in_background.html",
                {"programme": self.programme, "kind": self.kind, "carried": carried(form)},
            )
        report = build_report(self.kind, self.programme, form.to_options())
        return self.download(
            report, f"{self.programme.slug}-{self.kind.slug}-{report.as_at:%Y-%m-%d}"
        )

    def post(self, request, *args, **kwargs):
        """Print a large report in the background; its page offers the PDF when it is done."""
        form = self.options_form(request.POST)
        if not form.is_valid():
            preview = reverse("reports:preview", kwargs=self.kwargs)
            return HttpResponseRedirect(f"{preview}?{urlencode(carried(form))}")
        params = job_params(self.kind, carried(form))
        job = jobs_web.start(
            request, kind=Job.Kind.REPORT_PDF, programme=self.programme, params=params
        )
        return redirect(job)

    def download(self, report, stem: str) -> HttpResponse:
        return attachment(render_pdf(report).content, f"{stem}.pdf", "application/pdf")


class ReportHTMLView(ReportPDFView):
    """The same report as one accessible HTML file (``reports.html_pack``), also a draft."""

    def download(self, report, stem: str) -> HttpResponse:
        return attachment(render_html(report), f"{stem}.html", HTML_CONTENT_TYPE)


class IssuePackView(ManagerRequiredMixin, ReportPreviewView):
    """Issue the report, with the options it was previewed with, to a meeting. First a page
    that shows what will be frozen and for which meeting ("Issue" / "Cancel"); only the POST
    it sends, marked ``confirmed``, issues the pack."""

    managers_only = "issue committee packs"
    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        return self.confirm(request.GET)

    def post(self, request, *args, **kwargs):
        if request.POST.get("confirmed") != "yes":
            return self.confirm(request.POST)
        form = self.options_form(request.POST)
        issue_form = self.issue_form(request.POST)
        if form.is_valid() and issue_form.is_valid():
            meeting = issue_form.cleaned_data["meeting"]
            early = early_meeting_question(meeting, form.to_options())
            if early and request.POST.get("early_meeting") != "yes":
                return self.confirm(request.POST, unanswered=True)
            # Printed by the worker; the same pack's choices never issue twice at once.
            params = job_params(
                self.kind,
                carried(form),
                meeting=meeting.pk,
                early_meeting_confirmed=bool(early),
            )
            job = jobs_web.start(
                request,
                kind=Job.Kind.ISSUE_PACK,
                programme=self.programme,
                params=params,
                lock_key=pack_lock(self.programme, params),
            )
            if jobs_web.finished(job):
                messages.success(request, job.summary)
                return redirect(job.result_link)
            return redirect(job)
        return self.show(form, issue_form, status=400)

    def confirm(self, data, unanswered=False):
        """The report as it will be issued, its options in words and the meeting, with the
        "Issue" button (and, for a meeting held before the report's as-at date, the question
        whether to issue to it all the same: ``unanswered`` when "Issue" was pressed without an
        answer); or the preview with the errors when the choices are not valid."""
        form = self.options_form(data)
        issue_form = self.issue_form(data)
        if not (form.is_valid() and issue_form.is_valid()):
            return self.show(form, issue_form, status=400)
        report = build_report(self.kind, self.programme, form.to_options())
        options = carried(form)
        preview = reverse("reports:preview", kwargs=self.kwargs)
        context = self.get_context_data(
            kind=self.kind,
            meeting=issue_form.cleaned_data["meeting"],
            meeting_words=meeting_label(issue_form.cleaned_data["meeting"]),
            early_meeting=early_meeting_question(
                issue_form.cleaned_data["meeting"], form.to_options()
            ),
            unanswered=unanswered,
            described=form.described(),
            carried=options,
            cancel_url=f"{preview}?{urlencode(options)}",
            **report_context(report, for_print=False),
        )
        status = 400 if unanswered else 200
        return render(self.request, "reports/issue_confirm.html", context, status=status)


class PackMixin(WholeProgrammeMixin):
    def get_queryset(self):
        return IssuedPack.objects.filter(programme=self.programme).select_related(
            "meeting__body", "since_pack__meeting__body", "issued_by"
        )


class PackDetailView(PackMixin, DetailView):
    template_name = "reports/issuedpack_detail.html"
    context_object_name = "pack"


class PackDownloadView(PackMixin, DetailView):
    """An issued pack's PDF (or its HTML version or data snapshot) byte for byte as issued,
    after checking its fingerprint."""

    which = "pdf"

    def get(self, request, *args, **kwargs):
        pack = self.get_object()
        if self.which == "html" and not pack.html:
            raise Http404("This pack was issued before packs kept an HTML version.")
        try:
            data = pack_file(pack, self.which)
        except PackTampered:
            logger.exception("Issued pack %s failed its SHA-256 check", pack.pk)
            return HttpResponse(
                "This pack's stored file does not match the fingerprint taken when it was "
                "issued. It has not been sent; please tell the system administrator.",
                status=500,
                content_type="text/plain; charset=utf-8",
            )
        stem = f"{self.programme.slug}-{pack.kind}-pack-{pack.pk}"
        if self.which == "snapshot":
            return attachment(data, f"{stem}.json", "application/json")
        if self.which == "html":
            return attachment(data, f"{stem}.html", HTML_CONTENT_TYPE)
        return attachment(data, f"{stem}.pdf", "application/pdf")


class MeetingPacksView(WholeProgrammeMixin, ListView):
    """The packs issued to one meeting of the programme."""

    template_name = "reports/meeting_packs.html"
    context_object_name = "packs"

    @cached_property
    def meeting(self):
        return get_object_or_404(
            Meeting.objects.select_related("body"),
            pk=self.kwargs["pk"],
            body__programme=self.programme,
        )

    def get_queryset(self):
        return IssuedPack.objects.filter(meeting=self.meeting).select_related("meeting__body")

    def get_context_data(self, **kwargs):
        return super().get_context_data(meeting=self.meeting, **kwargs)


class CoverSheetFormView(ManagerRequiredMixin, TemplateView):
    """A committee cover sheet with its sections and background papers (new, or one of the
    programme's)."""

    managers_only = "write committee cover sheets"
    template_name = "reports/committeereport_form.html"

    @cached_property
    def cover_sheet(self):
        if "pk" not in self.kwargs:
            return CommitteeReport(programme=self.programme)
        return get_object_or_404(
            CommitteeReport.objects.prefetch_related("contact_officer_links"),
            pk=self.kwargs["pk"],
            programme=self.programme,
        )

    def forms(self, data=None):
        instance = self.cover_sheet
        return (
            CommitteeReportForm(data, instance=instance, programme=self.programme),
            SectionFormSet(data, instance=instance, prefix="sections"),
            BackgroundPaperFormSet(data, instance=instance, prefix="papers"),
        )

    def get(self, request, *args, **kwargs):
        return self.show(*self.forms())

    def post(self, request, *args, **kwargs):
        form, sections, papers = self.forms(request.POST)
        if form.is_valid() and sections.is_valid() and papers.is_valid():
            try:
                report = cover_sheet_save(form=form, sections=sections, papers=papers)
            except ValidationError as error:
                # A contact officer who is not one of the programme's people; nothing was saved.
                form.add_error("contact_officers", error.messages)
            else:
                messages.success(request, f"Cover sheet “{report.subject}” saved.")
                return redirect("reports:index", programme=self.programme.slug)
        return self.show(form, sections, papers, status=400)

    def show(self, form, sections, papers, status=200):
        context = self.get_context_data(
            form=form, sections=sections, papers=papers, cover_sheet=self.cover_sheet
        )
        return self.render_to_response(context, status=status)
