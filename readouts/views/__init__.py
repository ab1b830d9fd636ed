"""The filtered lists (``lists``); the pages about one thing live in ``readouts.detail_views``."""

from .lists import CallListView, StatementListView

__all__ = ["CallListView", "StatementListView"]
