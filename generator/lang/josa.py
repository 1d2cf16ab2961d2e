"""Korean particles (은/는, 이/가, ...) chosen by the last pronounced syllable of a word."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Mapping

from .. import yamlcache
from ..errors import LanguageError

# (form after a final consonant, form after a vowel, whether a final ㄹ takes the vowel form).
# The ㄹ exception exists only for the instrumental 으로 family: 서울로, 1로 (일), URL로.
_PAIRS: dict[str, tuple[str, str, bool]] = {
    "은/는": ("은", "는", False),
    "이/가": ("이", "가", False),
    "을/를": ("을", "를", False),
    "와/과": ("과", "와", False),
    "으로/로": ("으로", "로", True),
    "으로서/로서": ("으로서", "로서", True),
    "으로써/로써": ("으로써", "로써", True),
    "이다/다": ("이다", "다", False),
    "이나/나": ("이나", "나", False),
    "이며/며": ("이며", "며", False),
    "이고/고": ("이고", "고", False),
    "이라/라": ("이라", "라", False),
    "이라는/라는": ("이라는", "라는", False),
    "이었다/였다": ("이었다", "였다", False),
}

# Any spelling a template may use: "은/는", "는/은", "은" or "는" all mean the same pair.
_ALIASES: dict[str, str] = {}
for _name, (_cons, _vowel, _) in _PAIRS.items():
    for _alias in (_name, f"{_cons}/{_vowel}", f"{_vowel}/{_cons}", _cons, _vowel):
        _ALIASES[_alias] = _name

# Quotes and title brackets are transparent: ‘K-푸드’는 is read as K-푸드는.
_TRANSPARENT = "'\"’”‘“」』〉》»›"
# A parenthetical is skipped entirely: 정보통신업(16억4000만달러)은 is read as 정보통신업은.
_PARENS = {")": "(", "）": "（", "]": "["}

_DIGITS = "영일이삼사오육칠팔구"
_SMALL_UNITS = {1: "십", 2: "백", 3: "천"}
_BIG_UNITS = ["", "만", "억", "조", "경", "해"]
_NUMBER = re.compile(r"([0-9][0-9,]*)(?:\.([0-9]+))?$")
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9&\-]*[A-Za-z]$")
_LETTER_RUN = re.compile(r"[A-Za-z]+$")


@lru_cache(maxsize=1)
def _bundled() -> dict[str, dict[str, str]]:
    text = resources.files(__package__).joinpath("readings.ko.yaml").read_text(encoding="utf-8")
    data = yamlcache.safe_load(text, "generator/lang/readings.ko.yaml")  # kept between runs by text
    return {section: {str(k): str(v) for k, v in data[section].items()} for section in ("letters", "symbols", "words")}


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _final(syllable: str) -> int:
    """Index of the final consonant (0 = none, 8 = ㄹ)."""
    return (ord(syllable) - 0xAC00) % 28


def _unreadable(word: str, why: str, latin: str | None = None) -> LanguageError:
    if latin:
        hint = (f"add its Hangul reading to the readings (e.g. {{'{latin}': '...'}}) "
                "or to generator/lang/readings.ko.yaml")
    else:
        hint = "a particle can follow Hangul, digits, Latin letters or a unit symbol; reword so the text ends in one"
    return LanguageError(
        f"cannot tell how '{word}' ends when read aloud ({why}), so no particle can be chosen",
        hint=hint,
        value=word,
    )


def _read_integer(digits: str) -> str:
    """Last syllable of an integer read in Sino-Korean: 10 → 십, 1000 → 천, 20000 → 만."""
    stripped = digits.rstrip("0")
    if not stripped:
        return "영"
    zeros = len(digits) - len(stripped)
    if zeros == 0:
        return _DIGITS[int(digits[-1])]
    if zeros % 4:
        return _SMALL_UNITS[zeros % 4]
    if zeros // 4 >= len(_BIG_UNITS):
        raise LanguageError(f"number {digits} is too large to read")
    return _BIG_UNITS[zeros // 4]


def _check_readings(readings: Mapping[str, str]) -> None:
    for key, value in readings.items():
        if not isinstance(value, str) or not value or not _is_hangul(value.rstrip()[-1:] or " "):
            raise LanguageError(
                f"the reading of '{key}' must be Hangul ending in a syllable, got {value!r}",
                hint="write how the word sounds, e.g. Gemini: 제미나이",
                value=value,
            )


def last_syllable(word: str, readings: Mapping[str, str] | None = None) -> str:
    """The Hangul syllable that a reader pronounces last in ``word``.

    >>> last_syllable("ICT(정보통신기술)"), last_syllable("1,000"), last_syllable("DRAM")
    ('티', '천', '램')
    """
    if not isinstance(word, str):
        raise TypeError(f"word must be a str, got {type(word).__name__}")
    extra = dict(readings or {})
    _check_readings(extra)
    data = _bundled()
    text = word
    while True:
        text = text.rstrip().rstrip(_TRANSPARENT).rstrip()
        if text and text[-1] in _PARENS:
            opening, closing, depth = _PARENS[text[-1]], text[-1], 0
            for index in range(len(text) - 1, -1, -1):
                depth += (text[index] == closing) - (text[index] == opening)
                if depth == 0:
                    break
            else:
                raise _unreadable(word, "unbalanced brackets")
            text = text[:index]
            if not text.strip():
                raise _unreadable(word, "nothing before the parenthetical")
            continue
        break
    if not text:
        raise _unreadable(word, "no letters or digits")
    last = text[-1]
    if _is_hangul(last):
        return last
    for symbol in sorted(data["symbols"], key=len, reverse=True):
        if text.endswith(symbol):
            return data["symbols"][symbol][-1]
    if "0" <= last <= "9":
        number = _NUMBER.search(text)
        integer, fraction = number.group(1).replace(",", ""), number.group(2)
        # After the decimal point digits are read one by one: 2.1 → 이점일.
        return _DIGITS[int(fraction[-1])] if fraction else _read_integer(integer)
    token_match = _LATIN_TOKEN.search(text)
    if token_match:
        token = token_match.group(0)
        run = _LETTER_RUN.search(token).group(0)
        for candidate in (token, run):
            for table in (extra, data["words"]):
                if candidate in table:
                    return table[candidate].rstrip()[-1]
        # Only capitals are safely read letter by letter (ICT, 5G); "Gemini" is a word
        # whose sound we do not know, and guessing is worse than stopping.
        if run.isupper():
            return data["letters"][run[-1]][-1]
        raise _unreadable(word, f"'{run}' is not a known word and not an all-capitals acronym", latin=token)
    raise _unreadable(word, f"'{last}' is not Hangul, a digit or a Latin letter")


def _pair(pair: str) -> tuple[str, str, bool]:
    name = _ALIASES.get(pair.strip() if isinstance(pair, str) else pair)
    if name is None:
        raise LanguageError(
            f"unknown particle '{pair}'",
            hint="use one of " + ", ".join(_PAIRS) + " (or a single form such as 은 or 를)",
            value=pair,
        )
    return _PAIRS[name]


def particle(word: str, pair: str, readings: Mapping[str, str] | None = None) -> str:
    """Only the particle that fits ``word`` (``particle("수출", "으로/로") == "로"``)."""
    after_consonant, after_vowel, rieul_takes_vowel_form = _pair(pair)
    final = _final(last_syllable(word, readings))
    if final == 0 or (final == 8 and rieul_takes_vowel_form):
        return after_vowel
    return after_consonant


def attach(word: str, pair: str, readings: Mapping[str, str] | None = None) -> str:
    """``word`` followed by the form of ``pair`` that its last pronounced syllable calls for.

    ``pair`` is "은/는", "이/가", "을/를", "와/과", "으로/로", "이다/다", "이나/나" (and a few
    more), in either order or as one of its forms. ``readings`` adds Hangul readings of
    Latin words to the bundled lexicon. An unreadable word raises ``LanguageError``.

    >>> attach("정보통신업(16억4000만달러)", "은/는"), attach("R&D", "을"), attach("URL", "으로/로")
    ('정보통신업(16억4000만달러)은', 'R&D를', 'URL로')
    """
    return word + particle(word, pair, readings)
