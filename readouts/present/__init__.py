"""How records leave the archive: JSON/CSV formats, export, citations, wording, comparison."""
