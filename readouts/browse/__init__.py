"""Reading the archive by filters: the FilterSets, facets, chips, query links and timeline."""
