"""The event ontology newsgraph codes in: PLOVER 2.0."""
