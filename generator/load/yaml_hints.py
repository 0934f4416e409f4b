"""What an editor probably did, for each syntax error libyaml's scanner and parser report.

libyaml names what it expected (`did not find expected key`), not what the editor typed.
`ADVICE` maps each of its messages, by its own words (the context, `while parsing a
block mapping`, and the problem), to the likely mistakes and their fix; `reader.py`
appends it to the located message. Where one message has several likely causes, the
advice names each. `{start}` stands for the line where the context starts (where a list
or a `[` opens). Every entry has a case in `tests/bad_inputs/` that produces it.

Not here, as `reader.py` words them itself, naming the cause it finds: a quote that is
never closed (`found unexpected end of stream`, `found unexpected document indicator`)
and a tab in an indentation (`found a tab character that violates indentation`,
`found a tab character where an indentation space is expected`). Nor what no content
file can cause (`did not find expected <stream-start>`, and a tag that misses its
first `!`, which libyaml only looks for after a `!`). A message libyaml may word
otherwise some day gets no advice: its own words are still printed.
"""

from __future__ import annotations

_DIRECTIVE = (
    "a line that begins with `%` is read as a YAML directive, which content files do not use: delete it, "
    "or, if it continues the text above, join it to that line and put the whole text in quotes"
)
_TAG = "a `!` that begins a text, or follows a closing quote or bracket, is read as a YAML tag: put the whole text in quotes"
_BLOCK_TEXT = (
    "a `|` or `>` that begins a text, or follows a closing quote or bracket, is read as the start of a "
    "block of text on the lines below: put the whole text in quotes"
)
_BACKSLASH = 'inside double quotes a backslash begins an escape, like `\\n` or `\\"`: write `\\\\` for a backslash, or put the text in single quotes instead'

ADVICE: dict[tuple[str | None, str], str] = {
    # --- the scanner: characters that cannot be where they are ---
    (
        "while scanning for the next token",
        "found character that cannot start any token",
    ): "`@`, `` ` `` and `%` (and, inside `[…]` or `{…}`, `|` and `>`) may not begin unquoted text, nor follow "
    "a closing quote or bracket: put the whole text in quotes",
    (
        "while scanning a simple key",
        "could not find expected ':'",
    ): "line {start} is read as a field but has no colon and space after its name: write `name: value`, "
    "with a space after the colon; "
    "if that line is a list entry, begin it with `- `; if it continues the text above it, join it to that line",
    (
        None,
        "block sequence entries are not allowed in this context",
    ): "a list entry (`- `) cannot follow a field's name or a value on the same line: put each entry on a line "
    "of its own below the field's name; or, if the dash belongs to the text, put the whole text in quotes",
    (None, "mapping keys are not allowed in this context"): "a `?` followed by a space is read as a YAML key: put the whole text, `?` included, in quotes",
    (
        None,
        "mapping values are not allowed in this context",
    ): "a colon followed by a space inside unquoted text starts a new field: put the whole text in quotes; "
    "or, if this line is a field of its own, line it up with the fields above it",
    (
        "while scanning a plain scalar",
        "found unexpected ':'",
    ): "inside `[…]` or `{…}`, unquoted text may not have a colon just before `,`, `[`, `]`, `{`, `}` or `?`: put the text in quotes",
    (
        "while scanning an anchor",
        "did not find expected alphabetic or numeric character",
    ): "a `&` that begins a text, or follows a closing quote or bracket, is read as a YAML anchor (`&name`): put the whole text in quotes",
    (
        "while scanning an alias",
        "did not find expected alphabetic or numeric character",
    ): "a `*` that begins a text, or follows a closing quote or bracket, is read as a YAML alias (`*name`): put the whole text in quotes",
    ("while scanning a block scalar", "found an indentation indicator equal to 0"): _BLOCK_TEXT,
    ("while scanning a block scalar", "did not find expected comment or line break"): _BLOCK_TEXT,
    ("while parsing a quoted scalar", "found unknown escape character"): _BACKSLASH,
    (
        "while parsing a quoted scalar",
        "did not find expected hexdecimal number",
    ): "inside double quotes a backslash begins an escape, and `\\x`, `\\u` or `\\U` must be followed by a "
    "character's code in hexadecimal: write `\\\\` for a backslash, or put the text in single quotes instead",
    (
        "while parsing a quoted scalar",
        "found invalid Unicode character escape code",
    ): "this `\\u` or `\\U` code names no character: codes D800 to DFFF are halves of a pair (as JSON writes "
    "an emoji) and none goes past 10FFFF; type the character itself, or write its code as `\\U` and eight digits",
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
    (None, "did not find expected <document start>"): "the file's YAML document ended before this line: at a line above that is only `...` (delete it, or put "
    "the dots inside a text's quotes), or, at the top of the file, at a line that begins with `%` (delete it)",
    (
        "while parsing a block mapping",
        "did not find expected key",
    ): "either this line is out of place among the fields that start on line {start} (a field lines up with them; "
    "a `- ` list entry goes under a field's name with nothing after its colon), or text goes on after a closing "
    "quote or bracket (a quote mark inside a quoted text ends it: put a text holding `'` in double quotes, and "
    'one holding `"` in single quotes)',
    (
        "while parsing a block collection",
        "did not find expected '-' indicator",
    ): "in the list that starts on line {start}, this line neither begins a new entry (`- `, lined up with the "
    "`-` on line {start}) nor is indented like the fields of the entry above: add the `- `, or indent it "
    "like those fields",
    (
        "while parsing a block node",
        "did not find expected node content",
    ): "a value cannot begin with `,`, `]` or `}`: delete the stray character, or put the whole text in quotes",
    (
        "while parsing a flow node",
        "did not find expected node content",
    ): "inside `[…]` or `{…}`, an item is missing or begins with a dash: two commas in a row, a `,`, `]` or `}` "
    "where an item belongs, or a `- ` (items there are separated by commas alone); delete the stray character, "
    "or put the item in quotes",
    (
        "while parsing a flow sequence",
        "did not find expected ',' or ']'",
    ): "close the list that `[` opens on line {start} with `]`, or, if it is closed, put a comma between two of its items",
    (
        "while parsing a flow mapping",
        "did not find expected ',' or '}'",
    ): "close the fields that `{` opens on line {start} with `}`, or, if they are closed, put a comma between two of them",
}


def advice(context: str | None, problem: str | None, start_line: int) -> str | None:
    """The plain advice for a libyaml message, or None for one the table does not know."""
    text = ADVICE.get((context, problem or ""))
    return text.replace("{start}", str(start_line)) if text else None
