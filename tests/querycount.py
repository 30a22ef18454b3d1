"""How many queries a page takes, for the tests that keep query counts flat as data grows."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url, *, cold: bool = False) -> int:
    """The queries of a second GET of `url` (the first warms sessions, site and content
    types); with `cold`, the cache is cleared in between, so cached figures are computed."""
    client.get(url)
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
