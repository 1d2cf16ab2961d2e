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
    "data.rank": ("error", "A rank (\"the second-largest deficit\", \"the largest regional surplus\") that the item does not hold among its dimension's members."),
    "data.unverifiable": ("warning", "A claim the data can neither confirm nor refute (no figure for that item, period or basis)."),
}

DIRECTIONS = {
    "en": [
        ("turned_surplus", r"\b(?:turn(?:s|ed|ing)?|swung|swing(?:s)?) (?:in)?to a surplus\b"),
        ("turned_deficit", r"\b(?:turn(?:s|ed|ing)?|swung|swing(?:s)?) (?:in)?to a deficit\b"),
        ("unchanged", r"\bunchanged\b|\bthe same level\b|\bheld steady\b"),
        # "export growth" is the name of a rate, not a rise; "up from 3.1 percent", "down 0.3 point"
        # compare rates, not the item's own move ("up 8.4 percent", "down from $5.6 billion" are).
        ("grow", r"\b(?:widen(?:s|ed|ing)?|grew|grow(?:s|ing)?|(?<!export )(?<!import )(?<!exports )(?<!imports )growth|increas(?:e|es|ed|ing)|rose|ris(?:e|es|ing)|expand(?:s|ed|ing)?|expansion|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|spik(?:e|es|ed|ing)|advanc(?:e|es|ed|ing)|(?<!made )(?<!make )(?<!makes )(?<!making )(?<!took )(?<!ended )up(?= by | from (?!-?[\d.]+\s?(?:percent|per cent|%|points?\b|percentage))| \$?\d(?![\d.,]*\s?(?:percentage|%p|pp\b|points?\b))))\b"),
        # A balance that improved or worsened moved towards a surplus or a deficit, whatever its sign.
        ("improve", r"\b(?:improv(?:es|ed))\b"),
        ("worsen", r"\b(?:worsen(?:s|ed)|deteriorat(?:es|ed))\b"),
        # "fell short of $20 billion" is a bound on the amount, not a fall.
        ("shrink", r"\b(?:narrow(?:s|ed|ing)?|shr[aiu]nk(?:s|ing)?|decreas(?:e|es|ed|ing)|fell(?! (?:just |slightly |well |far )?short\b)|fall(?:s|ing)?(?! (?:just |slightly |well |far )?short\b)|declin(?:e|es|ed|ing)|contract(?:ed|ing)|dropp?(?:s|ed)?|tumbl(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|slump(?:s|ed|ing)?|slid(?:e|es|ing)?|sank|slipp(?:ed|ing)|dipp(?:ed|ing)|down(?= by | from (?!-?[\d.]+\s?(?:percent|per cent|%|points?\b|percentage))| \$?\d(?![\d.,]*\s?(?:percentage|%p|pp\b|points?\b))))\b"),
    ],
    "ko": [
        ("turned_surplus", r"흑자로?\s?(?:전환|돌아)"),
        ("turned_deficit", r"적자로?\s?(?:전환|돌아)"),
        ("unchanged", r"같은\s?(?:수준|\d)|변동이 없|제자리"),
        # 상승률, 증가율, 상승폭 are nouns (the rate, the size of a rise), not claims of a direction.
        # A stem with any ending a clause can take (늘었다, 늘며, 늘면서, 늘자, 늘지만, 늘린, 늘렸다):
        # benchmarks/korean_morphology.py compares these with an analyser's lemmas.
        ("grow", r"확대|증가(?!율|폭|세 둔화)|급증|늘[었어고린며면자지기던는렸리]|불었|불어|커[졌지진]|상승(?!률|폭|세 둔화)"
                 r"|올[랐라른]|오르[며면고자지기던는]|뛰[었며고]|급등|치솟|↑"),
        ("improve", r"개선(?:됐|되었|되|했|하)"),
        ("worsen", r"악화(?:됐|되었|되|했|하)"),
        ("shrink", r"축소|감소(?!율|폭)|급감|줄[었어고인며면자지던는였이]|작아|하락(?!률|폭)|내[렸려린]|내리[며면고자지기던는]|떨어[졌지진져]|급락|↓"),
    ],
}
AGREES = {
    "grow": {"widened", "increased"},
    "shrink": {"narrowed", "decreased"},
    "turned_surplus": {"turned_surplus"},
    "turned_deficit": {"turned_deficit"},
    "unchanged": {"unchanged"},
    # Signed: a deficit that narrowed improved, a surplus that narrowed worsened (see ``agrees``).
    "improve": {"turned_surplus", "increased"},
    "worsen": {"turned_deficit", "decreased"},
}


