"""The list pages' tables: one base table for the house look (caption, row headers, sort state
announced with ``aria-sort``, a page size nobody can raise past a hundred), and a subclass per
list. No column reads the database: everything a cell needs is selected with the rows.

django-tables2 sorts, pages and draws the headers. A table that defines ``cell_<column>(record)``
for each of its columns has its rows drawn by ``BaseTable.body_html`` in one pass, a
``format_html`` per cell, instead of django-tables2's per-cell path (a bound cell, accessor
resolution, signature inspection and template variables for each of 50 × 12 cells: about half
of a list page's time when profiled)."""

from urllib.parse import quote

from django.core.paginator import Paginator
from django.db.models import F
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django_tables2 import A, Column, Table

from core import fuzzydates, slippage
from core.markdown import render_markdown
from core.money import pounds
from programmes.models import Action, Risk, SavingsLine
from programmes.rights import NO_RIGHTS


class BaseTable(Table):
    """The house table. ``caption`` names the table for screen readers (shown visually hidden
    unless ``show_caption``); the column named ``row_header`` is rendered as ``<th scope="row">``;
    ``programme`` gives the columns the programme's own words, ``rights`` decides which rows
    show a "Change" link."""

    row_header: str | None = None
    max_per_page = 100

    class Meta:
        template_name = "programmes/includes/table.html"
        attrs = {"class": "table table-sm table-hover align-top caption-top"}
        empty_text = "Nothing matches: change or clear the filters."
        per_page = 50

    def __init__(self, *args, caption="", programme=None, rights=None, **kwargs):
        self.caption = caption
        self.programme = programme
        self.rights = rights or NO_RIGHTS
        super().__init__(*args, **kwargs)
        if programme is not None and "service_area" in self.columns:
            self.columns["service_area"].column.verbose_name = programme.service_area_label

    def before_render(self, request):
        """The council's references are shown only when a row on the page has one."""
        super().before_render(request)
        if "reference" not in self.columns:
            return
        rows = self.page.object_list if hasattr(self, "page") else self.rows
        if not any(getattr(row.record, "reference", "") for row in rows):
            self.columns.hide("reference")

    def body_html(self):
        """The rows of this page as ``<tr>``s, drawn by the table's ``cell_<column>`` methods;
        None when a shown column has none (the template then draws the cells itself)."""
        columns = [column.name for column in self.columns]
        cells = [getattr(self, f"cell_{name}", None) for name in columns]
        if not all(cells):
            return None
        rows = self.page.object_list if hasattr(self, "page") else self.rows
        header = columns.index(self.row_header) if self.row_header in columns else -1
        html = []
        for number, row in enumerate(rows):
            record = row.record
            html.append(f'<tr class="{"odd" if number % 2 else "even"}">')
            for index, cell in enumerate(cells):
                tag = "th" if index == header else "td"
                scope = ' scope="row"' if index == header else ""
                html.append(f"<{tag}{scope}>{cell(record)}</{tag}>")
            html.append("</tr>")
        if not html:
            return None  # the template says the table's empty text
        return mark_safe("\n".join(html))

    def paginate(self, paginator_class=Paginator, per_page=None, page=1, *args, **kwargs):
        """A page size from the address bar is honoured up to ``max_per_page`` rows."""
        per_page = min(per_page or self._meta.per_page, self.max_per_page)
        return super().paginate(paginator_class, per_page, page, *args, **kwargs)


def url_maker(name: str, *keys: str):
    """``reverse(name, kwargs=...)`` for every row of a page at the cost of one reversal: the
    URL is reversed once with stand-ins, and each call puts its values in their places."""
    stand_ins = {key: f"9087654321{index}" for index, key in enumerate(keys)}
    pattern = reverse(name, kwargs=stand_ins)

    def url(**values) -> str:
        made = pattern
        for key, stand_in in stand_ins.items():
            made = made.replace(stand_in, quote(str(values[key]), safe=""))
        return made

    return url


def link(url: str, text) -> str:
    return format_html('<a href="{}">{}</a>', url, text)


def text_or_dash(value) -> str:
    """A cell's text, escaped, or django-tables2's "—" for an empty value."""
    if value is None or value == "":
        return "—"
    return conditional_escape(value)


