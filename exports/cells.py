"""Facts about a spreadsheet cell that writing a workbook and reading one both rely on."""

# The error codes Excel shows in a cell: never a value, whether we write one or read one.
EXCEL_ERRORS = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))
# The most characters an Excel cell holds; longer text is cut to this on export.
EXCEL_CELL_LIMIT = 32_767
