"""A synthetic release project for the benchmarks, generated from a fixed seed.

``make_project(folder, n_items=1000, n_periods=60)`` writes a complete pressgen release
project: ``config/synthetic.yaml`` (modelled on ``config/knowledge_services.yaml``, with
five dimensions: four breakdowns of the total and one special classification with its
own root), ``config/wording/`` and ``templates/`` copied from the bundled project, and
``data/synthetic/items.csv`` and ``figures.csv``.

* Items: a 4-level hierarchy under each dimension root (top-level members, then three
  levels of sub-items), filled breadth first, exactly ``n_items`` rows including the total.
  Names are in English and in readable Hangul (particles follow the last syllable).
* Periods: ``n_periods`` consecutive half-years starting at the first half of a year and
  the official series start in config is that year.
* Figures: exports and imports in millions of US dollars, each item a stable share of its
  parent with drift and noise, the totals growing about 3% a half-year; all rounded to
  10 million, the balance being exports − imports of the rounded figures. Sparsity is
  realistic: the total and the special root publish everything; deeper levels start
  later, publish exports/imports less often and have gaps in their balances.

``make_monthly_project(folder, n_items=1000, n_periods=240)`` writes the monthly
variant, modelled on ``config/monthly_trade.yaml`` (templates copied from it): two
dimensions (product, destination) in the same 4-level hierarchy, months instead of
half-years, exports, imports and balance, the publisher's own year-on-year export
growth (``exports_yoy_pct``, from the unrounded figures, so it can differ from the
printed levels) and year-to-date totals with their own growth for the total and the
top-level items. That exercises what half-years do not: streaks on a year-ago basis,
records with the same-month scope and cumulative totals.

The same arguments always give byte-identical files (``random.Random(seed)``).
"""

from __future__ import annotations

import csv
import math
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

RELEASE = "synthetic"
SEED = 20250701
DIMENSIONS = (  # id, English label, Korean label, special
    ("category", "by category", "유형별", False),
    ("industry", "by industry", "산업별", False),
    ("institution", "by type of institution", "기관형태별", False),
    ("region", "by region", "지역별", False),
    ("digital", "digital industry", "디지털 산업", True),
)
# Word lists for names: (Korean, English). All Korean words are Hangul only, with and
# without a final consonant, so particles (은/는, 이/가 ...) vary.
_QUALIFIERS = [
    ("동부", "eastern"), ("서부", "western"), ("남부", "southern"), ("북부", "northern"), ("중앙", "central"),
    ("해외", "overseas"), ("국내", "domestic"), ("신규", "new"), ("기존", "established"), ("소형", "small-scale"),
    ("대형", "large-scale"), ("일반", "general"), ("특수", "specialised"),
]
_MODIFIERS = [
    ("디지털", "digital"), ("전문", "professional"), ("산업", "industrial"), ("문화", "cultural"), ("정보", "information"),
    ("연구", "research"), ("교육", "education"), ("금융", "financial"), ("물류", "logistics"), ("의료", "medical"),
    ("환경", "environmental"), ("건설", "construction"), ("광고", "advertising"), ("출판", "publishing"),
    ("방송", "broadcasting"), ("음향", "audio"), ("영상", "video"), ("설계", "design"), ("보안", "security"), ("통신", "telecom"),
]
_NOUNS = [
    ("서비스", "services"), ("사용료", "royalties"), ("저작권", "copyrights"), ("자문", "consulting"), ("플랫폼", "platforms"),
    ("제작", "production"), ("개발", "development"), ("운영", "operation"), ("유통", "distribution"), ("임대", "leasing"),
    ("중개", "brokerage"), ("관리", "management"), ("훈련", "training"), ("중계", "relay services"), ("수리", "repair"),
    ("검사", "inspection"), ("번역", "translation"), ("판권", "publishing rights"), ("상표권", "trademarks"), ("특허권", "patents"),
]


@dataclass
class _Item:
    code: str
    dimension: str
    parent: str | None
    name_en: str
    name_ko: str
    level: int  # 0 for the total and the special root


