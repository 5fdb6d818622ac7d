"""Analyse: signals about a whole text (its language, its quality)."""
from .language import detect_language
from .quality import quality_signals

__all__ = ["detect_language", "quality_signals"]
