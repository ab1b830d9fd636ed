"""``make faults``: the archive under faults (database outages, writers beside readers, killed
loads), each scenario a module here returning a ``result.ScenarioResult``."""
