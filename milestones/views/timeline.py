"""A programme's timeline: the Gantt chart of its milestones, and the same dates as a table."""

from django.core.paginator import Paginator
from django.utils import timezone
from django.views.generic import TemplateView

from programmes.views.mixins import RegisterMixin

from ..forms import TimelineRangeForm
from ..timeline import (
    add_months,
    date_extent,
    timeline_milestones,
    timeline_range,
    timeline_rows,
)
from ..timeline_chart import timeline_svg

# Milestones drawn (and listed) at a time: a large programme's timeline is read a window at a
# time, or one area at a time, rather than drawn whole.
TIMELINE_PAGE_SIZE = 100


class TimelineView(RegisterMixin, TemplateView):
    """The Gantt chart, and the same dates as a table."""

    page_title = "Timeline"
    template_name = "milestones/timeline.html"

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        form = TimelineRangeForm(self.request.GET or None, programme=self.programme)
        seen = None  # every area, unless the user sees only some
        if self.rights.partner_in(self.programme) is not None:
            seen = list(self.rights.visible_areas(self.programme))
            form.fields["area"].queryset = self.rights.visible_areas(self.programme)
        start = months = area = None
        if form.is_bound and form.is_valid():
            start = form.cleaned_data["start"]
            months = form.cleaned_data["months"]
            area = form.cleaned_data["area"]
        areas = [area] if area else seen
        page = Paginator(
            timeline_milestones(self.programme, areas=areas), TIMELINE_PAGE_SIZE
        ).get_page(self.request.GET.get("page"))
        if page.paginator.num_pages > 1:
            # A window of the milestones, drawn over the months every window needs.
            rows = timeline_rows(self.programme, areas=areas, milestones=page.object_list)
            extent = date_extent(page.paginator.object_list)
        else:
            rows, extent = timeline_rows(self.programme, areas=areas), None
        first, months = timeline_range(rows, today=today, start=start, months=months, extent=extent)
        svg = timeline_svg(self.programme, today=today, start=first, months=months, rows=rows)
        return super().get_context_data(
            form=form,
            page_obj=page,
            svg=svg,
            rows=rows,
            first=first,
            last=add_months(first, months - 1),
            today=today,
            **kwargs,
        )
