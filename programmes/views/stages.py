"""A programme's Key to Stages, for its managers: add, rename, define, reorder, and take out a
stage no milestone is at. Saved by ``programmes.programme_setup``."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.views import View
from django.views.generic import FormView, TemplateView

from core.audit import AUDIT_LENGTH, audit_trail
from core.ordering import DOWN, UP
from core.versioning import StaleEdit, conflict_summary
from programmes.forms.programme_setup import StageForm
from programmes.models import StageDefinition
from programmes.programme_setup import stage_add, stage_edit, stage_move, stage_remove

from .mixins import ManagerRequiredMixin
from .programme_setup import show_refusal

LIST_TITLE = "Key to Stages"


class StageListView(ManagerRequiredMixin, TemplateView):
    template_name = "programmes/stage_list.html"

    def get_context_data(self, **kwargs):
        stages = self.programme.stages.annotate(milestone_count=Count("milestones"))
        return super().get_context_data(stages=list(stages), page_title=LIST_TITLE, **kwargs)


class StageFormMixin(ManagerRequiredMixin):
    form_class = StageForm
    template_name = "programmes/record_form.html"

    def list_url(self) -> str:
        return reverse("programme-setup:stages", kwargs={"programme": self.programme.slug})

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            noun="stage", list_url=self.list_url(), list_title=LIST_TITLE, **kwargs
        )


class StageCreateView(StageFormMixin, FormView):
    def get_form_kwargs(self):
        stage = StageDefinition(programme=self.programme)
        return {**super().get_form_kwargs(), "instance": stage}

    def get_context_data(self, **kwargs):
        return super().get_context_data(heading="Add a stage", **kwargs)

    def form_valid(self, form):
        try:
            stage = stage_add(stage=form.instance, rights=self.rights, by=self.request.user)
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        messages.success(self.request, f"Added {stage} to the Key to Stages.")
        return redirect(self.list_url())


class StageEditView(StageFormMixin, FormView):
    @cached_property
    def stage(self) -> StageDefinition:
        return get_object_or_404(StageDefinition, programme=self.programme, pk=self.kwargs["pk"])

    def get_form_kwargs(self):
        # A copy: the heading names the stage as saved, whatever was typed.
        instance = StageDefinition.objects.get(pk=self.stage.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        history = self.stage.history.select_related("history_user")[: AUDIT_LENGTH + 1]
        return super().get_context_data(
            heading=f"Change {self.stage.code}",
            object=self.stage,
            audit=audit_trail(list(history)),
            **kwargs,
        )

    def form_valid(self, form):
        fresh = StageDefinition.objects.get(pk=self.stage.pk)
        before = fresh.version
        try:
            stage_edit(
                stage=fresh,
                opened_version=form.cleaned_data["version"],
                changes=form.changes(),
                rights=self.rights,
                by=self.request.user,
            )
        except StaleEdit as stale:
            conflict = conflict_summary(stale)
            again = StageForm(data=form.rebased_data(stale.current), instance=stale.current)
            again.is_valid()
            return self.render_to_response(self.get_context_data(form=again, conflict=conflict))
        except ValidationError as error:
            show_refusal(form, error)
            return self.form_invalid(form)
        if fresh.version == before:
            messages.info(self.request, "Nothing was changed.")
        else:
            messages.success(self.request, f"Saved {fresh}.")
        return redirect(self.list_url())


class StageMoveView(ManagerRequiredMixin, View):
    """Move a stage up or down the Key to Stages (a button on the list)."""

    def post(self, request, *args, **kwargs):
        stage = get_object_or_404(StageDefinition, programme=self.programme, pk=kwargs["pk"])
        direction = request.POST.get("direction")
        if direction in (UP, DOWN):
            stage_move(stage=stage, direction=direction, rights=self.rights, by=request.user)
            messages.success(request, f"Moved {stage.code} {direction}.")
        return redirect("programme-setup:stages", programme=self.programme.slug)


class StageRemoveView(ManagerRequiredMixin, View):
    def post(self, request, *args, **kwargs):
        stage = get_object_or_404(StageDefinition, programme=self.programme, pk=kwargs["pk"])
        try:
            stage_remove(stage=stage, rights=self.rights, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Took {stage.code} out of the Key to Stages.")
        return redirect("programme-setup:stages", programme=self.programme.slug)
