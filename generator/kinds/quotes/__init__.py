"""What was said, by speaker (a person of the people section) and in date order: one
entry per thing said. Where the articles word it differently, its wordings are kept
under it, each with the articles that print it, and the entries of the differences
page about it are linked from it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import ConfigDict, Field, model_validator

from generator.content.models import EditorWord, FieldProblem, Id, Model, RefTo, SourceIds, Text, Translation, VenueRef, Verbatim, When, in_date_order
from generator.core.editor import say
from generator.core.inline import escape_text, plain_text, render_inline
from generator.kinds import Context, Kind

Quoted = Annotated[Text, Verbatim()]
"""Words a direct quote holds: each must stand word for word in every article it cites."""

Fragments = Annotated[list[Quoted], Field(min_length=2)]
"""A statement the articles quote in pieces, in the order the pieces come in it."""


PersonRef = Annotated[Id, RefTo("people")]  # who said it: a person of the people section
DifferenceRef = Annotated[Id, RefTo("differences")]  # an entry of the differences section


class Wording(Model):
    """One wording of what was said, as the articles it cites print it: the words whole
    (`text`) or the pieces they quote (`fragments`)."""

    model_config = ConfigDict(json_schema_extra={"oneOf": [{"required": ["text"]}, {"required": ["fragments"]}]})

    text: Quoted | None = None
    fragments: Fragments | None = None
    translation: Translation | None = None  # where the articles print it in another language than the briefing's
    sources: SourceIds

    @model_validator(mode="after")
    def _has_words(self) -> Wording:
        _words_given(self, "kind_quote_wording_words")
        return self


class Quote(Model):
    """One entry: a thing a person said, exactly (`direct`) or in paraphrase. Its words
    are `text` (or `fragments`) with the `sources` that print them; or, where the articles
    word it differently, `wordings`, each with its own, the one the page leads with first."""

    # For editors' schema checks, as the model's own check below: the words one way only,
    # `sources` beside `text` or `fragments`, and none beside `wordings`.
    model_config = ConfigDict(
        json_schema_extra={
            "oneOf": [{"required": ["text"]}, {"required": ["fragments"]}, {"required": ["wordings"]}],
            "dependentRequired": {"text": ["sources"], "fragments": ["sources"]},
            "dependentSchemas": {"wordings": {"not": {"required": ["sources"]}}},
        }
    )

    id: Id
    speaker: PersonRef
    text: Quoted | None = None
    fragments: Fragments | None = None  # where the articles quote it in pieces
    translation: Translation | None = None  # where the articles print it in another language than the briefing's
    wordings: Annotated[list[Wording], Field(min_length=2)] | None = None  # where the articles word it differently
    kind: Literal["direct", "paraphrase"]
    context: Text  # what it is about, for the reader
    reporting: Text | None = None  # how the articles report it (who says where, how each prints it): folded under the quote
    when: When
    venue: VenueRef | None = None  # one of the briefing's `venues`; left out where the article does not say
    sources: SourceIds | None = None  # with `wordings`, each wording has its own
    differences: list[DifferenceRef] = []  # the entries of the differences page about what was said

    def quotes_directly(self) -> bool:
        return self.kind == "direct"

    @model_validator(mode="after")
    def _words_once(self) -> Quote:
        if self.wordings is None and "wordings" not in self.model_fields_set:
            _words_given(self, "kind_quote_words")
            if self.sources is None:
                raise FieldProblem("sources", say("field_missing", name="sources"))
            return self
        if self.wordings is None:
            raise FieldProblem("wordings", _got_nothing("wordings"))
        for name in ("text", "fragments", "translation", "sources"):
            if name in self.model_fields_set:
                raise FieldProblem(name, say("kind_quote_wordings_own", name=name))
        return self

    @property
    def all_wordings(self) -> list[Wording | Quote]:
        """Its wordings, the one the page leads with first: a quote worded one way is its own
        one wording (it has `text` or `fragments`, and `sources`, as a wording has)."""
        return self.wordings or [self]


_EXPECTED = {"text": "type_text", "fragments": "type_list", "wordings": "type_list", "sources": "type_list"}
"""What each field of the words holds, as the editors' catalogue names it."""


def _got_nothing(name: str) -> str:
    return say("expected", wanted=say(_EXPECTED[name]), got=say("got_nothing"))


