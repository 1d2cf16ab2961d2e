"""Find which items a sentence talks about, by their names and aliases in the release's language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import ReleaseConfig


@dataclass(frozen=True)
class ItemMention:
    """A name in a sentence and the item codes it can stand for (one name may name several items)."""

    codes: tuple[str, ...]
    start: int
    end: int


class ItemMatcher:
    """Longest-name-first matching of item names; English ignores case and a leading "the"."""

    def __init__(self, items: dict, config: ReleaseConfig, lang: str) -> None:
        self._last: tuple[str, tuple[ItemMention, ...]] | None = None  # see find
        names: dict[str, set[str]] = {}
        # The release's own name for what the total measures ("South Korea's services trade balance").
        names.setdefault(self._normal(config.subject[lang], lang), set()).add(config.total)
        own: set[str] = set()
        variants: dict[str, set[str]] = {}
        # Korean compounds of another item's name are also written spaced (자동차부품 → 자동차 부품).
        stems = {self._normal(item.name(lang), lang) for item in items.values()} if lang == "ko" else set()
        for code, item in items.items():
            short = item.shorts.get(lang) if hasattr(item, "shorts") else None
            for name in (item.name(lang), *((short,) if short else ()), *config.aliases.get(code, {}).get(lang, ())):
                names.setdefault(self._normal(name, lang), set()).add(code)
                own.add(self._normal(name, lang))
                for variant in _variants(self._normal(name, lang), lang):
                    variants.setdefault(variant, set()).add(code)
                normal = self._normal(name, lang)
                for stem in stems:
                    if normal.startswith(stem) and len(normal) > len(stem) + 1 and " " not in normal:
                        variants.setdefault(f"{stem} {normal[len(stem):]}", set()).add(code)
        # Editors' own forms of a name ("mid-sized firms", "copyright", "games", 지재권) never
        # take a name another item has as its own; forms two items share name both.
        for variant, codes in variants.items():
            if variant not in own and (len(variant) >= (3 if lang == "en" else 2) or variant in _SHORT_FORMS):
                names.setdefault(variant, set()).update(codes)
        self.lang = lang
        self.total = config.total
        if lang == "ko":
            # Korean spacing varies ("정보·통신 서비스", "전문·사업서비스"): names are keyed and
            # matched without their spaces, with any spacing between their characters.
            spaceless: dict[str, set[str]] = {}
            written: dict[str, set[str]] = {}
            for name, codes in names.items():
                spaceless.setdefault(_KO_SPACE.sub("", name), set()).update(codes)
                written.setdefault(_KO_SPACE.sub("", name), set()).add(name)
            names = spaceless
        ordered = sorted(names, key=lambda n: (-len(n), n))
        self.codes = {n: tuple(sorted(names[n])) for n in ordered}
        if lang == "en":
            self.pattern = re.compile(rf"(?<![\w-])(?:{_alternation([n for n in ordered if n])})(?![\w-])", re.IGNORECASE)
        else:
            # A short name is matched as it is written, with or without its own spaces ("다 유형",
            # "다유형"), never with new ones: "반도체가 전체" is a particle and the next word, not 가전.
            def spelled(n: str) -> str:
                if len(n) > 3:
                    return r"\s*".join(re.escape(ch) for ch in n)
                forms = {n} | {w for w in written.get(n, ()) if w}
                return "|".join(r"\s*".join(re.escape(part) for part in _KO_SPACE.split(w)) for w in sorted(forms, key=lambda w: (-len(w), w)))

            alternatives = "|".join(spelled(n) for n in ordered if n)
            # Korean names take particles directly after them: no boundary on the right.
            self.pattern = re.compile(rf"(?:{alternatives})")

    @staticmethod
    def _normal(name: str, lang: str) -> str:
        name = name.strip()
        if lang == "en":
            name = name.lower()
            if name.startswith("the "):
                name = name[4:]
        return name

    def find(self, text: str) -> list[ItemMention]:
        # Asked again of the same sentence for each of its wrong figures (the suggestions read
        # its names): each figure cost another reading of the whole sentence.
        last = self._last
        if last is not None and last[0] == text:
            return list(last[1])
        found = self._find(text)
        self._last = (text, tuple(found))
        return found

    def _find(self, text: str) -> list[ItemMention]:
        found = []
        if self.lang == "ko":
            # An English gloss in parentheses ("연구개발(R&D)서비스") is read as a space, so the
            # name around it is found; offsets stay those of the text.
            text = _KO_GLOSS.sub(lambda m: " " * len(m.group(0)), text)
        for m in self.pattern.finditer(text):
            key = self._normal(m.group(0), self.lang) if self.lang == "en" else _KO_SPACE.sub("", m.group(0))
            # "US$61.04 billion", "61.04 billion U.S. dollars", 미국 달러화: a currency, not the country.
            if _CURRENCY[self.lang].match(text, m.end()):
                continue
            codes = self.codes.get(key)
            if codes:
                # "dining-out prices", "외식 물가": the total's generic name straight after another
                # item's name is that item's head noun, not a second item.
                if codes == (self.total,) and found and found[-1].codes != codes and (
                        not text[found[-1].end:m.start()].strip()
                        # "ICT 산업의 지식서비스 수출": the item's own flows, not the total's.
                        or (self.lang == "ko" and text[found[-1].end:m.start()].strip() in ("의", "과의", "와의"))):
                    continue
                found.append(ItemMention(codes, m.start(), m.end()))
        return found


# "US$" (no space) or "U.S. dollars": the currency; "music $590 million" is an item and its amount.
_CURRENCY = {"en": re.compile(r"(?:\$|\s?dollars?\b)", re.IGNORECASE), "ko": re.compile(r"\s?달러")}

# How editors shorten and inflect names, as data a press officer could extend: head nouns that
# stand for one another, and Korean abbreviations (지식재산권 → 지재권).
_EN_HEADS = ("enterprises", "companies", "firms", "corporations", "businesses")
# Modifiers that stand for one another at the start of a name ("auto parts", "car parts").
_EN_MODIFIERS = {"auto": ("car", "automotive", "automobile"), "digital": ("online",)}
# Adjectives coverage writes as their nouns ("culture and leisure").
_EN_NOUNS = {"cultural": "culture"}
# Size words that stand for one another before a head noun ("big firms" for "large corporations").
_EN_SIZES = {"large": ("big",)}
_EN_PRICE_HEADS = ("products", "prices", "inflation")
# Those who run a kind of business, for a name ending in it ("platform companies", "digital
# platforms" for "digital intermediary platforms").
_EN_COLLECTIVES = {"platforms": ("platform companies", "platform firms", "platform operators")}
# An activity named by those who do it ("manufacturers logged a deficit" for manufacturing).
_EN_AGENTS = {"manufacturing": ("manufacturers", "manufacturing firms", "manufacturing companies"),
              "automobiles": ("carmakers", "automakers"), "semiconductors": ("chipmakers",), "ships": ("shipbuilders", "shipyards"),
              "steel": ("steelmakers",), "cosmetics": ("cosmetics makers",), "displays": ("display makers",)}
# Places whose adjective coverage writes for them ("the North American deficit", "European imports").
_EN_PLACES = frozenset({"asia", "north america", "latin america", "south america", "europe", "india", "africa", "oceania"})
_KO_ABBREVIATIONS = {"지식재산권": "지재권", "지식재산": "지재", "연구개발": "R&D", "소프트웨어": "SW"}
# Abbreviations and short forms of parts of English names ("IP royalties", "the U.S."), and
# modifiers that stand for one another ("R&D-related" for "R&D-based").
_EN_ABBREVIATIONS = {"intellectual property": "ip", "research and development": "r&d", "united states": "u.s."}
_EN_SUFFIXES = {"-based": "-related"}
# Korean names of trading partners as coverage writes them before a figure ("대미 적자").
_KO_PARTNERS = {"미국": "대미", "중국": "대중국", "일본": "대일"}
# Short forms too short for the length floor on editors' variants, kept because they are unambiguous.
_SHORT_FORMS = frozenset({"ip", "u.s.", "대미", "대일"})
_KO_SPACE = re.compile(r"\s+")
_KO_GLOSS = re.compile(r"(?<=[가-힣])\([A-Za-z&][A-Za-z&.\s-]{0,14}\)")


def _alternation(names: list[str]) -> str:
    """A regex matching any of ``names`` (lowered), the longest that fits first.

    As a trie ("exports(?: of (?:goods|services))?"), so the engine follows one branch per
    character instead of trying some 200 names at every position (a quarter of the agreement
    check's time on a long release). At any position the names that match lie on one path of
    the trie, and each branch tries its longer continuation before stopping, so the match is
    the one the longest-first list would give; a name with a cased non-ASCII letter, which
    IGNORECASE might match to two branches, keeps the plain list.
    """
    if any(not ch.isascii() and ch.lower() != ch.upper() for n in names for ch in n):
        return "|".join(re.escape(n) for n in names)
    trie: dict = {}
    for name in names:
        node = trie
        for ch in name:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return emit(trie)


def _en_plural(word: str) -> str:
    if word.endswith("s"):
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def _en_singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _variants(name: str, lang: str) -> set[str]:
    """Forms of an item name coverage writes: singular and plural, other head nouns, the name
    without its "industry"/"sector", Korean without the middle dot or with its abbreviations."""
    out: set[str] = set()
    if lang == "en":
        words = name.split()
        if not words:
            return out
        stems = [words]
        if len(words) >= 2 and words[-1] in ("industry", "sector", "industries"):
            stems.append(words[:-1])
        for stem in stems:
            *head, last = stem
            for form in {last, _en_plural(last), _en_singular(last)}:
                out.add(" ".join([*head, form]))
            if head and head[0] in _EN_MODIFIERS:
                for other in _EN_MODIFIERS[head[0]]:
                    for form in {last, _en_plural(last), _en_singular(last)}:
                        out.add(" ".join([other, *head[1:], form]))
            if " " in name:
                out.add(" ".join([*head, last]).replace(" ", "-"))  # "dining-out prices", "fresh-food prices"
            if last in _EN_COLLECTIVES and head:
                out.update(_EN_COLLECTIVES[last])
                if len(head) >= 2:
                    out.add(f"{head[0]} {last}")
                    out.update(f"{other} {last}" for other in _EN_MODIFIERS.get(head[0], ()))  # "online platforms"
            if last in _EN_AGENTS and not head:
                out.update(_EN_AGENTS[last])
            if last in _EN_PRICE_HEADS and head:
                out.update(" ".join([*head, other]) for other in _EN_PRICE_HEADS)  # "oil products" → "oil prices"
                if head[-1].endswith("y") and len(head[-1]) > 3:
                    # "livestock and fisheries prices" for "… and fishery products": the noun before the head in the plural.
                    out.update(" ".join([*head[:-1], _en_plural(head[-1]), other]) for other in _EN_PRICE_HEADS)
            if last in _EN_HEADS:
                out.update(" ".join([*head, other]) for other in _EN_HEADS)
                if head and head[0] in _EN_SIZES:
                    # "big firms", "major companies" for "large corporations"
                    for size in _EN_SIZES[head[0]]:
                        out.update(" ".join([size, *head[1:], other]) for other in _EN_HEADS)
                if head and head[-1].endswith("-sized"):
                    # "mid-size firms", "midsize companies", "midsized businesses"
                    for size in ("-size", "size", "sized"):
                        out.update(" ".join([*head[:-1], head[-1].replace("-sized", size), other]) for other in _EN_HEADS)
        # "culture and leisure" for "cultural and leisure services", "trademarks and franchises" for
        # "trademark and franchise rights": a pair of nouns stands for the services or rights of them.
        pair = re.fullmatch(r"(\w+) and (\w+) (services|rights)", name)
        if pair:
            first, second, kind = pair.groups()
            out.add(f"{second} {kind}")  # "business services" for "professional and business services"
            if first not in ("information",):  # "information services" is another item's name
                out.add(f"{first} {kind}")  # "professional services", "trademark rights"
            if kind == "rights":
                out.add(_en_plural(first))  # "trademarks" for "trademark and franchise rights"
            for one in {first, _EN_NOUNS.get(first, first)}:
                out.add(f"{one} and {second}")
                if kind == "rights":
                    out.add(f"{_en_plural(one)} and {_en_plural(second)}")
        # "advertising" for "advertising and public relations", "consulting" for "management
        # consulting": an activity's own noun names it.
        gerund = re.fullmatch(r"(\w{5,}ing) and [\w ]+|\w+ (\w{5,}ing)", name)
        if gerund:
            out.add(gerund.group(1) or gerund.group(2))
        # "livestock", "petroleum" for "livestock products", "petroleum products": a noun before the
        # head names the goods (not an adjective: "industrial", "agricultural").
        goods = re.fullmatch(r"(\w+) products", name)
        if goods and not re.search(r"(?:al|ic|ed|ive|ous|ary)$", goods.group(1)):
            out.add(goods.group(1))
        if name.endswith("-cost prices"):
            # "living costs", "the living-cost index" for "living-cost prices"
            stem = name[:-len("-cost prices")]
            out.update({f"{stem} costs", f"{stem}-cost index", f"{stem} cost index", f"{stem}-cost inflation"})
        if name.startswith("average daily "):
            rest = name[len("average daily "):]
            # "daily average exports", "exports per working day"
            out.update({f"daily average {rest}", f"daily-average {rest}", f"per-day {rest}", f"{rest} per working day", f"{rest} per day"})
        if name.endswith(" rights") and name.count(" ") >= 2:
            out.add(name[:-len(" rights")])  # "industrial property" for "industrial property rights"
            if name.split()[0].endswith(("-based", "-related")):
                out.add(f"{name.split()[0]} rights")  # "R&D-based rights" for "R&D-based industrial property rights"
        if name.endswith(" and others"):
            out.add(name[:-len(" and others")])  # "individuals" for "individuals and others"
        if re.fullmatch(r"(?:[a-z]+ )?[a-z]+(?:a|pe)", name) and name in _EN_PLACES:
            # "the North American deficit", "the European deficit": a region's adjective names it.
            out.add(name + "n" if name.endswith("a") else name + "an")
        for long, short in _EN_ABBREVIATIONS.items():
            out |= {f.replace(long, short) for f in {name, *out} if long in f}
            # The abbreviation as a modifier of the rest: "IP-related royalties", "R&D-related services".
            out |= {f"{short}-related {f[len(short) + 1:]}" for f in set(out) if f.startswith(f"{short} ")}
        for modifier, other in _EN_SUFFIXES.items():
            out |= {f.replace(modifier, other) for f in {name, *out} if modifier in f}
        out.discard(name)
        return out
    forms = {name, name.replace("·", ""), name.replace("·", " ")}
    for long, short in _KO_ABBREVIATIONS.items():
        forms |= {f.replace(long, short) for f in forms if long in f}
        forms |= {f.replace(short, long) for f in forms if short in f and long not in f}
    # "상표·프랜차이즈권" is "상표권·프랜차이즈권": the last part's 권 (rights) belongs to each.
    for f in list(forms):
        m = re.fullmatch(r"(.+[^권])·(.+권)", f)
        if m:
            forms.add(f"{m.group(1)}권·{m.group(2)}")
    # "식료품·에너지 제외", "식료품과 에너지 제외 근원물가" for "식료품 및 에너지 제외 지수": coverage joins the
    # pair with a middle dot or 과/와 and calls such an index 근원물가.
    for f in list(forms):
        if " 및 " in f:
            forms.add(f.replace(" 및 ", "·"))
    for f in list(forms):
        if f.endswith(" 제외 지수"):
            forms |= {f[:-len("지수")] + "근원물가", f[:-len(" 지수")]}
    if name.endswith(" 및 기타"):
        forms.add(name[:-len(" 및 기타")])  # "개인" for "개인 및 기타"
    if name in _KO_PARTNERS:
        forms.add(_KO_PARTNERS[name])
    # "사업서비스" for "전문·사업서비스": the last of a dotted pair of service kinds is the name's head.
    dotted = re.fullmatch(r"[가-힣]+·([가-힣]{2,}서비스)", name)
    if dotted:
        forms.add(dotted.group(1))
        # "정보·통신 흑자 20억弗": headlines drop the 서비스 of a dotted pair.
        forms |= {name[:-len("서비스")], name[:-len("서비스")].replace("·", "")}
    if name.endswith("산업") and len(name) > 3:
        forms.add(name[:-2])
    forms |= {f.replace(" ", "") for f in forms}
    forms.discard(name)
    return forms
