"""link: speakers to canonical people across documents."""
from .people import link_document, link_person

__all__ = ["link_document", "link_person"]
