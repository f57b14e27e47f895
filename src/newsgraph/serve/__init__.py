"""The analyst workspace: an HTTP API and a web UI over one database, and a shareable report.

``app`` builds the FastAPI application (JSON API under /api, the UI at /);
each resource module (``documents``, ``people``, ``events``, ``stories``,
``search``) holds the routes and SQL of one kind of thing; ``report`` writes
the same UI with a snapshot of the data into one self-contained HTML file.
"""