def _items(rng: random.Random, n_items: int) -> list[_Item]:
    """Exactly ``n_items`` items: the total, then each dimension's 4-level tree."""
    names = [(q, m, n) for q in _QUALIFIERS for m in _MODIFIERS for n in _NOUNS]
    rng.shuffle(names)
    if n_items > len(names) + 10:
        raise ValueError(f"at most {len(names)} synthetic items")
    pool = iter(names)

    def name() -> tuple[str, str]:
        (qk, qe), (mk, me), (nk, ne) = next(pool)
        return f"{qe} {me} {ne}", f"{qk} {mk}{nk}"

    items = [_Item("total", "total", None, "synthetic services", "합성서비스", 0)]
    rest = n_items - 1
    quotas = [rest // len(DIMENSIONS) + (1 if i < rest % len(DIMENSIONS) else 0) for i in range(len(DIMENSIONS))]
    for (dim, label_en, label_ko, special), quota in zip(DIMENSIONS, quotas):
        if special:
            root = _Item(dim, dim, None, f"the {label_en}", label_ko, 0)
            items.append(root)
            quota -= 1
        else:
            root = items[0]
        tops = max(2, round(quota / 40))
        # Branching so that four levels hold the quota: tops * (1 + b + b² + b³) ≥ quota.
        branching = 2
        while tops * (1 + branching + branching**2 + branching**3) < quota:
            branching += 1
        level = [root]
        made = 0
        for depth in range(1, 5):
            nxt: list[_Item] = []
            for parent in level:
                for k in range(tops if depth == 1 else branching):
                    if made == quota:
                        break
                    code = f"{dim}.{k + 1}" if depth == 1 else f"{parent.code}.{k + 1}"
                    en, ko = name()
                    child = _Item(code, dim, parent.code, en, ko, depth)
                    nxt.append(child)
                    made += 1
            items.extend(nxt)
            level = nxt
    assert len(items) == n_items, (len(items), n_items)
    return items


def _periods(n_periods: int) -> list[str]:
    start_year = 2026 - math.ceil(n_periods / 2)
    return [f"{start_year + i // 2}H{i % 2 + 1}" for i in range(n_periods)]


def _round10(value: float) -> int:
    return int(math.floor(value / 10 + 0.5)) * 10


# Per level: probability an item publishes exports/imports at all, probability a balance
# is published in a period, and the latest share of the span at which its series starts.
_SPARSITY = {0: (1.0, 1.0, 0.0), 1: (0.8, 0.99, 0.1), 2: (0.5, 0.95, 0.4), 3: (0.3, 0.9, 0.6), 4: (0.2, 0.85, 0.7)}


def _figures(rng: random.Random, items: list[_Item], periods: list[str]) -> list[list[str]]:
    children: dict[str, list[_Item]] = {}
    for item in items:
        if item.parent:
            children.setdefault(item.parent, []).append(item)
    # Stable shares of the parent's exports and imports, then a random walk around them.
    weights: dict[str, tuple[float, float]] = {}
    for parent, kids in children.items():
        for side in (0, 1):
            raw = [rng.uniform(0.2, 1.0) ** 2 for _ in kids]
            total = sum(raw)
            for kid, w in zip(kids, raw):
                weights.setdefault(kid.code, (0.0, 0.0))
                pair = list(weights[kid.code])
                pair[side] = w / total
                weights[kid.code] = tuple(pair)
    plan = {}
    for item in items:
        flows_p, balance_p, late = _SPARSITY[item.level]
        start = 0 if item.level == 0 else int(rng.random() * late * len(periods))
        plan[item.code] = (rng.random() < flows_p, balance_p, start)
    rows = []
    exports_total, imports_total = 18000.0, 21000.0
    values: dict[str, tuple[float, float]] = {}
    for t, period in enumerate(periods):
        exports_total *= 1.03 + rng.gauss(0, 0.03)
        imports_total *= 1.028 + rng.gauss(0, 0.03)
        for item in items:
            if item.parent is None:
                scale = 1.0 if item.code == "total" else 0.3
                values[item.code] = (exports_total * scale, imports_total * scale * rng.uniform(0.7, 1.1))
            else:
                pe, pi = values[item.parent]
                we, wi = weights[item.code]
                values[item.code] = (pe * we * rng.uniform(0.8, 1.2), pi * wi * rng.uniform(0.8, 1.2))
            flows, balance_p, start = plan[item.code]
            if t < start:
                continue
            exports, imports = _round10(values[item.code][0]), _round10(values[item.code][1])
            has_balance = rng.random() < balance_p
            has_flows = flows and rng.random() < 0.95
            if not has_balance and not has_flows:
                continue
            cells = [str(exports), str(imports)] if has_flows else ["", ""]
            cells.append(str(exports - imports) if has_balance else "")
            rows.append([period, item.code, *cells, ""])
    return rows


def _config(n_items: int, periods: list[str]) -> str:
    dims = []
    for dim, label_en, label_ko, special in DIMENSIONS:
        dims.append(f"  - id: {dim}\n    root: {dim if special else 'total'}\n"
                    + ("    special: true\n" if special else "")
                    + f"    label: {{en: {label_en}, ko: {label_ko}}}\n"
                    + f"    contributor_label: {{en: {('in the ' + label_en) if special else label_en}, "
                    + f"ko: {label_ko + ('에서' if special else '로')}}}\n")
    return f"""# Synthetic release for pressgen's benchmarks ({n_items} items, {len(periods)} half-years); generated, do not edit.
id: {RELEASE}
name:
  en: Synthetic Services Trade Statistics
  ko: 합성서비스 무역통계
publisher:
  en: the Benchmark Office
  ko: 벤치마크청
subject:
  en: the synthetic services trade balance
  ko: 합성서비스 무역수지
data:
  figures: ../data/{RELEASE}/figures.csv
  items: ../data/{RELEASE}/items.csv
  annotations: ../data/{RELEASE}/annotations
templates: ../templates/{RELEASE}
languages: [en, ko]
frequency: half
series_start: {periods[0][:4]}
metrics:
  exports: {{kind: flow, unit: usd_million, precision: 10, name: {{en: exports, ko: 수출}}}}
  imports: {{kind: flow, unit: usd_million, precision: 10, name: {{en: imports, ko: 수입}}}}
  balance: {{kind: balance, unit: usd_million, precision: 10, name: {{en: balance, ko: 수지}}, identity: exports - imports}}
headline: {{item: total, metric: balance, basis: previous_period}}
total: total
dimensions:
{''.join(dims)}sections:
  - {{kind: lead}}
  - {{kind: breakdown, dimension: category, metrics: [balance]}}
  - {{kind: breakdown, dimension: industry, metrics: [balance]}}
  - {{kind: breakdown, dimension: institution, metrics: [balance]}}
  - {{kind: breakdown, dimension: region, metrics: [balance]}}
  - {{kind: contributors, metric: balance}}
  - remarks
  - special
style:
  money:
    en: words
    ko: compact
thresholds:
  long_run_min_years: 5
  multiple_min: 2
  since_min_periods: 2
  main_contributor_share: 0.667
  driver_min_share: 0.5
  share_min_percent: 5
  list_min_share: 10
disabled_rules: []
"""


def make_project(folder: Path, bundled: Path, n_items: int = 1000, n_periods: int = 60, seed: int = SEED) -> Path:
    """Write a synthetic release project into ``folder`` (created); return it.

    ``bundled`` is the bundled example project (the repository root): its
    ``templates/knowledge_services`` and ``config/wording`` are copied.
    """
    rng = random.Random(f"{seed}:{n_items}:{n_periods}")
    folder = Path(folder)
    (folder / "config").mkdir(parents=True, exist_ok=True)
    data = folder / "data" / RELEASE
    (data / "annotations").mkdir(parents=True, exist_ok=True)
    shutil.copytree(bundled / "templates" / "knowledge_services", folder / "templates" / RELEASE, dirs_exist_ok=True)
    if (bundled / "config" / "wording").is_dir():
        shutil.copytree(bundled / "config" / "wording", folder / "config" / "wording", dirs_exist_ok=True)
    items = _items(rng, n_items)
    periods = _periods(n_periods)
    (folder / "config" / f"{RELEASE}.yaml").write_text(_config(n_items, periods), encoding="utf-8")
    with open(data / "items.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["item", "dimension", "parent", "name_en", "name_ko"])
        for item in items:
            writer.writerow([item.code, item.dimension, item.parent or "", item.name_en, item.name_ko])
    with open(data / "figures.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["period", "item", "exports", "imports", "balance", "note"])
        writer.writerows(_figures(rng, items, periods))
    return folder


def latest_period(n_periods: int) -> str:
    return _periods(n_periods)[-1]


MONTHLY_RELEASE = "synthetic_monthly"
MONTHLY_DIMENSIONS = (("product", "by product", "품목별"), ("destination", "by destination", "지역별"))


def _months(n_periods: int) -> list[str]:
    start_year = 2026 - math.ceil(n_periods / 12)
    return [f"{start_year + i // 12}-{i % 12 + 1:02d}" for i in range(n_periods)]


def latest_month(n_periods: int) -> str:
    return _months(n_periods)[-1]


def _monthly_items(rng: random.Random, n_items: int) -> list[_Item]:
    """The half-year generator's trees, on two dimensions (no special root)."""
    names = [(q, m, n) for q in _QUALIFIERS for m in _MODIFIERS for n in _NOUNS]
    rng.shuffle(names)
    pool = iter(names)
    items = [_Item("total", "total", None, "synthetic trade", "합성무역", 0)]
    rest = n_items - 1
    quotas = [rest // 2 + (1 if i < rest % 2 else 0) for i in range(2)]
    for (dim, _, _), quota in zip(MONTHLY_DIMENSIONS, quotas):
        tops = max(2, round(quota / 40))
        branching = 2
        while tops * (1 + branching + branching**2 + branching**3) < quota:
            branching += 1
        level, made = [items[0]], 0
        for depth in range(1, 5):
            nxt: list[_Item] = []
            for parent in level:
                for k in range(tops if depth == 1 else branching):
                    if made == quota:
                        break
                    (qk, qe), (mk, me), (nk, ne) = next(pool)
                    code = f"{dim}.{k + 1}" if depth == 1 else f"{parent.code}.{k + 1}"
                    nxt.append(_Item(code, dim, parent.code, f"{qe} {me} {ne}", f"{qk} {mk}{nk}", depth))
                    made += 1
            items.extend(nxt)
            level = nxt
    assert len(items) == n_items, (len(items), n_items)
    return items


def _monthly_figures(rng: random.Random, items: list[_Item], months: list[str]) -> list[list[str]]:
    """Wide rows: exports, imports, balance, exports_yoy_pct and year-to-date totals (total and top level)."""
    children: dict[str, list[_Item]] = {}
    for item in items:
        if item.parent:
            children.setdefault(item.parent, []).append(item)
    weights: dict[str, list[float]] = {}
    for kids in children.values():
        for side in (0, 1):
            raw = [rng.uniform(0.2, 1.0) ** 2 for _ in kids]
            for kid, w in zip(kids, raw):
                weights.setdefault(kid.code, [0.0, 0.0])[side] = w / sum(raw)
    plan = {}
    for item in items:
        flows_p, balance_p, late = _SPARSITY[item.level]
        start = 0 if item.level == 0 else int(rng.random() * late * len(months))
        plan[item.code] = (rng.random() < flows_p, balance_p, start)
    rows = []
    exports_total, imports_total = 30000.0, 29000.0
    history: dict[str, list[tuple[float, float] | None]] = {item.code: [] for item in items}
    ytd: dict[str, list[int]] = {}
    ytd_exports: dict[tuple[str, int], int] = {}  # (item, month index) → exports so far that year
    for t, month in enumerate(months):
        season = 1 + 0.06 * math.sin(2 * math.pi * (t % 12) / 12)
        exports_total *= 1.004 + rng.gauss(0, 0.02)
        imports_total *= 1.0035 + rng.gauss(0, 0.02)
        if t % 12 == 0:
            ytd = {}
        values: dict[str, tuple[float, float]] = {}
        for item in items:
            if item.parent is None:
                values[item.code] = (exports_total * season, imports_total * season)
            else:
                pe, pi = values[item.parent]
                we, wi = weights[item.code]
                values[item.code] = (pe * we * rng.uniform(0.85, 1.15), pi * wi * rng.uniform(0.85, 1.15))
            flows, balance_p, start = plan[item.code]
            published = None
            if t >= start:
                exports, imports = _round10(values[item.code][0]), _round10(values[item.code][1])
                has_balance = rng.random() < balance_p
                has_flows = flows and rng.random() < 0.95
                if has_balance or has_flows:
                    published = values[item.code] if has_flows else None
                    cells = [str(exports), str(imports)] if has_flows else ["", ""]
                    cells.append(str(exports - imports) if has_balance else "")
                    # The publisher's growth rate, from its own unrounded figures a year apart.
                    year_ago = history[item.code][t - 12] if t >= 12 else None
                    cells.append(f"{(values[item.code][0] / year_ago[0] - 1) * 100:.1f}" if has_flows and year_ago else "")
                    if item.level <= 1 and has_flows:
                        running = ytd.setdefault(item.code, [0, 0])
                        running[0] += exports
                        running[1] += imports
                        ytd_exports[item.code, t] = running[0]
                        last = ytd_exports.get((item.code, t - 12))
                        cells += [str(running[0]), str(running[1]), str(running[0] - running[1]),
                                  f"{(running[0] / last - 1) * 100:.1f}" if last else ""]
                    else:
                        cells += ["", "", "", ""]
                    rows.append([month, item.code, *cells, ""])
            history[item.code].append(published)
    return rows


def _monthly_config(n_items: int, months: list[str]) -> str:
    dims = "".join(f"  - id: {dim}\n    root: total\n    label: {{en: {en}, ko: {ko}}}\n" for dim, en, ko in MONTHLY_DIMENSIONS)
    return f"""# Synthetic monthly release for pressgen's benchmarks ({n_items} items, {len(months)} months); generated, do not edit.
id: {MONTHLY_RELEASE}
name:
  en: Synthetic Trade Trends
  ko: 합성 수출입 동향
publisher:
  en: the Benchmark Office
  ko: 벤치마크청
subject:
  en: synthetic exports
  ko: 합성 수출
frequency: monthly
data:
  figures: ../data/{MONTHLY_RELEASE}/figures.csv
  items: ../data/{MONTHLY_RELEASE}/items.csv
  annotations: ../data/{MONTHLY_RELEASE}/annotations
templates: ../templates/{MONTHLY_RELEASE}
languages: [en, ko]
series_start: {months[0]}
metrics:
  exports: {{kind: flow, unit: usd_million, precision: 10, name: {{en: exports, ko: 수출}}}}
  imports: {{kind: flow, unit: usd_million, precision: 10, name: {{en: imports, ko: 수입}}}}
  balance: {{kind: balance, unit: usd_million, precision: 10, name: {{en: trade balance, ko: 무역수지}}, identity: exports - imports}}
  exports_yoy_pct:
    kind: rate
    unit: percent
    precision: 0.1
    name: {{en: export growth, ko: 수출 증가율}}
    percent_of: {{metric: exports, basis: year_ago}}
  exports_ytd: {{kind: flow, unit: usd_million, precision: 10, name: {{en: exports so far this year, ko: 누적 수출}}, cumulative_of: exports}}
  imports_ytd: {{kind: flow, unit: usd_million, precision: 10, name: {{en: imports so far this year, ko: 누적 수입}}, cumulative_of: imports}}
  balance_ytd: {{kind: balance, unit: usd_million, precision: 10, name: {{en: trade balance so far this year, ko: 누적 무역수지}}, cumulative_of: balance}}
  exports_ytd_yoy_pct:
    kind: rate
    unit: percent
    precision: 0.1
    name: {{en: growth of exports so far this year, ko: 누적 수출 증가율}}
    percent_of: {{metric: exports_ytd, basis: year_ago}}
total: total
headline:
  item: total
  metric: exports
  basis: year_ago
  subheadlines:
    - {{item: total, metric: balance, basis: year_ago}}
dimensions:
{dims}sections:
  - {{kind: lead, item: total, metrics: [exports, imports, balance], bases: [year_ago]}}
  - {{kind: breakdown, dimension: product, metrics: [exports], bases: [year_ago], limit: 6, order: value,
     heading: {{en: Exports by product, ko: 품목별 수출}}}}
  - {{kind: breakdown, dimension: destination, metrics: [exports], bases: [year_ago], limit: 5, order: value,
     heading: {{en: Exports by destination, ko: 지역별 수출}}}}
  - {{kind: cumulative, item: total, metrics: [exports, imports, balance]}}
  - remarks
style:
  money:
    en: symbol
    ko: compact
thresholds:
  since_min_periods: 3
  streak_min_periods: 2
  share_min_percent: 5
disabled_rules: []
"""


def make_monthly_project(folder: Path, bundled: Path, n_items: int = 1000, n_periods: int = 240, seed: int = SEED) -> Path:
    """Write the synthetic monthly release project into ``folder`` (created); return it.

    ``bundled`` is the repository root: ``templates/monthly_trade`` and ``config/wording`` are copied.
    """
    rng = random.Random(f"{seed}:monthly:{n_items}:{n_periods}")
    folder = Path(folder)
    (folder / "config").mkdir(parents=True, exist_ok=True)
    data = folder / "data" / MONTHLY_RELEASE
    (data / "annotations").mkdir(parents=True, exist_ok=True)
    shutil.copytree(bundled / "templates" / "monthly_trade", folder / "templates" / MONTHLY_RELEASE, dirs_exist_ok=True)
    if (bundled / "config" / "wording").is_dir():
        shutil.copytree(bundled / "config" / "wording", folder / "config" / "wording", dirs_exist_ok=True)
    items = _monthly_items(rng, n_items)
    months = _months(n_periods)
    (folder / "config" / f"{MONTHLY_RELEASE}.yaml").write_text(_monthly_config(n_items, months), encoding="utf-8")
    with open(data / "items.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["item", "dimension", "parent", "name_en", "name_ko"])
        for item in items:
            writer.writerow([item.code, item.dimension, item.parent or "", item.name_en, item.name_ko])
    with open(data / "figures.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["period", "item", "exports", "imports", "balance", "exports_yoy_pct",
                         "exports_ytd", "imports_ytd", "balance_ytd", "exports_ytd_yoy_pct", "note"])
        writer.writerows(_monthly_figures(rng, items, months))
    return folder
