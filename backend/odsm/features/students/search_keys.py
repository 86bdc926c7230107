"""The students' search keys: what is stored beside each student and what a typed term is compared with.

Stored keys and typed terms go through the same `fold`, so "Lefevre", "LEFÈVRE" and "lefèvre" are one key.
Search is then a prefix test on those keys, which the repository runs as an index range scan
(`prefix_upper_bound` gives the range's end).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

# Stored name keys are cut to the columns' length: folding can lengthen a name ("ß" -> "ss", "㍿" -> 4 letters),
# and PostgreSQL refuses a longer value. Nobody types 210 letters, so a prefix search never notices the cut.
KEY_LENGTH = 210

# Letters that carry their "accent" in the letter itself, so Unicode decomposition leaves them whole. A front
# desk types the plain letter for each ("Sorensen" for Sørensen, "Lodz" for Łódź). "ß" needs no entry:
# casefold already makes it "ss". Written as escapes: Turkish dotless i (U+0131), and the typographic
# apostrophe (U+2019) of a pasted O'Brien, which the keyboard types as the plain one.
_UNDECOMPOSED = str.maketrans(
    {
        "ø": "o",
        "ł": "l",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "\u0131": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "\u2019": "'",
    }
)

# Japanese voicing marks are combining marks, but they tell different syllables apart (か ka, が ga): an
# accent to drop in French, a letter to keep in Japanese.
_KEPT_MARKS = frozenset("\u3099\u309a")


def fold(text: str) -> str:
    """Caseless and accentless, compatibility forms merged (full-width A, U+FF21, is "a"), spaces run into one."""
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    bare = "".join(c for c in decomposed if c in _KEPT_MARKS or not unicodedata.combining(c))
    # NFC puts the kept voicing marks back on their kana, so "か" is not a prefix of "が".
    return " ".join(unicodedata.normalize("NFC", bare.translate(_UNDECOMPOSED)).split())


def digits_of(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def joined(key: str) -> str:
    """The key with its spaces taken out: how a name is typed run together ("王小明" for 王 小明)."""
    return key.replace(" ", "")


class SearchKeys(NamedTuple):
    """Named like the Student columns that store them."""

    search_first_last: str
    search_last_first: str
    search_first_last_joined: str
    search_last_first_joined: str
    phone_digits: str | None
    phone_local: str | None


def search_keys(first: str, last: str, phone: str | None) -> SearchKeys:
    first_last, last_first = fold(f"{first} {last}"), fold(f"{last} {first}")
    digits = digits_of(phone) if phone else None
    return SearchKeys(
        search_first_last=first_last[:KEY_LENGTH],
        search_last_first=last_first[:KEY_LENGTH],
        search_first_last_joined=joined(first_last)[:KEY_LENGTH],
        search_last_first_joined=joined(last_first)[:KEY_LENGTH],
        phone_digits=digits or None,
        phone_local=digits[-7:] if digits else None,
    )


_LAST_CODE_POINT = 0x10FFFF
_SURROGATES = range(0xD800, 0xE000)


def prefix_upper_bound(prefix: str) -> str | None:
    """The least string above every string that starts with `prefix`; None when no string is above them all.

    It is the prefix with its last code point raised by one ("ab" -> "ac"). SQLite (binary collation) and
    PostgreSQL (the key columns' "C" collation) compare UTF-8 bytes, which order like code points, so
    `prefix <= key < bound` is exactly "key starts with prefix", astral characters (𠮷, U+20BB7) included.
    A fixed sentinel such as `prefix + U+FFFF` sorts below every key whose next character is astral.
    """
    kept = prefix.rstrip(chr(_LAST_CODE_POINT))
    if not kept:
        return None
    successor = ord(kept[-1]) + 1
    if successor in _SURROGATES:  # not characters: UTF-8 cannot encode them
        successor = _SURROGATES.stop
    return kept[:-1] + chr(successor)