# --------------------------------------------------------------------------------------------------
# Columns


def rag_badge(rating: str, programme) -> str:
    """The RAG rating as a word in its colour (as ``includes/rag.html``), in the programme's
    own words."""
    if not rating:
        return mark_safe('<span class="rag rag-none">Not rated</span>')
    return format_html('<span class="rag rag-{}">{}</span>', rating, programme.rag_label(rating))


class RagColumn(Column):
    """RAG status, always as a word. ``programme_accessor`` says where a row's programme is
    when the table spans several programmes."""

    def __init__(self, *args, programme_accessor=None, **kwargs):
        kwargs.setdefault("verbose_name", "RAG status")
        kwargs.setdefault("empty_values", ())
        super().__init__(*args, **kwargs)
        self.programme_accessor = A(programme_accessor) if programme_accessor else None

    def render(self, record, table, bound_column):
        # The stored rating, not the display word django-tables2 would hand over as ``value``.
        rating = bound_column.accessor.resolve(record)
        programme = (
            self.programme_accessor.resolve(record) if self.programme_accessor else table.programme
        )
        return rag_badge(rating, programme)


class FuzzyDateColumn(Column):
    """A date as people write it, printed in report style ("end Jul 2007", "Q1 2009"); sorted
    by what it means (its last possible day, then its first), undated last either way."""

    def __init__(self, date_name: str, *args, with_moves: bool = False, **kwargs):
        self.date_name = date_name
        self.with_moves = with_moves
        kwargs.setdefault("accessor", f"{date_name}_text")
        super().__init__(*args, **kwargs)

    def render(self, value, record):
        if self.with_moves:  # with its moves, as the reports print it (prefetch date_changes)
            return slippage.milestone_phrase(record, self.date_name) or value
        return fuzzydates.format(getattr(record, self.date_name)) or value

    def order(self, queryset, is_descending):
        meaning = Coalesce(F(f"{self.date_name}_latest"), F(f"{self.date_name}_earliest"))
        first = F(f"{self.date_name}_earliest")
        if is_descending:
            keys = (meaning.desc(nulls_last=True), first.desc(nulls_last=True))
        else:
            keys = (meaning.asc(nulls_last=True), first.asc(nulls_last=True))
        return queryset.order_by(*keys, "pk"), True


class MarkdownColumn(Column):
    def render(self, value):
        return render_markdown(value)


class MoneyColumn(Column):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("attrs", {"td": {"class": "text-end"}, "th": {"class": "text-end"}})
        super().__init__(*args, **kwargs)

    def render(self, value):
        return pounds(value)


class ChangeColumn(Column):
    """A "Change" link on the rows the user may edit (``rights.can_edit_record``); nothing on the
    others. Exclude the column when the user can edit nothing in the programme."""

    def __init__(self, url_name: str, noun: str, *args, describe=str, **kwargs):
        kwargs.update(empty_values=(), orderable=False, verbose_name="Change")
        super().__init__(*args, **kwargs)
        self.url_name = url_name
        self.noun = noun
        self.describe = describe

    def render(self, record, table):
        if not table.rights.can_edit_record(record):
            return ""
        url = reverse(self.url_name, kwargs={"programme": table.programme.slug, "pk": record.pk})
        return format_html(
            '<a href="{}">Change<span class="visually-hidden"> {}: {}</span></a>',
            url,
            self.noun,
            self.describe(record),
        )


def savings_line_words(line: SavingsLine) -> str:
    """ "2009/10 cashable, recurring": how a savings line is named in links and messages."""
    year = line.financial_year_label or "no-year"
    return f"{year} {line.get_kind_display().lower()}, {line.get_recurrence_display().lower()}"


# --------------------------------------------------------------------------------------------------
# Tables


