"""Permission checks for views. Every view that shows or changes a programme's data uses one of
these, so a direct URL or a crafted POST gets the same answer as the buttons: 403 and nothing
changed. And what every page in a programme's tabs shares: its title, whether the user may add
records, whether a list is filtered."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property

from programmes.models import Programme
from programmes.rights import LIMITED_TO_PARTNER, Rights


class ProgrammeMixin(LoginRequiredMixin):
    """A page inside a programme (``<slug:programme>`` in the URL) that its viewers may see."""

    @cached_property
    def rights(self) -> Rights:
        return Rights.of(self.request.user)

    @cached_property
    def programme(self) -> Programme:
        programme = get_object_or_404(
            Programme.objects.select_related("lead_organisation"), slug=self.kwargs["programme"]
        )
        if not self.rights.can_view_programme(programme):
            raise PermissionDenied("You have not been given access to this programme.")
        return programme

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.programme  # noqa: B018 — check access before anything else runs
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        # TemplateView passes the URL's kwargs in too: the slug gives way to the programme.
        kwargs["programme"] = self.programme
        kwargs["can_manage"] = self.rights.can_manage_programme(self.programme)
        return super().get_context_data(**kwargs)


class WholeProgrammeMixin(ProgrammeMixin):
    """Reports, issued packs and the whole-programme workbook: every authority's work at once,
    so not for a reader limited to one partner authority."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.rights.sees_whole_programme(self.programme):
            raise PermissionDenied(
                "Reports and the whole-programme workbook show every authority's work. "
                + LIMITED_TO_PARTNER
            )
        return super().dispatch(request, *args, **kwargs)


class ManagerRequiredMixin(ProgrammeMixin):
    """Only the programme's managers (and administrators). ``managers_only`` says what the
    page does, for the refusal: "Only this programme's managers can issue committee packs"."""

    managers_only = "do this"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not self.rights.can_manage_programme(self.programme):
            raise PermissionDenied(f"Only this programme's managers can {self.managers_only}.")
        return super().dispatch(request, *args, **kwargs)


class RegisterMixin(ProgrammeMixin):
    """A page in a programme's tabs (its registers, milestones, timeline): its title, and whether
    the user may add records."""

    page_title = ""

    @cached_property
    def may_add(self) -> bool:
        """Managers add anything; the people named on a service area add its risks, savings
        and actions."""
        return self.rights.can_manage_programme(self.programme) or (
            self.programme.pk in self.rights.named_area_programmes
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title,
            may_add=self.may_add,
            **kwargs,
        )


class FilteredListMixin:
    """``filtered`` in the context: whether any filter has a value (sorting and paging alone
    are not filtering)."""

    def get_context_data(self, **kwargs):
        filtered = any(self.request.GET.get(name) for name in self.filterset.filters)
        return super().get_context_data(filtered=filtered, **kwargs)
