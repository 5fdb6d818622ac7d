"""Dates: find Solar Hijri, Gregorian and Hijri lunar dates, times, intervals and durations."""
from .finder import DateMention, find_dates

__all__ = ["DateMention", "find_dates"]
