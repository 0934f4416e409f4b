"""What the site's search leaves out of a reader's question.

Readers type questions ("how long was the meeting"), and the theme's search matches
every word as the start of a longer one, so "how" finds "however" and "Howell". The
words of the briefing's
language that say nothing of what is asked (question words, articles, pronouns, the
pieces of contractions and elisions) are its catalogue's `search_stop_words`; the theme
(overrides/assets/search.js) drops them from a query before searching. A reader's word
is not always the briefing's ("who started the call" for "initiated"): the catalogue's
`search_synonyms` are groups of words the script searches as one, and a briefing adds its
story's own (`search_synonyms` in briefing.yml: "inundation" for "flood")."""

from __future__ import annotations

from generator.i18n.messages import Messages, has_catalogue


def _listed(messages: Messages, key: str) -> list[str]:
    """A catalogue entry's comma-separated words, lower-cased, each once, in its order. None
    where the briefing's language has no catalogue of its own: another language's words
    would not be the ones its search index leaves out, and the search is left as it is."""
    if not has_catalogue(messages.language):
        return []
    return list(dict.fromkeys(word.strip().lower() for word in messages[key].split(",") if word.strip()))


def stop_words(messages: Messages) -> list[str]:
    """The catalogue's stop words, in its order."""
    return _listed(messages, "search_stop_words")


def stop_phrases(messages: Messages) -> list[str]:
    """The catalogue's phrases a question asks *how much* with ("how big"), the longest
    first: the script drops them whole, as it drops the stop words."""
    return sorted(_listed(messages, "search_stop_phrases"), key=len, reverse=True)


def endings(messages: Messages) -> list[str]:
    """The catalogue's endings a word as typed is also found with ("bridge", "bridges")."""
    return _listed(messages, "search_endings")


def synonyms(messages: Messages, story: list[list[str]] = ()) -> list[list[str]]:
    """The groups of words a question may use for one another, lower-cased: the story's
    own (`search_synonyms` of briefing.yml), then the catalogue's; none where the language
    has no catalogue of its own, as for the stop words."""
    if not has_catalogue(messages.language):
        return []
    language = (group.split(",") for group in messages["search_synonyms"].split(";"))
    merged: list[list[str]] = []  # groups that share a word are one group: a word has one
    for group in [*story, *language]:
        words = [word.strip().lower() for word in group if word.strip()]
        joined = [other for other in merged if set(other) & set(words)]
        merged = [other for other in merged if other not in joined]
        merged.append(list(dict.fromkeys([word for other in joined for word in other] + words)))
    return [group for group in merged if len(group) > 1]
