"""What the site's search leaves out of a reader's question.

Readers type questions ("how long was the call"), and the theme's search matches every
word as the start of a longer one, so "how" finds "Howard". The words of the briefing's
language that say nothing of what is asked (question words, articles, pronouns, the
pieces of contractions and elisions) are its catalogue's `search_stop_words`; the theme
(overrides/assets/search.js) drops them from a query before searching."""

from __future__ import annotations

from .messages import Messages


def stop_words(messages: Messages) -> list[str]:
    """The catalogue's stop words, lower-cased, each once, in the catalogue's order."""
    words = (word.strip().lower() for word in messages["search_stop_words"].split(","))
    return list(dict.fromkeys(word for word in words if word))
