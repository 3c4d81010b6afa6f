"""Sections of a long report, printed apart (``reports.sections``), joined into one tagged PDF.

The first section's file is the base: its catalogue keeps the title, language, metadata
(PDF/UA identification), viewer preferences and ``MarkInfo``. Each later section's pages are
appended, and with them:

- **the structure tree**: WeasyPrint tags each page's boxes under the one ``Document`` element,
  page by page, so the sections' ``Document`` children are appended in order, re-parented, and
  the ``ParentTree`` rebuilt with the pages' numbers in the whole report (then the link
  annotations', numbered after the pages), each page's ``StructParents`` and each annotation's
  ``StructParent`` renumbered to match;
- **the outline**: rebuilt from every page's bookmarks with WeasyPrint's own nesting rule, so a
  heading in a later section sits under the chapter it belongs to, as in one go;
- **named destinations**, merged into one sorted name tree.

The footer's "Page N of M" is printed by WeasyPrint with the report's own stylesheets in a
document of as many empty pages, each the size of the report's page, and stamped onto each
page as an artifact (page furniture that assistive technology skips), as the rest of the
running header and footer are.
"""

import tempfile
from types import SimpleNamespace

import pikepdf
from pikepdf import Array, Dictionary, Name, String
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from .section_worker import PreparedFetcher, PrintedSection, Resources

PAGE_NUMBERS_ONLY = (
    "@page { @top-left { content: none } @top-center { content: none }"
    " @top-right { content: none } @bottom-left { content: none } }"
    " .page + .page { break-before: page }"
)
PX_TO_PT = 0.75  # WeasyPrint's CSS pixel in PDF points


def _bookmark_tree(printed: list[PrintedSection]) -> list:
    """The whole report's outline: (label, (page, x, y), children, state), as WeasyPrint makes
    it for a document of all the sections' pages."""
    pages = [
        SimpleNamespace(bookmarks=bookmarks, width=width, height=height)
        for section in printed
        for (width, height), bookmarks in zip(
            section.page_sizes, section.page_bookmarks, strict=True
        )
    ]
    return Document.make_bookmark_tree(
        SimpleNamespace(pages=pages), scale=PX_TO_PT, transform_pages=True
    )


def _add_outlines(pdf: pikepdf.Pdf, tree: list, parent=None) -> tuple[list, int]:
    """WeasyPrint's ``add_outlines``, written with pikepdf."""
    count = len(tree)
    items = []
    for title, (page, x, y), children, state in tree:
        item = pdf.make_indirect(
            Dictionary(Title=String(title), Dest=Array([pdf.pages[page].obj, Name.XYZ, x, y, 0]))
        )
        child_items, child_count = _add_outlines(pdf, children, parent=item)
        item.Count = -child_count if state == "closed" else child_count
        if state != "closed":
            count += child_count
        if items:
            item.Prev = items[-1]
            items[-1].Next = item
        if child_items:
            item.First, item.Last = child_items[0], child_items[-1]
        if parent is not None:
            item.Parent = parent
        items.append(item)
    if parent is None:
        if "/Outlines" in pdf.Root:
            del pdf.Root.Outlines
        if items:
            outlines = pdf.make_indirect(Dictionary(Count=count, First=items[0], Last=items[-1]))
            for item in items:
                item.Parent = outlines
            pdf.Root.Outlines = outlines
    return items, count


def _copy(pdf: pikepdf.Pdf, value):
    """``value`` of another PDF, in ``pdf``: its indirect objects copied once each (pikepdf
    maps an object copied twice to the same copy)."""
    if isinstance(value, pikepdf.Object) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy(pdf, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(pdf, item) for key, item in value.items()})
    return value


def _parent_tree_entries(pdf: pikepdf.Pdf) -> tuple[dict[int, object], list[object]]:
    """A section's ParentTree: each page's array of elements by page number, and the link
    annotations' elements in order."""
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    pages, annotations = {}, []
    page_count = len(pdf.pages)
    for index in range(0, len(nums), 2):
        key, value = int(nums[index]), nums[index + 1]
        if key < page_count:
            pages[key] = value
        else:
            annotations.append(value)
    return pages, annotations


