"""Fact extraction over the clean text: entities, quotes, claims, dates, places."""