class RiskTable(BaseTable):
    row_header = "title"

    reference = Column(verbose_name="Reference")
    title = Column(verbose_name="Risk")
    service_area = Column(
        verbose_name="Service area",
        order_by=("service_area__order", "service_area__name"),
        default="Whole programme",
    )
    likelihood = Column(verbose_name="Likelihood", empty_values=())
    impact = Column(verbose_name="Impact", empty_values=())
    rating = Column(verbose_name="Rating (likelihood × impact)", empty_values=(), orderable=False)
    rag = RagColumn(verbose_name="RAG status chosen")
    lead_officer = Column(verbose_name="Lead officer")
    moderating_factors = MarkdownColumn(verbose_name="Moderating factors", orderable=False)
    review_date = Column(verbose_name="Review date")
    is_open = Column(verbose_name="Open or closed", empty_values=())
    change = ChangeColumn("registers:risk-edit", "risk")

    class Meta(BaseTable.Meta):
        model = Risk
        fields = ()
        empty_text = "No risks match: change or clear the filters."

    def _level(self, value, written, note):
        """The level in its author's words, with the scale's name when they differ
        ("Moderate (Medium)"), and the words written beside it."""
        label = self.programme.risk_level_label(value) if value else "Not assessed"
        words = self.programme.risk_level_words(value, written) or label
        if words.lower() != label.lower():
            words = f"{words} ({label})"
        if note:
            return format_html('{}<div class="date-words">{}</div>', words, note)
        return words

    def render_likelihood(self, value, record):
        return self._level(value, record.likelihood_as_written, record.likelihood_note)

    def render_impact(self, value, record):
        return self._level(value, record.impact_as_written, record.impact_note)

    def render_rating(self, record):
        """The matrix's rating (``Programme.risk_rating``): what the heat map and the red-risk
        counts go by."""
        rated = self.programme.risk_rating(record)
        badge = rag_badge(rated.rating, self.programme)
        if rated.rating and not rated.from_matrix:
            return format_html('{}<div class="small">As chosen: not assessed</div>', badge)
        return badge

    def render_rag(self, record):
        rated = self.programme.risk_rating(record)
        badge = rag_badge(record.rag, self.programme)
        if rated.disagrees:
            return format_html('{}<div class="small">Differs from the rating</div>', badge)
        return badge

    def render_review_date(self, value):
        return value.strftime("%d/%m/%Y")

    def render_is_open(self, value):
        return "Open" if value else "Closed"


class SavingsLineTable(BaseTable):
    row_header = "financial_year"

    reference = Column(verbose_name="Reference")
    financial_year = Column(verbose_name="Financial year", default="No year")
    service_area = Column(verbose_name="Service area", default="Whole programme")
    kind = Column(verbose_name="Cashable?")
    recurrence = Column(verbose_name="Recurring or one-off")
    target = MoneyColumn(verbose_name="Target")
    forecast = MoneyColumn(verbose_name="Forecast")
    achieved = MoneyColumn(verbose_name="Achieved")
    shortfall = MoneyColumn(verbose_name="Shortfall", orderable=False)
    note = MarkdownColumn(verbose_name="Note", orderable=False)
    change = ChangeColumn("registers:savings-edit", "savings line", describe=savings_line_words)

    class Meta(BaseTable.Meta):
        model = SavingsLine
        fields = ()
        orderable = False
        empty_text = "No savings lines are recorded."

    def render_financial_year(self, value):
        return fuzzydates.financial_year_label(value)


class ActionTable(BaseTable):
    row_header = "title"

    reference = Column(verbose_name="Reference")
    title = Column(verbose_name="Action")
    kind = Column(verbose_name="Kind")
    service_area = Column(
        verbose_name="Service area",
        order_by=("service_area__order", "service_area__name"),
        default="Whole programme",
    )
    owner = Column(verbose_name="Owner")
    start = FuzzyDateColumn("start", verbose_name="Start")
    due = FuzzyDateColumn("due", verbose_name="Due")
    status = Column(verbose_name="Status")
    importance = Column(verbose_name="Importance")
    measure = MarkdownColumn(verbose_name="Measure", orderable=False)
    target = MarkdownColumn(verbose_name="Target", orderable=False)
    resources_approved = Column(verbose_name="Resources approved", empty_values=(None,))
    change = ChangeColumn("registers:action-edit", "action")

    EQUALITY_COLUMNS = ("importance", "measure", "target", "resources_approved")

    class Meta(BaseTable.Meta):
        model = Action
        fields = ()
        empty_text = "No actions match: change or clear the filters."

    def render_resources_approved(self, value):
        return "Yes" if value else "No"
