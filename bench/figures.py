"""The figure check's own time, as a briefing grows: N figures in facts, each citing all
M articles, every article reporting every figure (the slowest case: nothing is refused
early). Timed through the verify stage's own parts, without YAML or rendering."""

from __future__ import annotations

import time

from generator.content.models import UnitFormat
from generator.verify.articles import ArticleFigures, Claim, Readers

UNITS = {
    "millimetres": UnitFormat(shown="{value} mm", figure="measurement", measure="millimeter", written={"en": ["millimetres"], "fr": ["millimètres"]}),
}


def _sentence(index: int, language: str) -> str:
    value = f"{1000 + index:,}".replace(",", "\u202f" if language == "fr" else ",")
    if language == "fr":
        return f"La station {index} a mesuré {value} millimètres de pluie en 24 heures, soit {index % 90 + 5} % de plus."
    return f"Gauge {index} measured {value} millimetres of rain in 24 hours, {index % 90 + 5}% more than usual."


def time_figure_check(figures: int, articles: int) -> float:
    """Seconds to read `articles` articles (alternately English and French) and check
    `figures` facts' figures against every one of them."""
    readers = Readers(UNITS, "en")
    languages = ["en" if number % 2 == 0 else "fr" for number in range(articles)]
    texts = {f"a{number}": " ".join(_sentence(index, languages[number]) for index in range(figures)) for number in range(articles)}
    started = time.perf_counter()
    known = {source: ArticleFigures.of(readers(languages[number]).read(text).figures) for number, (source, text) in enumerate(texts.items())}
    claims = [
        Claim("figure", figure.token, figure.written, "briefing", ("takeaways", index), tuple(texts), figure=figure)
        for index in range(figures)
        for figure in readers("en").read(_sentence(index, "en")).figures
    ]
    unmet = [claim for claim in claims if claim.unmet(list(texts), lambda source, claim=claim: known[source].report(claim.figure))]
    elapsed = time.perf_counter() - started
    assert not unmet, f"{len(unmet)} figures not found: the benchmark's articles should report every one"
    return elapsed