def _named_destinations(pdf: pikepdf.Pdf) -> list[tuple[bytes, object]]:
    names = pdf.Root.get("/Names", Dictionary()).get("/Dests", Dictionary()).get("/Names", Array())
    return [(bytes(names[i]), names[i + 1]) for i in range(0, len(names), 2)]


def _print_page_numbers(printed, stylesheets, resources, path) -> None:
    sizes = [size for section in printed for size in section.page_sizes]
    pages = "".join(
        '<div class="page wide"></div>' if width > height else '<div class="page"></div>'
        for width, height in sizes
    )
    fetcher = PreparedFetcher(resources)
    font_config = FontConfiguration()
    sheets = [
        CSS(string=text, font_config=font_config, url_fetcher=fetcher)
        for text in (*stylesheets, PAGE_NUMBERS_ONLY)
    ]
    document = HTML(
        string=f'<!doctype html><html lang="en-GB"><body>{pages}</body></html>',
        url_fetcher=fetcher,
    ).render(font_config=font_config, stylesheets=sheets)
    printed_sizes = [(page.width, page.height) for page in document.pages]
    if printed_sizes != sizes:
        raise RuntimeError("The page numbers did not print one to a page of the same size.")
    document.write_pdf(path)


def _stamp(page: pikepdf.Page, numbers: pikepdf.Page, pdf: pikepdf.Pdf) -> None:
    form = pdf.copy_foreign(numbers.as_form_xobject())
    name = page.add_resource(form, Name.XObject, prefix="PageNumber")
    page.contents_add(b"q", prepend=True)
    page.contents_add(b"Q /Artifact BMC q " + bytes(name.unparse()) + b" Do Q EMC")


def merge_sections(
    printed: list[PrintedSection], *, stylesheets: tuple[str, ...], resources: Resources, target
) -> int:
    """Write the sections as one PDF to ``target`` (a path); its number of pages."""
    pdf = pikepdf.open(printed[0].path)
    root = pdf.Root.StructTreeRoot
    document = root.K[0]
    page_trees, annotation_trees = _parent_tree_entries(pdf)
    annotations = list(annotation_trees)
    destinations = _named_destinations(pdf)
    sources = []
    for section in printed[1:]:
        source = pikepdf.open(section.path)
        sources.append(source)  # open until the merged file is written
        offset = len(pdf.pages)
        pdf.pages.extend(source.pages)
        for page in pdf.pages[offset:]:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        source_document = pdf.copy_foreign(source.Root.StructTreeRoot.K[0])
        for kid in source_document.K:
            document.K.append(kid)
        source_pages, source_annotations = _parent_tree_entries(source)
        for key, elements in source_pages.items():
            elements = _copy(pdf, elements)
            for element in elements:
                if element.get("/P") == source_document:
                    element.P = document
            page_trees[key + offset] = elements
        for tree in source_annotations:
            annotations.append(_copy(pdf, tree))
        destinations.extend(
            (name, _copy(pdf, destination)) for name, destination in _named_destinations(source)
        )

    total = len(pdf.pages)
    nums = Array()
    for key in range(total):
        nums.extend([key, page_trees[key]])
    for number, element in enumerate(annotations, start=total):
        nums.extend([number, element])
        kids = element.get("/K", Array())
        for kid in kids if isinstance(kids, Array) else [kids]:
            if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR:
                kid.Obj.StructParent = number
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))

    if destinations:
        seen = {}
        for name, destination in destinations:
            seen.setdefault(name, destination)
        names = Array()
        for name in sorted(seen):
            names.extend([String(name), seen[name]])
        pdf.Root.Names = pdf.Root.get("/Names", Dictionary())
        pdf.Root.Names.Dests = Dictionary(Names=names)

    _add_outlines(pdf, _bookmark_tree(printed))

    with tempfile.NamedTemporaryFile(suffix=".pdf") as numbers_file:
        _print_page_numbers(printed, stylesheets, resources, numbers_file.name)
        with pikepdf.open(numbers_file.name) as numbers:
            for page, number in zip(pdf.pages, numbers.pages, strict=True):
                _stamp(page, number, pdf)
            pdf.save(target)
    for source in sources:
        source.close()
    pdf.close()
    return total
