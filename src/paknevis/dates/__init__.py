"""Dates: find Solar Hijri, Gregorian and Hijri lunar dates, times, intervals and durations."""
from .finder import DateMention, find_dates
from .metadata import english_date, read_date

__all__ = ["DateMention", "english_date", "find_dates", "read_date"]
