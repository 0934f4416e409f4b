"""Numbers written in words, read as figures: `ninety days` is `90 days`, `an hour and
a half` is `1.5 hours`, so that a figure an article spells out counts as reported.
English words only; in other languages figures are matched in digits."""

from __future__ import annotations

import re
from collections.abc import Callable

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_VALUE = {word: index for index, word in enumerate(_UNITS)} | {word: 20 + 10 * index for index, word in enumerate(_TENS)}

_SMALL = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_UNITS[1:10])}))?|{'|'.join(_UNITS)})"
_WORDED = re.compile(
    rf"\b(?:(?P<an>(?:an?[\s-]+)?)(?P<unit_a>hour|minute|day|week|month|year)[\s-]+and[\s-]+a[\s-]+half"
    rf"|(?P<number>{_SMALL}(?:[\s-]+hundred(?:[\s-]+(?:and[\s-]+)?{_SMALL})?)?)(?P<half>[\s-]+and[\s-]+a[\s-]+half)?)\b",
    re.IGNORECASE,
)


def _value(words: str) -> int:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "hundred":
            current *= 100
        elif word != "and":
            current += _VALUE[word]
    return total + current


def in_digits(text: str) -> tuple[str, Callable[[re.Match], str]]:
    """The text with numbers in words written in digits, and a function that gives, for a
    match in the new text, the words as the original text has them."""
    pieces, spans, last, shift = [], [], 0, 0
    for match in _WORDED.finditer(text):
        if match["unit_a"]:
            digits = f"1.5 {match['unit_a'].lower()}s"
        else:
            digits = str(_value(match["number"])) + (".5" if match["half"] else "")
        pieces += [text[last : match.start()], digits]
        new_start = match.start() + shift
        spans.append((new_start, new_start + len(digits), match.start(), match.end()))
        shift += len(digits) - (match.end() - match.start())
        last = match.end()
    if not spans:
        return text, lambda match: match.group(0)
    pieces.append(text[last:])
    converted = "".join(pieces)

    def original(match: re.Match) -> str:
        return text[_to_old(match.start(), spans) : _to_old_end(match.end(), spans)]

    return converted, original


def _to_old(position: int, spans) -> int:
    shift = 0
    for new_start, new_end, old_start, old_end in spans:
        if new_end <= position:
            shift += (old_end - old_start) - (new_end - new_start)
        elif new_start <= position:
            return old_start
    return position + shift


def _to_old_end(position: int, spans) -> int:
    shift = 0
    for new_start, new_end, old_start, old_end in spans:
        if new_end < position:
            shift += (old_end - old_start) - (new_end - new_start)
        elif new_start < position <= new_end:
            return old_end
    return position + shift
