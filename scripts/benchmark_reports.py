"""How fast the PDF reports print: every kind of report for every seed programme and for a
generated programme of 300 milestones, in one long-lived process (as the web server runs).

    .venv/bin/python scripts/benchmark_reports.py [--milestones 300] [--output-dir DIR]
    .venv/bin/python scripts/benchmark_reports.py --sections 10000 [--processes 2]

It sets Django up by itself against a throwaway SQLite database in a temporary folder (nothing
of the developer's own database or media is touched), loads the five seed programmes, generates
the large one, renders one report to warm up (fonts and stylesheets are loaded once per
process), then prints one Markdown table row per report: seconds, pages and pages per second.
``docs/performance.md`` records the figures.

With ``--sections N`` it instead makes a programme of N milestones (``seeds.large``, as
``manage.py make_large_programme``) and prints its milestones report twice in the same run:
in sections in parallel (``reports.sections``, ``--processes`` workers), then in one go as
before; for each it prints the seconds, the pages, the CPU seconds and the peak memory (the
largest resident size of this process and of any worker), the load average before and after
(the machine may be shared), and the speed-up.
"""

import argparse
import logging
import os
import resource
import sys
import tempfile
import time
from datetime import date, datetime
from datetime import time as day_time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SEED_AS_AT = {
    "agma-collaborative-services": date(2010, 3, 31),
    "enhanced-two-tier-working": date(2007, 7, 12),
    "manchester-improvement-programme": date(2009, 2, 5),
    "herts-programme-milestones-2008": date(2008, 12, 31),
    "wigan-support-services-review": date(2008, 10, 6),
}
GENERATED = "benchmark-generated"
GENERATED_AS_AT = date(2010, 3, 31)
AREAS = 20

COMMENT = """Workshops held with every authority; the data returns are being checked.

- Baseline costs collected from {number} services
- Options appraisal under way
    - shared service model
    - lead authority model
- Report to the Collaborative Services Group in the spring

A business case will follow once the options have been scored."""


