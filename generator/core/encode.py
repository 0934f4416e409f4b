"""Values written into YAML that another program parses: page front matter and the
generated site configuration.

JSON is YAML, but a YAML parser refuses some characters that JSON leaves as they
are (DEL, C1 controls, U+FFFE), and reads JSON's escapes of characters beyond
U+FFFF as two lone halves. So every character outside printable ASCII is written
as a YAML escape (`\\u007f`, `\\U0001f309`): the text is plain ASCII that both
MkDocs' and Zensical's parsers read back exactly, and no character in it can end
a string or the block early.
"""

from __future__ import annotations

import json
import re

_NOT_PRINTABLE_ASCII = re.compile(r"[^\x20-\x7e]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def yaml_json(value: object, *, sort_keys: bool = False) -> str:
    """`value` as one line of JSON that YAML parsers read back as the same value."""
    return _NOT_PRINTABLE_ASCII.sub(_escape, json.dumps(value, ensure_ascii=False, sort_keys=sort_keys))
