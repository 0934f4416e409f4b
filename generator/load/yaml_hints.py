"""What an editor probably did, for each syntax error libyaml's scanner and parser report.

libyaml names what it expected (`did not find expected key`), not what the editor typed.
`ADVICE` maps each of its messages, by its own words (the context, `while parsing a
block mapping`, and the problem), to the key of the likely mistakes and their fix in
the editors' catalogues (`generator/core/editor/`), said in the editor's language when
the message is made; `reader.py` appends it to the located message. Where one message
has several likely causes, the advice names each. In the catalogues, `{start}` stands
for the line where the context starts (where a list or a `[` opens). Every entry has a
case in `tests/bad_inputs/` that produces it.

Not here, as `reader.py` words them itself, naming the cause it finds: a quote that is
never closed (`found unexpected end of stream`, `found unexpected document indicator`)
and a tab in an indentation (`found a tab character that violates indentation`,
`found a tab character where an indentation space is expected`). Nor what no content
file can cause (`did not find expected <stream-start>`, and a tag that misses its
first `!`, which libyaml only looks for after a `!`). A message libyaml may word
otherwise some day gets no advice: its own words are still printed.
"""

from __future__ import annotations

from generator.core.editor import say

# The advice that several of libyaml's messages share.
_DIRECTIVE = "yaml_advice_directive"
_TAG = "yaml_advice_tag"
_BLOCK_TEXT = "yaml_advice_block_text"
_BACKSLASH = "yaml_advice_backslash"

ADVICE: dict[tuple[str | None, str], str] = {
    # --- the scanner: characters that cannot be where they are ---
    ("while scanning for the next token", "found character that cannot start any token"): "yaml_advice_no_token",
    ("while scanning a simple key", "could not find expected ':'"): "yaml_advice_no_colon",
    (None, "block sequence entries are not allowed in this context"): "yaml_advice_dash_after_value",
    (None, "mapping keys are not allowed in this context"): "yaml_advice_question_mark",
    (None, "mapping values are not allowed in this context"): "yaml_advice_colon_in_text",
    ("while scanning a plain scalar", "found unexpected ':'"): "yaml_advice_colon_in_brackets",
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"): "yaml_advice_anchor",
    ("while scanning an alias", "did not find expected alphabetic or numeric character"): "yaml_advice_alias",
    ("while scanning a block scalar", "found an indentation indicator equal to 0"): _BLOCK_TEXT,
    ("while scanning a block scalar", "did not find expected comment or line break"): _BLOCK_TEXT,
    ("while parsing a quoted scalar", "found unknown escape character"): _BACKSLASH,
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"): "yaml_advice_hexadecimal_escape",
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"): "yaml_advice_unicode_escape",
    # --- the scanner: a tag, where a text begins with `!` ---
    **dict.fromkeys(
        [
            ("while scanning a tag", "did not find the expected '>'"),
            ("while scanning a tag", "did not find expected whitespace or line break"),
            ("while parsing a tag", "did not find expected tag URI"),
            ("while parsing a tag", "did not find URI escaped octet"),
            ("while parsing a tag", "found an incorrect leading UTF-8 octet"),
            ("while parsing a tag", "found an incorrect trailing UTF-8 octet"),
            ("while parsing a node", "found undefined tag handle"),
        ],
        _TAG,
    ),
    # --- the scanner and the parser: a line that begins with `%` ---
    **dict.fromkeys(
        [
            ("while scanning a directive", "found unknown directive name"),
            ("while scanning a directive", "could not find expected directive name"),
            ("while scanning a directive", "found unexpected non-alphabetical character"),
            ("while scanning a directive", "did not find expected comment or line break"),
            ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
            ("while scanning a %YAML directive", "found extremely long version number"),
            ("while scanning a %YAML directive", "did not find expected version number"),
            ("while scanning a %TAG directive", "did not find expected whitespace"),
            ("while scanning a %TAG directive", "did not find expected whitespace or line break"),
            ("while scanning a tag directive", "did not find expected '!'"),
            ("while parsing a tag directive", "did not find expected '!'"),
            ("while parsing a %TAG directive", "did not find expected tag URI"),
            ("while parsing a %TAG directive", "did not find URI escaped octet"),
            ("while parsing a %TAG directive", "found an incorrect leading UTF-8 octet"),
            ("while parsing a %TAG directive", "found an incorrect trailing UTF-8 octet"),
            (None, "found duplicate %YAML directive"),
            (None, "found duplicate %TAG directive"),
            (None, "found incompatible YAML document"),
        ],
        _DIRECTIVE,
    ),
    # --- the parser: a line or a value that does not fit where it is ---
    (None, "did not find expected <document start>"): "yaml_advice_document_ended",
    ("while parsing a block mapping", "did not find expected key"): "yaml_advice_block_mapping",
    ("while parsing a block collection", "did not find expected '-' indicator"): "yaml_advice_block_list",
    ("while parsing a block node", "did not find expected node content"): "yaml_advice_value_start",
    ("while parsing a flow node", "did not find expected node content"): "yaml_advice_flow_item",
    ("while parsing a flow sequence", "did not find expected ',' or ']'"): "yaml_advice_flow_list",
    ("while parsing a flow mapping", "did not find expected ',' or '}'"): "yaml_advice_flow_mapping",
}


def advice(context: str | None, problem: str | None, start_line: int) -> str | None:
    """The plain advice for a libyaml message, in the editor's language, or None for one
    the table does not know."""
    key = ADVICE.get((context, problem or ""))
    return say(key, start=start_line) if key else None