def agrees(category: str, fact) -> bool:
    """Does a direction word of ``category`` agree with the change ``fact``? "improved" and
    "worsened" (개선, 악화) depend on the balance's sign: a deficit that widened worsened."""
    if fact.direction in AGREES[category]:
        return True
    if category in ("improve", "worsen") and fact.direction in ("widened", "narrowed"):
        toward_surplus = (fact.direction == "widened") == (fact.get("sign") == "surplus")
        return toward_surplus == (category == "improve")
    return False
METRIC_WORDS = {
    # "receipts" and "outbound payments" are the central bank's words for services exports and imports.
    # ("Payments exceeded receipts by $3.09 billion" states the balance.)
    "en": [("exports", r"\bexports?\b|\breceipts\b(?!\s+by\b)"), ("imports", r"\bimports?\b|\b(?:outbound payments|payments (?:abroad|overseas))\b(?!\s+by\b)"), ("balance", r"\b(?:surplus(?:es)?|deficits?|balance|gap|shortfalls?)\b")],
    "ko": [("exports", r"수출"), ("imports", r"수입"), ("balance", r"흑자|적자|수지")],
}
SIGN_WORDS = {"en": r"\b(surplus(?:es)?|deficits?|shortfalls?|in the red|in the black)\b", "ko": r"(흑자|적자)"}
RECORD = {
    "en": r"\brecord\b|\ball-time (?:high|low)\b|\b(?:largest|highest|biggest|smallest|lowest)\b[^.;]*?\bsince\b",
    "ko": r"역대\s?최[대고저]|사상\s?최[대고저]|이후\s?최[대고저]",
}
# A superlative of a fall is a low of the rate: "the steepest decline since", "최대 낙폭".
RECORD_FALLS = {"en": r"\b(?:declines?|drops?|falls?|decreases?|slides?|slumps?)\b", "ko": r"하락|감소|낙폭|내림"}
# A rate said to be month-on-month ("on a monthly basis", 전월 대비 0.3%), not on a year earlier.
MONTH_ON_MONTH = {"en": r"\b(?:month-on-month|month on month|on-month|on a monthly basis|from the previous month|from a month earlier|m/m)\b"
                        # "the biggest monthly gain", not "the 12th straight monthly decline" (an on-year streak)
                        r"|(?<!straight )(?<!consecutive )(?<!successive )\bmonthly (?:gains?|rises?|increases?|declines?|drops?|falls?|changes?|rate|terms)\b",
                  "ko": r"전월\s?대비|전월비|전달\s?대비|한 달 전보다|전(?:월|달)보다\s?-?\d"}
