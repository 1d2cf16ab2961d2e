"""Language helpers: Korean particles, money, numbers, period names and lists, in English and Korean."""

from .josa import attach, last_syllable, particle
from .lists import join
from .money import money_en, money_ko
from .numbers import multiple, number, percent, round_half_up
from .periods_text import comparison_phrase, period_headline, period_name

__all__ = [
    "attach",
    "comparison_phrase",
    "join",
    "last_syllable",
    "money_en",
    "money_ko",
    "multiple",
    "number",
    "particle",
    "percent",
    "period_headline",
    "period_name",
    "round_half_up",
]
