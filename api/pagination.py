"""Lists come a page at a time: ``?page=2``, a hundred rows a page unless ``?page_size=`` asks
for fewer (or up to five hundred)."""

from rest_framework.pagination import PageNumberPagination


class Pages(PageNumberPagination):
    page_size = 100
    page_size_query_param = "page_size"
    max_page_size = 500
