"""The flow of DESIGN.md: read -> clean -> annotate -> extract -> link -> store."""
from .ingest import IngestReport, ingest
from .registry import STAGES, build, stage

__all__ = ["IngestReport", "STAGES", "build", "ingest", "stage"]