# A band a direction word is about ("2%대를 유지", "in the 2 percent range"): no change is claimed.
BAND_OBJECT = {"en": r"\b(?:percent|%) range\s*$", "ko": r"%대(?:를|을|에)?\s?$"}
# Words that make a plain decimal an index level ("the consumer price index stood at 117.20", 지수는 117.20).
INDEX_WORDS = {"en": r"\bindex\b|\bCPI\b", "ko": r"지수"}
# A figure stated as the gap from another rate ("전월(2.1%)보다 0.3%"): percentage points, never percent.
RATE_GAP = {"en": r"(?!)", "ko": r"\(\s?-?\d+(?:\.\d+)?\s?%\)\s?보다\s?$"}
CLAUSE = {"en": r"\bwhile\b|\bwhereas\b|\bbut\b|;|\bin contrast\b|\bhowever\b", "ko": r"반면|지만|;|(?<=에도)\s(?!불구)|(?<=불구하고)\s"}
# Words that make a figure a year-to-date (cumulative) one: "for the full year", 연간, 1~11월.
YEAR_TO_DATE = {
    "en": r"\b(?:year[- ]to[- ]date|so far this year|for the (?:full |whole )?year|annual|full-year|in the january[-–]\w+ period"
          r"|(?:for|over|in) (?:the )?(?:whole|full|entire) (?:of )?(?:the year|year|20\d\d)|(?:in|for) 20\d\d as a whole|for all of 20\d\d"
          r"|from january (?:to|through) \w+|january[-–](?:march|april|may|june|july|august|september|october|november|december)|(?:the )?first (?:\w+) months)\b",
    "ko": r"연간|누적|올해 들어|1\s?[~∼-]\s?\d{1,2}월|(?:지난해|작년|\d{4}년)\s?한\s?해(?!\s?전)",
}
RESPECTIVELY = {"en": r"\brespectively\b", "ko": r"각각"}
# Words that make a figure the quarter's or the half's ("first-half exports", 상반기 수출): tried
# on the clause before the figure; a month named after them ("June shipments", 6월) takes over.
PERIOD_SCOPES = {
    "en": [("half", r"\b(?:first|second)[- ]half\b|\bH[12]\b|\bJanuary[-–]June\b|\bJuly[-–]December\b"),
           ("quarter", r"\b(?:first|second|third|fourth)[- ]quarter\b|\bQ[1-4]\b|\bthe quarter\b")],
    "ko": [("half", r"[상하]반기"), ("quarter", r"[1-4１-４]\s?분기")],
}
MONTH_WORDS = {
    "en": r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|the month|last month)\b",
    "ko": r"\d{1,2}월(?!\s?[~∼-])|이달|지난달|월간",
}
# Words that make a record one of a rate, not of the amount ("export growth was the lowest in three
# months", 증가율은 석 달 만에 최저).
RATE_WORDS = {"en": r"\bgrowth\b|\brate\b|\bpace\b|\bgains?\b|\bdeclines?\b", "ko": r"증가율|감소율|상승률|하락률|증가폭|감소폭"}
# What a streak is a streak of ("the sixth straight month of gains", "10개월 연속 흑자"): the
# condition words, in the order they are tried (a range first: "2%대 상승률" is a band).
STREAK_CONDITIONS = {
    "en": [("band", r"\b(?:percent|%) range\b|\brange\b"),
           ("below", r"\b(?:below|under)\b"), ("above", r"\babove\b"),
           ("widened", r"\b(?:widen(?:s|ed|ing)?|deepen(?:s|ed|ing)?)\b"), ("narrowed", r"\bnarrow(?:s|ed|ing)?\b"),
           ("surplus", r"\bsurplus(?:es)?\b"), ("deficit", r"\bdeficits?\b"),
           ("increased", r"\b(?:gains?|grow(?:th|ing)?|ris(?:e|es|ing)|rose|increas(?:e|es|ed|ing)|up|higher)\b"),
           ("decreased", r"\b(?:fall(?:s|ing)?|fell|declin(?:e|es|ed|ing)|drops?|decreas(?:e|es|ed|ing)|down|lower)\b")],
    "ko": [("band", r"%대"), ("below", r"미만|밑돌"), ("above", r"초과|웃돌"),
           ("widened", r"확대|커[졌지진]|불어|불었"), ("narrowed", r"축소"), ("surplus", r"흑자"), ("deficit", r"적자"),
           ("increased", r"증가|상승|늘|오름|플러스"), ("decreased", r"감소|하락|줄|내림|마이너스")],
}
# Words that mark an amount as a change ("up 660 million", "by 770 million", "6억6000만달러 많은").
CHANGE_WORDS = {
    "en": r"\b(?:by|up|down|more|less|higher|lower|gain(?:ed)?|loss|larger|smaller|bigger|wider|narrower|change)\b",
    "ko": r"많|적은|적게|더|증감",
}


def rate_directions(lang: str, project=None) -> list[tuple[str, str]]:
    """Direction words that only rates take ("inflation slowed", 상승률 둔화), from the vocabulary files."""
    from ..vocabulary import vocabulary

    words = vocabulary(lang, project)["directions"]["rate"]
    # Asked for every clause; the vocabulary is the same object until its file changes.
    kept = _RATE_DIRECTIONS.get(lang)
    if kept is not None and kept[0] is words:
        return kept[1]
    out = []
    for direction, category in (("increased", "grow"), ("decreased", "shrink"), ("unchanged", "unchanged")):
        patterns = [p for p in words[direction]["read"]
                    if not any(p.startswith(x) for x in ("ris", "rose", "fell", "fall", "declin", "increas", "lower", "higher", "narrow", "widen", "climb",
                                                          "상승", "하락", "확대", "축소", "올", "내", "떨어", "작아", "커"))]
        if patterns:
            body = "|".join(patterns)
            out.append((category, rf"\b(?:{body})\b" if lang == "en" else f"(?:{body})"))
    _RATE_DIRECTIONS[lang] = (words, out)
    return out


_RATE_DIRECTIONS: dict[str, tuple[dict, list[tuple[str, str]]]] = {}
