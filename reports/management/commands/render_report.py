"""Print one report of one programme to a PDF file (or its HTML, for checking templates)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from programmes.models import Programme
from reports.forms import ReportOptionsForm
from reports.kinds import KINDS, build_report, get_kind
from reports.rendering import render_pdf, report_html


class Command(BaseCommand):
    help = (
        "Render a report of a programme to a PDF file, with the same options as the Reports "
        "page: e.g. render_report milestones agma-collaborative-services --output m.pdf "
        "--as-at 2010-03-31"
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="Which report.")
        parser.add_argument("programme", help="The programme's web address name (slug).")
        parser.add_argument("--output", required=True, help="The PDF file to write.")
        parser.add_argument(
            "--as-at", help="The date the report describes, YYYY-MM-DD (default: the usual)."
        )
        parser.add_argument("--since", help="Open with what changed since this date, YYYY-MM-DD.")
        parser.add_argument(
            "--since-pack", type=int, help="Open with what changed since this issued pack (id)."
        )
        parser.add_argument(
            "--area",
            action="append",
            type=int,
            default=[],
            help="Include only this service area (id); repeat for several.",
        )
        parser.add_argument(
            "--include-submitted",
            action="store_true",
            help="Also print updates submitted and not yet accepted (marked as such).",
        )
        parser.add_argument(
            "--html", action="store_true", help="Write the report's HTML instead of a PDF."
        )

    def handle(self, *args, **options):
        try:
            programme = Programme.objects.select_related("lead_organisation").get(
                slug=options["programme"]
            )
        except Programme.DoesNotExist:
            raise CommandError(f"There is no programme {options['programme']!r}.") from None
        kind = get_kind(options["kind"])
        data = QueryDict(mutable=True)
        for key, value in (
            ("as_at", options["as_at"]),
            ("since_date", options["since"]),
            ("since_pack", options["since_pack"]),
        ):
            if value:
                data[key] = str(value)
        data.setlist("areas", [str(area) for area in options["area"]])
        if options["include_submitted"]:
            data["include_submitted"] = "on"
        form = ReportOptionsForm(data, kind=kind, programme=programme)
        if not form.is_valid():
            problems = "; ".join(
                f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()
            )
            raise CommandError(f"The options are not valid: {problems}")

        started = time.perf_counter()
        report = build_report(kind, programme, form.to_options())
        output = Path(options["output"])
        if options["html"]:
            output.write_text(report_html(report), encoding="utf-8")
            self.stdout.write(f"Wrote {report.title} ({kind.label}) as HTML to {output}.")
            return
        rendered = render_pdf(report)
        output.write_bytes(rendered.content)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Wrote {report.title} ({kind.label}) to {output}: {rendered.pages} pages, "
            f"{len(rendered.content):,} bytes, {seconds:.1f} s."
        )
