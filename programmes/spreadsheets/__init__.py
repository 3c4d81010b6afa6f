"""Excel in and out: a programme's lists exported to .xlsx, and the trackers councils already keep
(.xlsx or .csv) brought in through the same service functions as the web forms.

- ``columns``: one definition per kind of record of the columns we export and read back.
- ``export``: workbooks written row by row in openpyxl's write-only mode.
- ``reading``: opening an uploaded file defensively, into plain rows of cell values.
- ``values``: what a cell holds, turned into what a record holds.
- ``mapping``: which column holds which field, guessed from the headings.
- ``importing``: the preview (every row create, update, unchanged or error) and the commit.
- ``uploads``: the uploaded file kept between the steps of the web import.
"""
