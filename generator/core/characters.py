"""Characters that text may not carry, and how to name one to an editor.

Control characters, noncharacters and bidirectional overrides are invisible on
screen, yet they change what a page's metadata parser, a feed reader or a
terminal does with the text around them (an override even reverses how a line
reads). None belongs in a sentence of a briefing, so the loader refuses them,
and every message that shows an editor's text shows them escaped.
"""

from __future__ import annotations

import re
import unicodedata

from generator.core.editor import say

# The Unicode names of the C0 and C1 control characters (unicodedata has none for them).
_C0 = (
    "NULL START-OF-HEADING START-OF-TEXT END-OF-TEXT END-OF-TRANSMISSION ENQUIRY ACKNOWLEDGE BELL BACKSPACE "
    "CHARACTER-TABULATION LINE-FEED LINE-TABULATION FORM-FEED CARRIAGE-RETURN SHIFT-OUT SHIFT-IN DATA-LINK-ESCAPE "
    "DEVICE-CONTROL-ONE DEVICE-CONTROL-TWO DEVICE-CONTROL-THREE DEVICE-CONTROL-FOUR NEGATIVE-ACKNOWLEDGE "
    "SYNCHRONOUS-IDLE END-OF-TRANSMISSION-BLOCK CANCEL END-OF-MEDIUM SUBSTITUTE ESCAPE INFORMATION-SEPARATOR-FOUR "
    "INFORMATION-SEPARATOR-THREE INFORMATION-SEPARATOR-TWO INFORMATION-SEPARATOR-ONE"
).split()
_C1 = (
    "PADDING-CHARACTER HIGH-OCTET-PRESET BREAK-PERMITTED-HERE NO-BREAK-HERE INDEX NEXT-LINE START-OF-SELECTED-AREA "
    "END-OF-SELECTED-AREA CHARACTER-TABULATION-SET CHARACTER-TABULATION-WITH-JUSTIFICATION LINE-TABULATION-SET "
    "PARTIAL-LINE-FORWARD PARTIAL-LINE-BACKWARD REVERSE-LINE-FEED SINGLE-SHIFT-TWO SINGLE-SHIFT-THREE "
    "DEVICE-CONTROL-STRING PRIVATE-USE-ONE PRIVATE-USE-TWO SET-TRANSMIT-STATE CANCEL-CHARACTER MESSAGE-WAITING "
    "START-OF-GUARDED-AREA END-OF-GUARDED-AREA START-OF-STRING SINGLE-GRAPHIC-CHARACTER-INTRODUCER "
    "SINGLE-CHARACTER-INTRODUCER CONTROL-SEQUENCE-INTRODUCER STRING-TERMINATOR OPERATING-SYSTEM-COMMAND "
    "PRIVACY-MESSAGE APPLICATION-PROGRAM-COMMAND"
).split()
_CONTROL_NAMES = {**dict(enumerate(_C0)), 0x7F: "DELETE", **{0x80 + index: name for index, name in enumerate(_C1)}}

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"  # embeddings, overrides and isolates
# Invisible in every editor, they split a word for a reader's search and for the check's
# reading of a quote: a zero width space, a word joiner, a byte order mark past a file's
# start, a soft hyphen. (Joiners that shape scripts and emoji, U+200C and U+200D, stay.)
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))

FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}{_NONCHARACTERS}{_INVISIBLE}]")
"""What text may not hold: every control character but tab, line feed and carriage
return (which YAML folds into spaces), surrogates, noncharacters, bidi controls, and the
invisible characters that split words."""

# Shown escaped wherever an editor's text is echoed: the forbidden characters, and the
# line breaks and tabs that would break a one-line message.
_ECHO_ESCAPED = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff{_BIDI_CONTROLS}{_NONCHARACTERS}{_INVISIBLE}\u2028\u2029]")


def describe(character: str) -> str:
    """`U+007F DELETE`, `U+202E RIGHT-TO-LEFT OVERRIDE`, `U+FFFE (a noncharacter)`."""
    code = ord(character)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(character, "")
    if not name:
        name = say("text_noncharacter") if FORBIDDEN.match(character) and not 0xD800 <= code <= 0xDFFF else say("text_surrogate")
    return f"U+{code:04X} {name}".replace("-", " ") if code < 0xA0 else f"U+{code:04X} {name}"


def why_refused(character: str) -> str:
    code = ord(character)
    if 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069:
        return say("text_why_bidi_override")
    if chr(code) in _INVISIBLE:
        return say("text_why_invisible")
    if code < 0xA0:
        return say("text_why_control_character")
    return say("text_why_noncharacter")


def shown(text: object, limit: int | None = 80) -> str:
    """An editor's text as a message may echo it: control characters escaped (`\\x1b`),
    and no longer than `limit` characters, so a message never reprints a whole file."""
    text = str(text)
    cut = text[:limit] + "…" if limit is not None and len(text) > limit else text
    return _ECHO_ESCAPED.sub(_escape, cut)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
