"""One module per report kind, each gathering its report's rows as plain data."""
