"""A report's structure as data (``reports.structure``): parts in order, tables placed after
the paragraph that announces them, a programme's own structure saved with its history."""

from dataclasses import dataclass, replace
from datetime import date

import pytest

from core.savings import calculated_total
from programmes.models import Programme
from programmes.rights import Rights
from reports.kinds import build_report, get_kind
from reports.layouts import layout_parts, layout_save
from reports.options import ReportOptions
from reports.rendering import report_html
from reports.structure import SECTIONS, Part, arrange, preset


@dataclass
class Section:
    number: str
    heading: str
    body: str


SECTIONS_WRITTEN = [
    Section("1", "Introduction", "Why."),
    Section("3.2", "Implementation plan", "Lead in. These include:\n\nAll actions are in plans."),
    Section("", "Sign-off", "Appendix E\n\nThe table follows."),
]


def printed(layout) -> list[str]:
    return [
        f"{item.section.number or item.section.heading}:{item.body}"
        if item.is_section
        else item.part.key
        for item in layout
    ]


def test_a_part_goes_after_the_paragraph_that_announces_it():
    parts = [Part(SECTIONS), Part("follow_on", after="3.2", after_text="These include:")]
    assert printed(arrange(parts, SECTIONS_WRITTEN)) == [
        "1:Why.",
        "3.2:Lead in. These include:",
        "follow_on",
        "3.2:All actions are in plans.",
        "Sign-off:Appendix E\n\nThe table follows.",
    ]


def test_a_written_section_can_be_moved_and_a_part_with_no_anchor_keeps_its_place():
    parts = [
        Part(SECTIONS),
        Part("milestones", title="Appendix A"),
        Part("section:Sign-off", show_heading=False),
        Part("equality", after="Sign-off"),
        Part("risks", after="9.9"),  # no such section: printed where it stands
        Part("hidden", shown=False),
    ]
    assert printed(arrange(parts, SECTIONS_WRITTEN)) == [
        "1:Why.",
        "3.2:Lead in. These include:\n\nAll actions are in plans.",
        "milestones",
        "Sign-off:Appendix E\n\nThe table follows.",
        "equality",
        "risks",
    ]


def test_calculated_totals_add_only_plain_figures():
    result = calculated_total(
        [("A", 100, ""), ("B", 20, "minimum"), ("C", None, "tbc"), ("D", 5, "-"), ("E", 7, "£7–8k")]
    )
    assert result.total == 105
    assert result.excluded == ("B (£20 minimum)", "C (tbc)", "E (£7 £7–8k)")


@pytest.mark.django_db
def test_a_programmes_own_structure_is_kept_and_printed(django_user_model):
    manager = django_user_model.objects.get(username="manager")
    programme = Programme.objects.get(slug="manchester-improvement-programme")
    parts = [
        Part("cover"),
        Part(SECTIONS),
        Part("work_programme", title="Our plans", after="6.0"),
        Part("achievements", shown=False),
    ]
    record = layout_save(
        programme=programme,
        kind="committee",
        parts=parts,
        opened_version=None,
        by=manager,
        rights=Rights.of(manager),
    )
    assert record.history.count() == 1
    assert [p.key for p in layout_parts(programme, "committee")][:4] == [
        "cover",
        SECTIONS,
        "work_programme",
        "achievements",
    ]
    options = ReportOptions(as_at=date(2009, 2, 5))
    html = report_html(build_report(get_kind("committee"), programme, options))
    assert "<h2>Our plans</h2>" in html
    assert "5.1 MiCARE Implementation" not in html


def test_the_presets_are_the_seeds_formats():
    assert [p.title for p in preset("closure") if p.title.startswith("Appendix")] == [
        "Appendix A – Key milestones",
        "Appendix B – Review Objectives",
        "Appendix C – Updated Implementation Plan",
        "Appendix D – Updated Risk Log",
    ]


@pytest.mark.django_db
def test_an_empty_part_is_left_out_or_printed_with_the_managers_sentence(django_user_model):
    """AGMA keeps no risk log: its closure report prints no Appendix D at all, until the manager
    writes the sentence to print in its place; never a placeholder of the application's."""
    manager = django_user_model.objects.get(username="manager")
    programme = Programme.objects.get(slug="agma-collaborative-services")
    options = ReportOptions(as_at=date(2010, 3, 31))

    def closure() -> str:
        return report_html(build_report(get_kind("closure"), programme, options))

    assert "Appendix D" not in closure()
    sentence = "No risks were open when the project closed."
    parts = [
        replace(part, when_empty=sentence) if part.key == "risks" else part
        for part in preset("closure")
    ]
    layout_save(
        programme=programme,
        kind="closure",
        parts=parts,
        opened_version=None,
        by=manager,
        rights=Rights.of(manager),
    )
    html = closure()
    assert "Appendix D – Updated Risk Log" in html
    assert f"<p>{sentence}</p>" in html