def set_up_django(workdir: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'benchmark.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    os.environ["DEBUG"] = "false"  # the production path: stylesheets parsed once per process
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("weasyprint").setLevel(logging.ERROR)


def generate_programme(milestone_count: int):
    """A programme the size of a large real one: service areas with champions, staged
    milestones with slipped dates and bulleted comments, risks, savings, actions, a key."""
    from django.utils import timezone

    from milestones import fuzzydates
    from milestones.models import ReportingPeriod
    from milestones.services import milestone_create, milestone_reschedule, progress_update_write
    from programmes.models import (
        Action,
        GlossaryTerm,
        GovernanceBody,
        Meeting,
        Organisation,
        Person,
        Programme,
        Risk,
        SavingsLine,
        ServiceArea,
        ServiceAreaRole,
        StageDefinition,
    )

    council = Organisation.objects.create(name="Benchmark Borough Council", short_name="BBC")
    programme = Programme.objects.create(
        name="Benchmark Improvement Programme",
        slug=GENERATED,
        lead_organisation=council,
        service_area_label="Service Area",
        stage_label="Stage of the Delivery plan",
    )
    stages = [
        StageDefinition.objects.create(
            programme=programme, code=code, name=name, definition=f"{name} for every area", order=n
        )
        for n, (code, name) in enumerate(
            [("Stage 0", "Preparation"), ("Stage 1", "Identify"), ("Stage 2", "Deliver")]
        )
    ]
    for term in ("CSG", "JIB", "CIPFA", "RIEP", "SOCITM"):
        GlossaryTerm.objects.create(programme=programme, term=term, meaning=f"{term} in full")
    body = GovernanceBody.objects.create(programme=programme, name="Board", acronym="CSG")
    meeting = Meeting.objects.create(body=body, date=date(2010, 3, 10))
    period = ReportingPeriod.objects.create(
        programme=programme, label="March 2010", start=date(2010, 3, 1), end=date(2010, 3, 31)
    )
    as_at = timezone.make_aware(datetime.combine(GENERATED_AS_AT, day_time(12)))
    per_area = milestone_count // AREAS
    for number in range(AREAS):
        area = ServiceArea.objects.create(
            programme=programme,
            name=f"Service area {number + 1}",
            number=str(number + 1),
            order=number,
            rag=["green", "amber", "red"][number % 3],
        )
        person = Person.objects.create(
            name=f"Champion {number + 1}", job_title="Assistant Director", organisation=council
        )
        ServiceAreaRole.objects.create(service_area=area, person=person, role="champion")
        progress_update_write(
            service_area=area, period=period, text=COMMENT.format(number=3), opened_version=None
        )
        for index in range(per_area):
            month = 1 + (number + index) % 12
            milestone = milestone_create(
                service_area=area,
                title=f"{stages[index % 3].code} – step {index + 1}",
                stage=stages[index % 3],
                planned_start=fuzzydates.parse(f"{month}/2009"),
                planned_completion=fuzzydates.parse(f"{month}/2010"),
                comment=COMMENT.format(number=index + 2),
                reports_to=meeting if index % 5 == 0 else None,
                order=index,
            )
            if index % 3 == 0:
                for later in (f"{month}/2011", f"{month}/2012")[: 1 + index % 2]:
                    milestone_reschedule(
                        milestone=milestone,
                        field="planned_completion",
                        new=fuzzydates.parse(later),
                        reason="Data returns late",
                        at=as_at,
                    )
        Risk.objects.create(
            programme=programme,
            service_area=area,
            title=f"Risk of area {number + 1}",
            description="Capacity to deliver",
            likelihood=1 + number % 3,
            impact=1 + number // 3 % 3,
            lead_officer="Programme manager",
            moderating_factors="- Clear plan\n- Support",
            rag="amber",
        )
        Action.objects.create(
            programme=programme, service_area=area, title="Follow-on action", kind="follow_on"
        )
    for year in range(2008, 2012):
        SavingsLine.objects.create(
            programme=programme,
            financial_year=year,
            target=Decimal(1_250_000),
            forecast=Decimal(1_100_000),
        )
    return programme


def peak_mb(who) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kB on Linux


def cpu_seconds(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def compare_sections(milestones: int, processes: int, output_dir: str | None) -> None:
    """One large report printed in sections in parallel, then in one go, in the same run."""
    from django.test import override_settings

    from reports.kinds import KINDS, build_report
    from reports.options import ReportOptions, default_as_at
    from reports.rendering import render_pdf, report_html
    from seeds.large import make_large_programme

    log = logging.getLogger("reports.sections")
    log.setLevel(logging.INFO)
    log.addHandler(logging.StreamHandler(sys.stdout))
    log.propagate = False
    started = time.perf_counter()
    made = make_large_programme(milestones=milestones, slug="sections-benchmark")
    as_at = default_as_at(made.programme)
    report = build_report(KINDS["milestones"], made.programme, ReportOptions(as_at=as_at))
    html_bytes = len(report_html(report))
    print(
        f"Generated a programme of {milestones:,} milestones and its report's data in "
        f"{time.perf_counter() - started:.1f} s; HTML {html_bytes / 1e6:.1f} MB.\n"
    )
    runs = [
        (
            "in sections, parallel",
            {"REPORT_RENDER_PROCESSES": processes, "REPORT_SECTIONS_MIN_BYTES": 0},
        ),
        ("in one go", {"REPORT_SECTIONS_MIN_BYTES": 10**12}),
    ]
    print("| how | seconds | pages | CPU s (this process + workers) | peak MB (process / worker) |")
    print("|---|---:|---:|---:|---:|")
    seconds = {}
    for name, overrides in runs:
        load = os.getloadavg()[0]
        cpu = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        with override_settings(**overrides):
            rendered = render_pdf(report)
        seconds[name] = time.perf_counter() - began
        cpu = cpu_seconds(resource.RUSAGE_SELF) + cpu_seconds(resource.RUSAGE_CHILDREN) - cpu
        print(
            f"| {name} | {seconds[name]:.1f} | {rendered.pages:,} | {cpu:.1f} | "
            f"{peak_mb(resource.RUSAGE_SELF):.0f} / {peak_mb(resource.RUSAGE_CHILDREN):.0f} |"
            f" (load average {load:.1f} before, {os.getloadavg()[0]:.1f} after)",
            flush=True,
        )
        if output_dir:
            out = Path(output_dir)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"sections-{name.split()[1].strip(',')}.pdf").write_bytes(rendered.content)
        del rendered
    print(
        f"\nSpeed-up with {processes} processes: "
        f"{seconds['in one go'] / seconds['in sections, parallel']:.2f}×. Peak sizes are the "
        "largest so far: the process's after the one-go print includes it."
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--milestones", type=int, default=300)
    parser.add_argument("--output-dir", help="Also keep the PDFs in this folder.")
    parser.add_argument(
        "--sections",
        type=int,
        metavar="N",
        help="Compare printing a report of N milestones in sections with printing it in one go.",
    )
    parser.add_argument("--processes", type=int, default=2, help="Workers for --sections.")
    arguments = parser.parse_args()

    if arguments.sections:
        with tempfile.TemporaryDirectory(prefix="benchmark-reports-") as folder:
            set_up_django(Path(folder))
            from django.core.management import call_command

            call_command("migrate", verbosity=0)
            compare_sections(arguments.sections, arguments.processes, arguments.output_dir)
        return

    with tempfile.TemporaryDirectory(prefix="benchmark-reports-") as folder:
        set_up_django(Path(folder))
        from django.core.management import call_command

        from programmes.models import Programme
        from reports.kinds import KINDS, build_report
        from reports.options import ReportOptions
        from reports.rendering import render_pdf

        call_command("migrate", verbosity=0)
        call_command("load_seed_programmes", verbosity=0)
        started = time.perf_counter()
        generate_programme(arguments.milestones)
        print(
            f"Generated a programme of {arguments.milestones} milestones in "
            f"{time.perf_counter() - started:.1f} s.\n"
        )

        def render(kind, programme, as_at):
            began = time.perf_counter()
            rendered = render_pdf(build_report(kind, programme, ReportOptions(as_at=as_at)))
            return rendered, time.perf_counter() - began

        programmes = [*SEED_AS_AT.items(), (GENERATED, GENERATED_AS_AT)]
        _, seconds = render(KINDS["risks"], Programme.objects.get(slug=GENERATED), GENERATED_AS_AT)
        print(f"Warm-up render (fonts and stylesheets loaded): {seconds:.2f} s\n")
        print("| programme | report | seconds | pages | pages/s |")
        print("|---|---|---:|---:|---:|")
        total_seconds = total_pages = 0
        for slug, as_at in programmes:
            programme = Programme.objects.select_related("lead_organisation").get(slug=slug)
            for kind in KINDS.values():
                rendered, seconds = render(kind, programme, as_at)
                total_seconds += seconds
                total_pages += rendered.pages
                print(
                    f"| {slug} | {kind.slug} | {seconds:.2f} | {rendered.pages} | "
                    f"{rendered.pages / seconds:.1f} |",
                    flush=True,
                )
                if arguments.output_dir:
                    out = Path(arguments.output_dir)
                    out.mkdir(parents=True, exist_ok=True)
                    (out / f"{slug}-{kind.slug}.pdf").write_bytes(rendered.content)
        print(
            f"\nAll {len(programmes) * len(KINDS)} reports: {total_seconds:.1f} s, "
            f"{total_pages} pages, {total_pages / total_seconds:.1f} pages/s."
        )


if __name__ == "__main__":
    main()
