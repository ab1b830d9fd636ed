"""Views: the filtered lists (``lists``) and the pages about one thing (``pages``)."""
