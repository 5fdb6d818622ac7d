"""Entities: the names of people, places and organisations in a text."""
from .finder import EntityMention, find_entities

__all__ = ["EntityMention", "find_entities"]
