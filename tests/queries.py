"""What a page's SQL is, for the tests that bound it."""


def page_sql(captured_queries) -> list[str]:
    """The SQL a page ran itself: the cache tables' reads and writes (PostgreSQL's counts and
    kept pages, with the transaction around a write) left out."""
    return [
        query["sql"]
        for query in captured_queries
        if "_cache" not in query["sql"] and query["sql"] not in ("BEGIN", "COMMIT")
    ]
