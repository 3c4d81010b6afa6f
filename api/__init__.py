"""The programme's data for other systems: the REST API under /api/ (with its OpenAPI schema),
personal API tokens, open data a programme chooses to publish, and calendar feeds. It reads
through the pages' rights and writes through the pages' services; nothing here is a second
home of a rule."""
