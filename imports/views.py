"""Excel downloads of a programme's lists and of the whole programme, and the web import: upload,
confirm the mapping, preview, commit; and the history of imports.

Downloads are for anyone who may see the programme; importing is for its managers. Each view is
thin: the work is done by ``export``, ``reading``, ``mapping`` and ``importing``."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from exports import workbook as export
from exports.filters import filtered_rows
from exports.job_handlers import needs_job
from exports.rows import meeting_rows
from exports.sheets import LISTS, SHEETS
from imports import guessing, importing, mapping, uploads
from imports.books import SpreadsheetError
from imports.forms import ImportUploadForm, NameChoicesForm, SheetMappingForm, TranslationsForm
from imports.job_handlers import job_params as import_job_params
from imports.left_out import left_out_workbook
from imports.plans import Plan
from jobs import web as jobs_web
from jobs.models import Job
from milestones.models import Milestone
from programmes.models import ImportRecord
from programmes.views.mixins import ManagerRequiredMixin, ProgrammeMixin, WholeProgrammeMixin

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download(programme, temporary_file, what: str) -> FileResponse:
    return FileResponse(
        temporary_file,
        as_attachment=True,
        filename=export.file_name(programme, what),
        content_type=XLSX,
    )


class ListExportView(ProgrammeMixin, View):
    """A list page's rows (with the same filters) as an Excel workbook."""

    def get(self, request, *args, **kwargs):
        key = kwargs["kind"]
        if key not in LISTS:
            raise Http404("There is no such list.")
        if key == "meetings":  # the programme's meetings, with the milestones the user may see
            seen = self.rights.scope(Milestone.objects.all(), programme="service_area__programme")
            rows = filtered_rows(
                key, self.programme, request.GET, meeting_rows(self.programme, milestones=seen)
            )
        else:  # the rest belong to service areas, which may be limited
            path = "service_area__programme" if key == "milestones" else "programme"
            rows = filtered_rows(key, self.programme, request.GET)
            rows = self.rights.scope(rows, programme=path)
        return download(self.programme, export.write_list(self.programme, key, rows), key)


class WorkbookExportView(WholeProgrammeMixin, View):
    """The whole programme as one workbook, a sheet per kind of record."""

    def get(self, request, *args, **kwargs):
        if needs_job(self.programme):
            return render(
                request, "spreadsheets/workbook_in_background.html", {"programme": self.programme}
            )
        return download(self.programme, export.write_programme(self.programme), "programme")

    def post(self, request, *args, **kwargs):
        """A large programme's workbook, written in the background."""
        job = jobs_web.start(
            request, kind=Job.Kind.PROGRAMME_EXPORT, programme=self.programme, params={}
        )
        return redirect(job)


