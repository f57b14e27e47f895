"""cluster: documents into stories, quotations into statements, and honest source counts.

Called at ingest, inside each document's transaction, after its quotes, people, events and
copies are stored (see ``pipeline/ingest.py``); ``backfill.cluster_stored`` does the same for
documents stored before.
"""
from .corroboration import independent_sources, refresh_sources
from .statements import link_statements
from .stories import assign_story, leave_story

__all__ = ["assign_story", "independent_sources", "leave_story", "link_statements", "refresh_sources"]
