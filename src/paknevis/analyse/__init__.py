"""Analyse: signals about a whole text (its language, its quality, its template lines)."""
from .boilerplate import is_boilerplate
from .language import detect_language
from .quality import quality_signals

__all__ = ["detect_language", "is_boilerplate", "quality_signals"]
