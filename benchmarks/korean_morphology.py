"""Does a Korean morphological analyser (kiwipiepy) read direction words better than `check`'s patterns?

`check` finds Korean direction words with patterns that match inside words (``증가했다``,
``늘어난``, ``떨어졌다``), excluding the nouns built on them (``상승률``, ``증가폭``). An analyser
would find them from lemmas and parts of speech instead. This script compares the two, sentence
by sentence, on every Korean sentence pressgen has to read — the Korean drafts of every period of
every bundled release and the Korean half of the check corpus — and prints where they disagree,
with the cost of loading the analyser.

    pip install kiwipiepy        # not a pressgen dependency
    python benchmarks/korean_morphology.py [--drafts DIR]

``--drafts`` is a project folder whose ``output/`` holds Korean drafts of every period (made with
``pressgen draft --all --no-charts --lang ko`` in a copy of the project); without it only the
committed examples are read.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from collections import Counter
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.check.document import read_document  # noqa: E402
from generator.check.lexicon import DIRECTIONS, rate_directions  # noqa: E402

# Lemmas an analyser returns for the direction words the patterns are meant to find.
GROW = {"증가", "확대", "급증", "늘", "늘리", "늘어나", "불", "불어나", "커지", "상승", "오르", "올라가", "높아지", "뛰"}
SHRINK = {"감소", "축소", "급감", "둔화", "줄", "줄이", "줄어들", "작아지", "하락", "내리", "내려가", "떨어지", "낮아지"}
NOUN_PREDICATES = {"증가", "확대", "급증", "상승", "감소", "축소", "급감", "하락", "둔화"}
BECOME = {"낮": "낮아지", "작": "작아지", "높": "높아지", "크": "커지"}


# Every ending a direction verb takes in a news clause, each put after "수출이 5% ": the patterns
# must read the direction in all of them (the analyser's lemmas are the yardstick).
CONJUGATED = {
    "grow": "늘었다 늘어 늘고 늘며 늘면서 늘자 늘지만 늘어난 늘린 늘렸다 늘렸지만 늘리며 증가했다 증가하며 증가해 "
            "증가한 증가세를 증가됐다 불어났다 올랐다 오르며 오른 올라 상승했다 상승하며 상승해 확대됐다 확대되며 "
            "확대해 커졌다 커지며 커진 높아졌다 높아지며 높아진 뛰었다 급증했다".split(),
    "shrink": "줄었다 줄어 줄고 줄며 줄면서 줄자 줄지만 줄어든 줄인 줄였다 줄였지만 줄이며 감소했다 감소하며 감소해 "
              "감소한 감소세를 내렸다 내리며 내린 내려 하락했다 하락하며 하락해 떨어졌다 떨어지며 떨어진 축소됐다 "
              "축소되며 작아졌다 작아지며 작아진 낮아졌다 낮아지며 낮아진 급감했다 둔화했다 둔화되며".split(),
}


def pattern_directions(text: str) -> Counter:
    found = Counter()
    patterns = DIRECTIONS["ko"] + rate_directions("ko")
    for category, pattern in patterns:
        if category in ("grow", "shrink"):
            found[category] += len(re.findall(pattern, text))
    return found


def analyser_directions(kiwi, text: str) -> Counter:
    found = Counter()
    tokens = kiwi.tokenize(text)
    for i, token in enumerate(tokens):
        after = [t.form for t in tokens[i + 1:i + 3]]
        lemma = token.form
        if token.tag.startswith("VA") and lemma in BECOME and after[:2] in (["아", "지"], ["어", "지"]):
            # 낮아지다 comes back as 낮/VA 어/EC 지/VX as often as 낮아지/VV.
            lemma = BECOME[lemma]
        elif token.tag.startswith(("VV", "VA")):
            pass
        elif token.tag == "NNG" and lemma.endswith("세") and lemma[:-1] in NOUN_PREDICATES:
            lemma = lemma[:-1]  # 증가세, 하락세: a trend is a claim of direction
        elif token.tag == "NNG" and lemma in NOUN_PREDICATES:
            # 증가율/증가폭 are the rate and the size of a change, not a claim.
            if after and after[0] in ("률", "율", "폭"):
                continue
        else:
            continue
        if lemma in GROW:
            found["grow"] += 1
        elif lemma in SHRINK:
            found["shrink"] += 1
    return found


def sentences(drafts: Path | None) -> list[tuple[str, str]]:
    out = []
    roots = [REPO / "output"] + ([drafts / "output"] if drafts else [])
    seen = set()
    for root in roots:
        for path in sorted(root.glob("*/*/release.ko.md")):
            for sentence in read_document(path).sentences:
                if sentence.text not in seen:
                    seen.add(sentence.text)
                    out.append((f"{path.parent.parent.name}/{path.parent.name}", sentence.text))
    for path in sorted((REPO / "tests" / "check_corpus").glob("*.ko.yaml")):
        for number, entry in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))["entries"], 1):
            if entry["text"] not in seen:
                seen.add(entry["text"])
                out.append((f"{path.name}#{number}", entry["text"]))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=Path, help="a project folder with Korean drafts of every period in output/")
    args = parser.parse_args()
    try:
        started = time.perf_counter()
        from kiwipiepy import Kiwi
        kiwi = Kiwi()
        kiwi.tokenize("준비")
        loaded = time.perf_counter() - started
    except ImportError:
        print("kiwipiepy is not installed: pip install kiwipiepy", file=sys.stderr)
        return 2
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    texts = sentences(args.drafts)
    started = time.perf_counter()
    analysed = [analyser_directions(kiwi, text) for _, text in texts]
    per_sentence = (time.perf_counter() - started) / max(1, len(texts))
    started = time.perf_counter()
    patterned = [pattern_directions(text) for _, text in texts]
    per_sentence_patterns = (time.perf_counter() - started) / max(1, len(texts))
    words = sum(sum(c.values()) for c in analysed)
    forms = [(category, form) for category, listed in CONJUGATED.items() for form in listed]
    print(f"conjugated forms: {len(forms)}")
    for category, form in forms:
        text = f"수출이 5% {form}"
        p, a = pattern_directions(text), analyser_directions(kiwi, text)
        if p[category] < 1 or a[category] < 1:
            print(f"- {category} {form}: patterns {dict(p)} analyser {dict(a)}")
    disagree = [(where, text, p, a) for (where, text), p, a in zip(texts, patterned, analysed) if p != a]
    print(f"sentences: {len(texts)}; direction words the analyser finds: {words}")
    print(f"sentences where patterns and analyser disagree: {len(disagree)}")
    for where, text, p, a in disagree:
        print(f"- {where}: patterns {dict(p)} analyser {dict(a)}: {text}")
    print(f"analyser load: {loaded:.2f} s, peak RSS {rss:.0f} MB; per sentence {per_sentence * 1000:.2f} ms "
          f"(patterns {per_sentence_patterns * 1000:.3f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
