"""What the site's search leaves out of a reader's question.

Readers type questions ("how long was the meeting"), and the theme's search matches
every word as the start of a longer one, so "how" finds "however" and "Howell". The
words of the briefing's
language that say nothing of what is asked (question words, articles, pronouns, the
pieces of contractions and elisions) are its catalogue's `search_stop_words`; the theme
(overrides/assets/search.js) drops them from a query before searching. A reader's word
is not always the briefing's ("who started the call" for "initiated"): the catalogue's
`search_synonyms` are groups of words the script searches as one."""

from __future__ import annotations

from generator.i18n.messages import Messages, has_catalogue


def stop_words(messages: Messages) -> list[str]:
    """The catalogue's stop words, lower-cased, each once, in the catalogue's order. None
    where the briefing's language has no catalogue of its own: another language's words
    would not be the ones its search index leaves out, and the search is left as it is."""
    if not has_catalogue(messages.language):
        return []
    words = (word.strip().lower() for word in messages["search_stop_words"].split(","))
    return list(dict.fromkeys(word for word in words if word))


def synonyms(messages: Messages) -> list[list[str]]:
    """The catalogue's groups of words a question may use for one another, lower-cased:
    none where the language has no catalogue of its own, as for the stop words."""
    if not has_catalogue(messages.language):
        return []
    groups = ([word.strip().lower() for word in group.split(",") if word.strip()] for group in messages["search_synonyms"].split(";"))
    return [group for group in groups if len(group) > 1]
