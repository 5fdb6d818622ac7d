"""Web: the archive over HTTP (JSON API) and as a Persian page."""
from .app import create_app

__all__ = ["create_app"]
