"""Korean rank claims against the period's rank facts: "지재권은 전문·사업서비스에 이어 두 번째로 큰
적자", "두 번째로 큰 흑자를 낸 곳은 소기업", "대기업 적자가 가장 컸다". A claim about an item no rank
fact lists (a sub-item, a group the data does not rank) is left alone: it can be neither
confirmed nor refuted, and a ranking within a narrower group is the reporter's to make.
"""

from __future__ import annotations

import re

from .findings import Finding
from .items import ItemMention

_ORDINALS = {"두": 2, "세": 3, "네": 4, "다섯": 5}
_RANK = re.compile(r"(?<![이후만에래대상])\s?(?:(?P<n>두|세|네|다섯|[2-9])\s?번째로|(?P<first>가장))\s?"
                   # "두 번째로 적자가 큰 곳은": the sign word may stand between the rank and its adjective.
                   r"(?:(?P<sign_first>흑자|적자)\s?(?:규모가|폭이|가|이)?\s?)?"
                   # "가장 작은 흑자", "흑자가 가장 적었다": counted from the other end.
                   r"(?:큰|많은|컸|많았|크게|많이|커|(?P<small>작은|적은|작았|적었|작게|적게|작아))"
                   r"(?:\s?(?:규모의?\s?)?(?P<sign>흑자|적자))?")
# A record's "가장" ("이후 가장 큰", "역대 가장 많은", "역대 두 번째로 큰") is no ranking of the period.
_RECORDISH = re.compile(r"(?:이후|이래|만에|역대|사상|통계\s?작성\s?이후)\s?(?:반기\s?기준\s?)?$")
_MOVED = re.compile(r"\s?(?:늘|확대|증가|불어|불었|커지|커진|커졌|줄|감소|축소|개선|악화|뛰|급증|급감)")
_CHANGE_RANKED = re.compile(r"(?:증가|감소|증감)\s?(?:율|폭)[이은는도]?\s?$")
_LEADER = re.compile(r"(?:\s?(?:흑자|적자))?(?:\s?\([^()]*\))?\s?(?:에\s?이어|다음으로)")
_SIGN_NEAR = re.compile(r"흑자|적자")


def rank_findings(agreement, doc, sentence, lang: str, items: list[ItemMention]) -> list[Finding]:
    if lang != "ko" or ("번째" not in sentence.text and "가장" not in sentence.text):
        return []
    text = sentence.text
    findings = []
    for m in _RANK.finditer(text):
        if _RECORDISH.search(text, max(0, m.start() - 12), m.start()):
            continue  # "역대 두 번째로 큰 흑자": a place in history, not in this period's ranking
        if _MOVED.match(text, m.end()) or _CHANGE_RANKED.search(text, max(0, m.start() - 10), m.start()):
            continue  # "적자 폭이 가장 크게 확대된 부문": a ranking of changes, not of levels
        n = 1 if m.group("first") else _ORDINALS.get(m.group("n")) or int(m.group("n"))
        sign = m.group("sign") or m.group("sign_first")
        if sign is None:
            # "적자가 가장 컸다", "흑자 규모가 두 번째로 컸다": the sign word just before.
            near = list(_SIGN_NEAR.finditer(text, max(0, m.start() - 12), m.start()))
            sign = near[-1].group(0) if near else None
        if sign is None:
            continue
        extreme = "surplus" if sign == "흑자" else "deficit"
        leaders = [i for i in items if _LEADER.match(text, i.end)]
        subjects = list(dict.fromkeys(i.codes for i in items if i not in leaders and not _is_total(agreement, i)))
        if len(subjects) != 1:
            continue  # no single subject: whose rank it is, the sentence leaves to its reader
        ranks = [f for f in agreement.facts if f.kind == "rank" and f.get("extreme") == extreme and f.get("metric") == "balance"
                 and any(member["item"] in subjects[0] for member in f.get("members", ()))]
        if not ranks:
            # "두 번째로 적자가 큰 곳은 중견기업": an item the data ranks among the other sign's.
            other = [f for f in agreement.facts if f.kind == "rank" and f.get("metric") == "balance"
                     and f.get("extreme") == ("deficit" if extreme == "surplus" else "surplus")
                     and any(member["item"] in subjects[0] for member in f.get("members", ()))]
            if other:
                name = agreement.name(subjects[0][0], lang)
                said = "surplus" if extreme == "deficit" else "deficit"
                findings.append(agreement.finding(doc, sentence, m.start(), m.end(), "data.sign",
                                                  f"'{m.group(0).strip()}': {name} had a {said}, not a {extreme} (data: {said})", said))
            continue
        small = bool(m.group("small"))
        if any(_position(f, subjects[0], small) == n for f in ranks):
            if not leaders or any(_position(f, leader.codes, small) == n - 1 for f in ranks for leader in leaders):
                continue
        fact = ranks[0]
        order = ", ".join(agreement.name(member["item"], lang) for member in fact.get("members", ()))
        said = f"{order}"
        place = _position(fact, subjects[0])
        findings.append(agreement.finding(doc, sentence, m.start(), m.end(), "data.rank",
                                          f"'{m.group(0).strip()}': {agreement.name(subjects[0][0], lang)} is number {place} of the "
                                          f"{'surpluses' if extreme == 'surplus' else 'deficits'} ranked in the data, largest first (data: {said})", said))
    return findings


def _position(fact, codes, small: bool = False) -> int | None:
    """The item's place in the ranking, counted from the largest (or, ``small``, from the smallest)."""
    members = fact.get("members", ())
    for place, member in enumerate(reversed(members) if small else members, 1):
        if member["item"] in codes:
            return place
    return None


def _is_total(agreement, mention: ItemMention) -> bool:
    return set(mention.codes) <= {agreement.config.total}
