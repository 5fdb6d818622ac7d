"""Dates: find Solar Hijri, Gregorian and Hijri lunar dates, times, intervals and durations."""
from .finder import DateMention, find_dates
from .metadata import read_date

__all__ = ["DateMention", "find_dates", "read_date"]
