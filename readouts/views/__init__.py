"""The site's views: filtered lists in ``lists``, pages about one thing in ``pages``."""

from .lists import CallListView, StatementListView
from .pages import (
    CallDetailView,
    OfficialDetailView,
    OfficialListView,
    TopicDetailView,
    TopicListView,
)

__all__ = [
    "CallDetailView",
    "CallListView",
    "OfficialDetailView",
    "OfficialListView",
    "StatementListView",
    "TopicDetailView",
    "TopicListView",
]
