"""Plain-text tables for the terminal: facts of a period, periods and their coverage, the rule registry."""

from __future__ import annotations

from decimal import Decimal

from .dataset import Dataset
from .facts import RULES, FactSet
from .facts.model import Fact


# How the table's footer names a unit of config.UNITS.
UNIT_NAMES = {"usd_million": "millions of US dollars", "percent": "percent", "pp": "percentage points",
              "index": "index points", "thousand_persons": "thousands of persons", "persons": "persons"}


def _num(value) -> str:
    if isinstance(value, Decimal):
        value = int(value) if value == value.to_integral_value() else value
    return f"{value:+,}" if isinstance(value, (int, Decimal)) and value != 0 else str(value)


def describe_fact(fact: Fact) -> str:
    """One line saying what a fact states, in figures (millions of dollars)."""
    d = fact.data
    kind = fact.kind
    if fact.asserted:
        text = d.get("text", {}).get("en", "")
        return f"asserted: {text}"
    if kind == "level":
        sign = f" ({d['sign']})" if "sign" in d else ""
        return f"{_num(d['value'])}{sign}"
    if kind == "change":
        extra = f", {d['percent']}%" if "percent" in d else ""
        if d.get("percent_source") == "published":
            extra += " (published)"
        unit = " pp" if d.get("unit") == "pp" else ""
        if "delta" not in d:
            return f"{d['direction']}{extra} on {d['base_period']} ({d['basis']})"
        moved = d["direction"] if d["delta"] == 0 or d["direction"].startswith("turned") else f"{d['direction']} by {abs(d['delta']):,}{unit}"
        return f"{_num(d['base_value'])} in {d['base_period']} → {_num(d['value'])}: {moved}{extra} ({d['basis']})"
    if kind == "streak":
        what = d["condition"] + (f" ({d['basis']})" if d.get("basis") else "") + (f" {d['threshold']}" if d.get("threshold") else "")
        length = f"at least {d['length']}" if d["open"] else str(d["length"])
        state = "ended this period" if d["ended"] else "continuing"
        return f"{what} for {length} periods from {d['start']} to {d['end']}, {state}"
    if kind == "cumulative":
        extra = f", {d['percent']}% on a year earlier" if "percent" in d else ""
        return f"{d['start']}–{d['end']}: {_num(d['value'])}{extra}"
    if kind == "multiple":
        return f"{_num(d['base_value'])} in {d['base_period']} → {_num(d['value'])}: ×{d['multiple']}"
    if kind == "record":
        since = f"since {d['since']}" if d["since"] else "on record"
        scope = " (same period of the year)" if d.get("scope") == "same_period_of_year" else ""
        return f"{d['extreme'].replace('_', ' ')}{scope} {since}: {_num(d['value'])}"
    if kind == "rank":
        members = ", ".join(f"{m['item']} {_num(m['value'])}" for m in d["members"])
        only = " (only one)" if d["only"] else ""
        return f"{d['dimension']} {d['extreme']}: {members}; main: {', '.join(d['main'])}{only}"
    if kind == "driver":
        if d["basis"] == "level":
            return f"led by {d['child']} {_num(d['child_value'])} ({d['share']}% of {_num(d['value'])})"
        return f"change led by {d['child']} {_num(d['child_delta'])} ({d['share']}% of {_num(d['delta'])})"
    if kind == "composition":
        pull = ", ".join(f"{m['item']} {_num(m['delta'])}" for m in d["with"])
        push = ", ".join(f"{m['item']} {_num(m['delta'])}" for m in d["against"])
        return f"{d['direction']} by {abs(d['delta']):,}: {pull} outweigh {push} ({d['dimension']})"
    if kind == "share":
        return f"{d['percent']}% of {d['of']} {d['metric']}" + (" (published)" if d.get("percent_source") == "published" else "")
    return ""


def facts_table(facts: FactSet) -> str:
    """Facts as an aligned table: kind, item, metric, statement."""
    rows = [("KIND", "ITEM", "METRIC", "STATEMENT")]
    for fact in facts:
        rows.append((fact.kind + ("*" if fact.asserted else ""), fact.item, fact.get("metric", ""), describe_fact(fact)))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"{r[0]:<{widths[0]}}  {r[1]:<{widths[1]}}  {r[2]:<{widths[2]}}  {r[3]}".rstrip() for r in rows]
    lines.append("")
    units = {fact.data["unit"] for fact in facts if fact.data.get("unit")}
    # One unit for every figure (a release of money amounts only): name it; several: each metric's own.
    values = f"values in {UNIT_NAMES.get(next(iter(units)), next(iter(units)))}" if len(units) == 1 else "values in each metric's unit"
    lines.append(f"{len(facts)} facts for {facts.release} {facts.period} ({values}; * asserted by annotation)")
    return "\n".join(lines) + "\n"


def periods_table(dataset: Dataset) -> str:
    """Each period with how many items it covers, then per item which periods it has."""
    coverage = dataset.coverage()
    lines = ["PERIOD   ITEMS  VALUES"]
    for period, items in coverage.items():
        lines.append(f"{str(period):<8} {len(items):>5}  {sum(len(m) for m in items.values()):>6}")
    lines.append("")
    letters = _letters(dataset.metrics)
    lines.append("ITEM coverage (" + ", ".join(f"{letter} = {metric}" for metric, letter in letters.items()) + ")")
    width = max(len(code) for code in dataset.items)
    header = " " * width + "  " + "  ".join(f"{str(p):<6}" for p in coverage)
    lines.append(header.rstrip())
    for code in dataset.items:
        cells = []
        for period, items in coverage.items():
            metrics = items.get(code, [])
            cells.append(f"{''.join(letters[m] for m in metrics) or '-':<6}")
        lines.append(f"{code:<{width}}  {'  '.join(cells)}".rstrip())
    return "\n".join(lines) + "\n"


def _letters(metrics) -> dict[str, str]:
    """A short code per metric for the coverage table: first letters, then letters and digits."""
    result: dict[str, str] = {}
    for n, metric in enumerate(metrics):
        code = metric[0]
        if code in result.values():
            code = str(n)
        result[metric] = code
    return result


def rules_table() -> str:
    lines = []
    for rule in RULES:
        lines.append(f"{rule.code}  {rule.name:<16} {rule.status:<7} {rule.summary}")
    return "\n".join(lines) + "\n"
