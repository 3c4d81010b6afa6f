"""The page where a programme's managers change the structure of a kind of report."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.versioning import StaleEdit, conflict_summary
from programmes.views.mixins import ManagerRequiredMixin

from .layout_forms import LayoutVersionForm, PartFormSet
from .layouts import layout_parts, layout_record, layout_reset, layout_save
from .structure import preset
from .views import KindMixin


class ReportStructureView(KindMixin, ManagerRequiredMixin, TemplateView):
    """A programme's structure of a kind of report, for its managers: the parts in order, each
    with its number, heading and whether it is printed; starting from the seed's format (the
    preset) and back to it with "Reset". Saved by ``reports.layouts``."""

    managers_only = "change the structure of its reports"
    template_name = "reports/reportlayout_form.html"

    def forms(self, data=None):
        if not preset(self.kind.slug):
            raise Http404("This report has no structure to change.")
        record = layout_record(self.programme, self.kind.slug)
        version = LayoutVersionForm(data, initial={"version": record.version if record else 0})
        parts = PartFormSet(
            data,
            prefix="parts",
            kind=self.kind.slug,
            current=layout_parts(self.programme, self.kind.slug),
        )
        return version, parts

    def get(self, request, *args, **kwargs):
        return self.show(*self.forms())

    def post(self, request, *args, **kwargs):
        version, parts = self.forms(request.POST)
        reset = "reset" in request.POST
        if not version.is_valid() or (not reset and not parts.is_valid()):
            return self.show(version, parts, status=400)
        save = {
            "programme": self.programme,
            "kind": self.kind.slug,
            "opened_version": version.cleaned_data["version"],
            "by": request.user,
            "rights": self.rights,
        }
        try:
            if reset:
                layout_reset(**save)
            else:
                layout_save(parts=parts.parts(), **save)
        except StaleEdit as stale:
            # Their structure is kept; this user's choices stay in the form, now opened at the
            # saved version, so saving again replaces theirs knowingly.
            conflict = conflict_summary(stale)
            fresh, unchanged = self.forms()
            return self.show(fresh, unchanged if reset else parts, conflict=conflict, status=409)
        what = "back to the preset" if reset else "saved"
        messages.success(request, f"The structure of the {self.kind.label.lower()} is {what}.")
        return redirect("reports:structure", programme=self.programme.slug, kind=self.kind.slug)

    def show(self, version, parts, conflict=None, status=200):
        record = layout_record(self.programme, self.kind.slug)
        history = list(record.history.select_related("history_user")[:10]) if record else []
        context = self.get_context_data(
            kind=self.kind,
            version_form=version,
            formset=parts,
            own=bool(record and record.parts),
            history=history,
            conflict=conflict,
            preview_url=reverse("reports:preview", args=[self.programme.slug, self.kind.slug]),
        )
        return self.render_to_response(context, status=status)