class ImportStepMixin(ManagerRequiredMixin):
    """A step of an import in progress (``<token>`` in the address)."""

    managers_only = "import spreadsheets into it"

    @cached_property
    def pending(self) -> uploads.PendingImport:
        return uploads.get(self.request, programme=self.programme, token=self.kwargs["token"])

    @cached_property
    def book(self):
        try:
            return self.pending.book()
        except SpreadsheetError as error:  # the setting changed, or the stored file is gone
            uploads.finish(self.request, self.pending)
            raise Http404(str(error)) from error

    def step_url(self, name: str) -> str:
        return reverse(
            f"spreadsheets:{name}",
            kwargs={"programme": self.programme.slug, "token": self.pending.token},
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(pending=self.pending, book=self.book, **kwargs)


class ImportUploadView(ManagerRequiredMixin, FormView):
    managers_only = "import spreadsheets into it"
    form_class = ImportUploadForm
    template_name = "spreadsheets/import_upload.html"

    def form_valid(self, form):
        book = form.book
        kind = form.cleaned_data["kind"] or None
        mappings = guessing.guess_book(book, self.programme, kind=kind)
        pending = uploads.start(
            self.request,
            programme=self.programme,
            data=form.data_bytes,
            file_name=book.file_name,
            mappings=mappings,
            book=book,
        )
        return redirect(
            "spreadsheets:import-mapping", programme=self.programme.slug, token=pending.token
        )


class ImportMappingView(ImportStepMixin, TemplateView):
    """Confirm or correct what each sheet holds and which field each column fills."""

    template_name = "spreadsheets/import_mapping.html"

    def forms(self, data=None) -> list[SheetMappingForm]:
        found = []
        for position, sheet_mapping in enumerate(self.pending.sheet_mappings()):
            sheet = self.book.sheet(sheet_mapping.sheet)
            if sheet:
                sheet = guessing.turned_if(sheet, sheet_mapping)
            found.append(
                SheetMappingForm(
                    data,
                    prefix=f"sheet-{position}",
                    mapping=sheet_mapping,
                    samples=mapping.samples(sheet, sheet_mapping) if sheet else {},
                    programme=self.programme,
                    ours=self.book.ours(self.programme),
                )
            )
        return found

    def get_context_data(self, **kwargs):
        forms = kwargs.setdefault("forms", self.forms())
        return super().get_context_data(has_errors=any(form.errors for form in forms), **kwargs)

    def post(self, request, *args, **kwargs):
        forms = self.forms(request.POST)
        changed = [
            form for form in forms if (form.kind_changed or form.header_changed) and form.is_valid()
        ]
        if changed:
            # Another kind of record has other fields, another row other headings: guess the
            # columns again for them.
            for form in changed:
                sheet = self.book.sheet(form.mapping.sheet)
                kind = form.cleaned_data["kind"] or mapping.LEAVE_OUT
                if kind == mapping.LEAVE_OUT:
                    new = mapping.SheetMapping(form.mapping.sheet, mapping.LEAVE_OUT)
                else:
                    header_row = (
                        form.cleaned_data.get("header_row") if form.header_changed else None
                    )
                    if header_row and form.mapping.transposed:
                        sheet = sheet.turned()
                    new = guessing.guess_sheet(
                        sheet,
                        self.programme,
                        kind=kind,
                        ours=self.book.ours(self.programme),
                        header_row=header_row,
                    )
                position = forms.index(form)
                self.pending.mappings[position] = new.to_dict()
            uploads.save(request, self.pending)
            messages.info(request, "The columns were guessed again for what you chose: check them.")
            return redirect(self.step_url("import-mapping"))
        if not all(form.is_valid() for form in forms):
            return self.render_to_response(self.get_context_data(forms=forms))
        self.pending.mappings = [form.mapped().to_dict() for form in forms]
        uploads.save(request, self.pending)
        return redirect(self.step_url("import-preview"))


class ImportPreviewView(ImportStepMixin, TemplateView):
    """Every row as it would be imported; names to match or create; then the commit."""

    template_name = "spreadsheets/import_preview.html"
    rows_shown = 1000

    @cached_property
    def plan(self) -> Plan:
        return importing.preview(
            programme=self.programme,
            book=self.book,
            mappings=self.pending.sheet_mappings(),
            resolutions=self.pending.resolutions,
            translations=self.pending.translations,
        )

    def translations_form(self, data=None) -> TranslationsForm:
        return TranslationsForm(
            data, translated=self.plan.translated, options=self.plan.translation_options
        )

    def names_form(self, data=None) -> NameChoicesForm:
        return NameChoicesForm(
            data,
            unknown=self.plan.unknown,
            options=self.plan.choices,
            chosen=self.pending.resolutions,
        )

    def get_context_data(self, *, plan=None, **kwargs):
        plan = plan or self.plan
        kwargs.setdefault("names_form", self.names_form() if plan.unknown else None)
        kwargs.setdefault(
            "translations_form", self.translations_form() if plan.translated else None
        )
        return super().get_context_data(
            plan=plan,
            counts=plan.counts,
            rows=plan.rows[: self.rows_shown],
            rows_hidden=max(0, len(plan.rows) - self.rows_shown),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        if "names" in request.POST:
            form = self.names_form(request.POST)
            if form.is_valid():
                self.pending.resolutions = {**self.pending.resolutions, **form.resolutions()}
                uploads.save(request, self.pending)
                return redirect(self.step_url("import-preview"))
            return self.render_to_response(self.get_context_data(names_form=form))
        if "translations" in request.POST:
            form = self.translations_form(request.POST)
            if form.is_valid():
                self.pending.translations = {**self.pending.translations, **form.translations()}
                uploads.save(request, self.pending)
                return redirect(self.step_url("import-preview"))
            return self.render_to_response(self.get_context_data(translations_form=form))
        partial = "partial" in request.POST
        if not (self.plan.can_commit or (partial and self.plan.can_commit_right_rows)):
            messages.error(request, self.plan.refusal())
            return self.render_to_response(self.get_context_data())
        # Committed by the worker; the same upload is never committed twice at once.
        job = jobs_web.start(
            request,
            kind=Job.Kind.IMPORT_COMMIT,
            programme=self.programme,
            params=import_job_params(self.pending, partial=partial),
            lock_key=f"import:{self.pending.stored_as}",
        )
        if jobs_web.finished(job):
            uploads.finish(request, self.pending)
            messages.success(request, job.summary)
            return redirect("spreadsheets:import-history", programme=self.programme.slug)
        return redirect(job)


class ImportHistoryView(ManagerRequiredMixin, ListView):
    """Every spreadsheet imported into the programme: who, when, which file, what it changed."""

    managers_only = "see its import history"
    template_name = "spreadsheets/import_history.html"
    context_object_name = "imports"
    paginate_by = 50

    def get_queryset(self):
        return ImportRecord.objects.filter(programme=self.programme).select_related("imported_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(lists=[SHEETS[key] for key in LISTS], **kwargs)


class LeftOutDownloadView(ManagerRequiredMixin, View):
    """The rows an import left out, as a workbook to put right and import again."""

    managers_only = "see its import history"

    def get(self, request, *args, **kwargs):
        record = get_object_or_404(ImportRecord, programme=self.programme, pk=kwargs["pk"])
        if not record.left_out:
            raise Http404("This import left no rows out.")
        stem = record.file_name.rsplit(".", 1)[0]
        return FileResponse(
            left_out_workbook(record),
            as_attachment=True,
            filename=f"{stem}-rows-left-out.xlsx",
            content_type=XLSX,
        )
