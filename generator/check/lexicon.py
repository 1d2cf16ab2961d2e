"""The words `check` reads claims by, per language: directions, metrics, signs, records, clauses.

Kept apart from the checking logic so the vocabulary can grow without touching it.
"""

from __future__ import annotations

# Data rules: id → (default level, what it detects). Levels can be changed per release in config.
DATA_RULES: dict[str, tuple[str, str]] = {
    "data.number": ("error", "A money amount does not match the data for the item the sentence talks about."),
    "data.sign": ("error", "A surplus is called a deficit, or a deficit a surplus."),
    "data.direction": ("error", "A direction word (widened, narrowed, rose, fell, turned, unchanged) contradicts the item's change."),
    "data.record": ("error", "A record is claimed that neither the data nor an asserted annotation fact shows."),
    "data.percent": ("error", "A percentage does not match the fact it describes."),
    "data.multiple": ("error", "A multiple (tenfold, 5.5 times) does not match the long-run change."),
    "data.parity": ("error", "The English and Korean releases of a period state different figures."),
    "data.streak": ("error", "A streak (\"the sixth straight month\", 6개월 연속) that the data does not show, or of the wrong length."),
    "data.unverifiable": ("warning", "A claim the data can neither confirm nor refute (no figure for that item, period or basis)."),
}

DIRECTIONS = {
    "en": [
        ("turned_surplus", r"\b(?:turn(?:s|ed|ing)?|swung|swing(?:s)?) (?:in)?to a surplus\b"),
        ("turned_deficit", r"\b(?:turn(?:s|ed|ing)?|swung|swing(?:s)?) (?:in)?to a deficit\b"),
        ("unchanged", r"\bunchanged\b|\bthe same level\b|\bheld steady\b"),
        ("grow", r"\b(?:widen(?:s|ed|ing)?|grew|grow(?:s|ing|th)?|increas(?:e|es|ed|ing)|rose|ris(?:e|es|ing)|expand(?:s|ed|ing)?|expansion|climb(?:s|ed|ing)?|jump(?:s|ed)?|up(?= (?:from|by) | \$?\d))\b"),
        ("shrink", r"\b(?:narrow(?:s|ed|ing)?|shr[aiu]nk(?:s|ing)?|decreas(?:e|es|ed|ing)|fell|fall(?:s|ing)?|declin(?:e|es|ed|ing)|contract(?:ed|ing)|dropp?(?:s|ed)?|down(?= (?:from|by) | \$?\d))\b"),
    ],
    "ko": [
        ("turned_surplus", r"흑자로?\s?(?:전환|돌아)"),
        ("turned_deficit", r"적자로?\s?(?:전환|돌아)"),
        ("unchanged", r"같은\s?(?:수준|\d)|변동이 없|제자리"),
        # 상승률, 증가율, 상승폭 are nouns (the rate, the size of a rise), not claims of a direction.
        ("grow", r"확대|증가(?!율|폭|세 둔화)|늘[었어고어린]|늘어|불었|불어|커졌|커지|상승(?!률|폭|세 둔화)|올[랐라른]"),
        ("shrink", r"축소|감소(?!율|폭)|줄[었어고]|줄어|작아|하락(?!률|폭)|내[렸려린]|떨어[졌지진]"),
    ],
}
AGREES = {
    "grow": {"widened", "increased"},
    "shrink": {"narrowed", "decreased"},
    "turned_surplus": {"turned_surplus"},
    "turned_deficit": {"turned_deficit"},
    "unchanged": {"unchanged"},
}
METRIC_WORDS = {
    "en": [("exports", r"\bexports?\b"), ("imports", r"\bimports?\b"), ("balance", r"\b(?:surplus(?:es)?|deficits?|balance|gap)\b")],
    "ko": [("exports", r"수출"), ("imports", r"수입"), ("balance", r"흑자|적자|수지")],
}
SIGN_WORDS = {"en": r"\b(surplus(?:es)?|deficits?|shortfalls?|in the red|in the black)\b", "ko": r"(흑자|적자)"}
RECORD = {
    "en": r"\brecord\b|\ball-time (?:high|low)\b|\b(?:largest|highest|biggest|smallest|lowest)\b[^.;]*?\bsince\b",
    "ko": r"역대\s?최[대고저]|사상\s?최[대고저]|이후\s?최[대고저]",
}
CLAUSE = {"en": r"\bwhile\b|\bwhereas\b|\bbut\b|;|\bin contrast\b|\bhowever\b", "ko": r"반면|지만|;"}
# Words that make a figure a year-to-date (cumulative) one: "for the full year", 연간, 1~11월.
YEAR_TO_DATE = {
    "en": r"\b(?:year[- ]to[- ]date|so far this year|for the (?:full |whole )?year|annual|full-year|in the january[-–]\w+ period)\b",
    "ko": r"연간|누적|올해 들어|1\s?[~∼-]\s?\d{1,2}월",
}
RESPECTIVELY = {"en": r"\brespectively\b", "ko": r"각각"}
# What a streak is a streak of ("the sixth straight month of gains", "10개월 연속 흑자"): the
# condition words, in the order they are tried (a range first: "2%대 상승률" is a band).
STREAK_CONDITIONS = {
    "en": [("band", r"\b(?:percent|%) range\b|\brange\b"),
           ("below", r"\b(?:below|under)\b"), ("above", r"\babove\b"),
           ("surplus", r"\bsurplus(?:es)?\b"), ("deficit", r"\bdeficits?\b"),
           ("increased", r"\b(?:gains?|grow(?:th|ing)?|ris(?:e|es|ing)|rose|increas(?:e|es|ed|ing)|up|higher)\b"),
           ("decreased", r"\b(?:fall(?:s|ing)?|fell|declin(?:e|es|ed|ing)|drops?|decreas(?:e|es|ed|ing)|down|lower)\b")],
    "ko": [("band", r"%대"), ("below", r"미만|밑돌"), ("above", r"초과|웃돌"), ("surplus", r"흑자"), ("deficit", r"적자"),
           ("increased", r"증가|상승|늘|오름|플러스"), ("decreased", r"감소|하락|줄|내림|마이너스")],
}
# Words that mark an amount as a change ("up 660 million", "by 770 million", "6억6000만달러 많은").
CHANGE_WORDS = {
    "en": r"\b(?:by|up|down|more|less|higher|lower|gain(?:ed)?|loss|larger|smaller|bigger|wider|narrower)\b",
    "ko": r"많|적은|적게|더",
}


def rate_directions(lang: str, project=None) -> list[tuple[str, str]]:
    """Direction words that only rates take ("inflation slowed", 상승률 둔화), from the vocabulary files."""
    from ..vocabulary import vocabulary

    words = vocabulary(lang, project)["directions"]["rate"]
    out = []
    for direction, category in (("increased", "grow"), ("decreased", "shrink"), ("unchanged", "unchanged")):
        patterns = [p for p in words[direction]["read"]
                    if not any(p.startswith(x) for x in ("ris", "rose", "fell", "fall", "declin", "increas", "lower", "higher", "narrow", "widen", "climb",
                                                          "상승", "하락", "확대", "축소", "올", "내", "떨어", "작아", "커"))]
        if patterns:
            body = "|".join(patterns)
            out.append((category, rf"\b(?:{body})\b" if lang == "en" else f"(?:{body})"))
    return out