def _words_given(model: Quote | Wording, what: str) -> None:
    """The words are `text` or `fragments`: one of them, and not both. A field written with
    nothing after it (`text:`) is an empty field, not one left out. `what` is the catalogue's
    key for what to add where neither is given."""
    for name in sorted(model.model_fields_set & set(_EXPECTED)):
        if getattr(model, name) is None:
            raise FieldProblem(name, _got_nothing(name))
    if model.text is not None and model.fragments is not None:
        raise FieldProblem("fragments", say("kind_quote_text_and_fragments"))
    if model.text is None and model.fragments is None:
        raise FieldProblem("text", say("kind_quote_words_missing", what=say(what)))


# --- the page ------------------------------------------------------------------------


@dataclass(frozen=True)
class ShownWording:
    """A wording as the page shows it: its words, fragments joined by the language's mark
    of words left out, and the articles that print it. A translated wording shows the
    translation, says so and by whom, and keeps the words as printed a click away."""

    words: Markup
    sources: list[str]
    original: Markup | None = None  # the words as the articles print them, where `words` is a translation
    original_language: str = ""  # its language's code, for the reader's browser and screen reader (`lang`)
    translated: Markup = Markup()  # "translated from French by the desk"
    original_label: Markup = Markup()  # "As printed, in French": what opens the original


@dataclass(frozen=True)
class ShownQuote:
    """An entry as the page shows it."""

    quote: Quote
    wordings: list[ShownWording]  # the first leads; any others are the articles' other wordings
    date: str  # when it was said
    date_note: str | None  # a short note, where the editor supplied the date (`editor-date.md.j2` shows both)
    differences: list[tuple[str, Markup]]  # each difference's topic, as text, and its link

    @property
    def folded(self) -> bool:
        """Whether it has several wordings: then each wording shows its own sources."""
        return len(self.wordings) > 1


def view(page, context: Context) -> dict:
    people = {person.id: person for person in context.content.entries("people")}
    differences = {difference.id: difference for difference in context.content.entries("differences")}
    differences_page = context.content.page("differences")
    by_speaker: dict[str, list] = {}
    for quote in in_date_order(page.entries):
        by_speaker.setdefault(quote.speaker, []).append(_shown(quote, differences, context))
    order = [person_id for person_id in people if person_id in by_speaker]
    return {
        "speakers": [(people[speaker_id], by_speaker[speaker_id]) for speaker_id in order],
        "speaker_link": lambda person: _safe(context.links.entry("people", person)),
        "differences_title": plain_text(differences_page.title) if differences_page else "",
    }


def _shown(quote: Quote, differences: dict, context: Context) -> ShownQuote:
    gap = escape_text(context.messages["fragment_gap"])
    wordings = []
    for wording in quote.all_wordings:
        printed = gap.join(map(render_inline, wording.fragments)) if wording.fragments else render_inline(wording.text)
        if wording.translation is None:
            wordings.append(ShownWording(printed, list(wording.sources)))
            continue
        language = context.content.language_of(wording.sources[0])
        name = context.present.language_name(language)
        translated = escape_text(context.messages.format("translated_by", language=name, by=plain_text(wording.translation.by)))
        label = escape_text(context.messages.format("original_words", language=name))
        wordings.append(ShownWording(render_inline(wording.translation.words), list(wording.sources), printed, language, translated, label))
    linked = [
        (plain_text(differences[name].topic), _safe(context.links.entry("differences", differences[name]))) for name in quote.differences if name in differences
    ]
    return ShownQuote(quote, wordings, context.present.span(quote.when), _date_note(quote.when, context), [(topic, link) for topic, link in linked if link])


def _date_note(when: When, context: Context) -> str | None:
    """Where the editor supplied the date, one short note saying on what: the articles' own
    word (`“one day earlier”`) or how it was worked out."""
    if not when.editor_supplied:
        return None
    return (
        context.messages.format("quote_date_derived", how=when.derived)
        if when.derived
        else context.messages.format("quote_date_reported", words=when.as_reported)
    )


def _safe(link: str | None):
    """A link built from a page's file name and an id: safe in the page as it is."""
    return Markup(link) if link else None


KIND = Kind(
    templates=Path(__file__).parent,  # its template(s), beside it
    messages=Path(__file__).parent / "messages",  # its words, one catalogue per language
    name="quotes",
    template="quotes.md.j2",
    entry=Quote,
    view=view,
    anchor=lambda quote, page=None: f"quote-{quote.id}",
    noun=EditorWord("kind_noun_quote"),
    requires=("people",),  # every quote has its speaker
)
