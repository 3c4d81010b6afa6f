"""An area's milestones together: putting them in order within their stages, and the grid of
their dates and statuses."""

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView

from core.versioning import StaleEdit, conflict_summary

from ..area_forms import DatesGrid
from ..area_writes import DOWN, UP, RowsRefused, milestone_move, milestones_edit_together
from ..stage_groups import WITHIN_STAGE, by_stage
from .adding import AreaMilestonesMixin


class AreaMilestonesPage(AreaMilestonesMixin, TemplateView):
    def milestones(self):
        return self.area.milestones.select_related("stage", "service_area__programme").order_by(
            *WITHIN_STAGE
        )

    def stages(self):
        return self.programme.stages.all()


class ReorderView(AreaMilestonesPage):
    """Each stage's milestones with a "Move up" and a "Move down" button: a form each, so the
    order can be changed with a keyboard or a screen reader, and without JavaScript."""

    template_name = "milestones/milestone_order.html"

    def get_context_data(self, **kwargs):
        groups = by_stage(self.milestones(), self.stages())
        for group in groups:
            # Each with the neighbours it would move past, so a move made on an out-of-date
            # page is refused rather than moving it somewhere the user did not see.
            ms = group.milestones
            group.places = [
                (m, ms[i - 1] if i > 0 else None, ms[i + 1] if i + 1 < len(ms) else None)
                for i, m in enumerate(ms)
            ]
        return super().get_context_data(groups=groups, **kwargs)

    def post(self, request, *args, **kwargs):
        milestone = get_object_or_404(
            self.area.milestones.select_related("service_area"), pk=request.POST.get("milestone")
        )
        way = request.POST.get("way")
        page = reverse(
            "milestones:reorder", kwargs={"programme": self.programme.slug, "area": self.area.pk}
        )
        if way not in (UP, DOWN):
            messages.error(request, "Choose to move it up or down.")
            return redirect(page)
        past = request.POST.get("past", "")
        try:
            milestone_move(
                milestone=milestone,
                way=way,
                past=int(past) if past.isdigit() else None,
                by=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        except StaleEdit:
            messages.error(request, "Someone changed one of these milestones just now: try again.")
        else:
            messages.success(request, f"Moved “{milestone.title}” {way}.")
        return redirect(f"{page}#m{milestone.pk}")


class DatesGridView(AreaMilestonesPage):
    """The dates and status of every milestone of the area on one page. Saved all together or
    not at all: a refused row (a moved date without a reason, a date that cannot be read, or a
    milestone someone else saved since the page was opened) is shown with why, beside the
    others as typed, and nothing is saved until every row can be."""

    template_name = "milestones/milestone_grid.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("grid", DatesGrid(self.milestones(), self.stages()))
        return super().get_context_data(**kwargs)

    def post(self, request, *args, **kwargs):
        grid = DatesGrid(self.milestones(), self.stages(), request.POST)
        if not grid.is_valid():
            return self.render_to_response(self.get_context_data(grid=grid))
        fresh = self.milestones().in_bulk()
        edits = grid.edits(fresh)
        if not edits:
            messages.info(request, "Nothing was changed.")
            return redirect(self.area_url())
        try:
            moves = milestones_edit_together(edits=[edit for _, edit in edits], by=request.user)
        except RowsRefused as refused:
            return self.refused(edits, refused)
        count = len(edits)
        saved = f"Saved the dates and statuses of {count} milestone{'s' if count != 1 else ''}."
        if moves:
            saved += f" {len(moves)} date move{'s' if len(moves) != 1 else ''} recorded."
        messages.success(request, saved)
        return redirect(self.area_url())

    def refused(self, edits, refused: RowsRefused):
        """Show the grid again with nothing saved: the changed rows as typed (a row someone
        else saved meanwhile rebased on what they saved, as the single edit page does), each
        refused row with why, and the unchanged rows as they are now."""
        data = self.request.POST.copy()
        changed = {row.prefix for row, _ in edits}
        for key in list(data):
            prefix = key.split("-", 1)[0]
            if re.fullmatch(r"m\d+", prefix) and prefix not in changed:
                del data[key]
        conflicts = {}
        for index, stale in refused.stale.items():
            row = edits[index][0]
            conflicts[row.prefix] = conflict_summary(stale)  # before any form touches it
            rebased = row.rebased_data(stale.current)
            for key in rebased:
                if key.startswith(f"{row.prefix}-"):
                    data[key] = rebased[key]
        grid = DatesGrid(self.milestones(), self.stages(), data)
        grid.is_valid()
        rows = {row.prefix: row for row in grid.rows}
        for index, problems in refused.problems.items():
            for problem in problems:
                rows[edits[index][0].prefix].add_error(None, problem)
        for prefix, conflict in conflicts.items():
            rows[prefix].conflict = conflict
        return self.render_to_response(
            self.get_context_data(grid=grid, refused=len(refused.problems) + len(conflicts))
        )
