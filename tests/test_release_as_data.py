"""A release type is data: a fourth release (monthly employment) made of config, templates and figures only.

Guards the README's promise "a new release type needs config, templates and data — no
code" (issue "Any release, not one"): the test writes a monthly employment release into
an empty folder — employed persons in thousands (a level), the unemployment rate (a rate),
by industry and by age group, synthetic figures — drafts it in both languages and checks
the drafts clean; and no release id appears in ``generator/``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main

REPO = Path(__file__).resolve().parents[1]

CONFIG = """\
id: employment
name: {en: Economically Active Population Survey, ko: 경제활동인구조사 고용동향}
publisher: {en: the statistics office, ko: 통계청}
subject: {en: employment, ko: 고용}
frequency: monthly
data:
  figures: ../data/employment/figures.csv
  items: ../data/employment/items.csv
  annotations: ../data/employment/annotations
templates: ../templates/employment
series_start: 2024-01
metrics:
  employed: {kind: level, unit: thousand_persons, precision: 1, name: {en: employment, ko: 취업자 수}}
  unemployment_rate: {kind: rate, unit: percent, precision: 0.1, name: {en: the unemployment rate, ko: 실업률}}
total: total
headline: {item: total, metric: employed, basis: year_ago}
dimensions:
  - {id: industry, root: total, label: {en: by industry, ko: 산업별}}
  - {id: age, root: total, label: {en: by age group, ko: 연령별}}
sections:
  - {kind: lead, item: total, metrics: [employed, unemployment_rate], bases: [year_ago]}
  - {kind: breakdown, dimension: industry, metrics: [employed], bases: [year_ago], order: value}
  - {kind: breakdown, dimension: age, metrics: [employed], bases: [year_ago]}
streaks:
  - {item: total, metric: unemployment_rate, condition: below, threshold: 3.0}
"""

ITEMS = """\
item,dimension,parent,name_en,name_ko
total,total,,all workers,전체
ind.manufacturing,industry,total,manufacturing,제조업
ind.services,industry,total,services,서비스업
ind.construction,industry,total,construction,건설업
age.young,age,total,people aged 15 to 29,청년층(15~29세)
age.old,age,total,people aged 60 and over,60세 이상
"""

# Synthetic figures: employment rising on the year for the last months, construction falling.
MONTHS = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09",
          "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]


def _figures() -> str:
    rows = ["period,item,metric,value"]
    for n, month in enumerate(MONTHS):
        total = 28000 + 20 * n + (150 if month >= "2025-01" else 0)
        rows.append(f"{month},total,employed,{total}")
        rows.append(f"{month},total,unemployment_rate,{2.6 + (n % 4) / 10:.1f}")
        rows.append(f"{month},ind.manufacturing,employed,{4400 + n}")
        rows.append(f"{month},ind.services,employed,{19800 + 25 * n}")
        rows.append(f"{month},ind.construction,employed,{2100 - 3 * n}")
        rows.append(f"{month},age.young,employed,{3800 - 2 * n}")
        rows.append(f"{month},age.old,employed,{6400 + 15 * n}")
    return "\n".join(rows) + "\n"


EN_SENTENCES = """\
{% macro headline_metric(s) -%}
{{ "Employment" }} {{ "Rises" if s.change.direction == "increased" else "Falls" }} by {{ s.change.delta|abs|amount(s.metric) }} in {{ period|phead }}
{%- endmacro %}
{% macro subheadline_metric(s) %}{% endmacro %}
{% macro cause_headline(s) %}{{ s.cause.headline.en }}{% endmacro %}
{% macro lead_metric(s) -%}
Employment {{ s.change|moved }} by {{ s.change.delta|abs|amount(s.metric) }} from a year earlier to {{ s.level.value|amount(s.metric) }} in {{ period|period }}.
{%- endmacro %}
{% macro lead_other(s) -%}
{% set c = s.change %}The unemployment rate was {{ s.level.value|rate }}{% if c %}, {{ "up" if c.direction == "increased" else "down" if c.direction == "decreased" else "unchanged" }}{% if c.direction != "unchanged" %} {{ c.delta|abs|points }}{% endif %} from a year earlier{% endif %}.
{%- endmacro %}
{% macro section_heading(s) %}{{ s.heading.en }}{% endmacro %}
{% macro breakdown_first(s) -%}
{{ s.dim.label.en|cap }}, employment in {{ s.item|name }} {{ s.change|moved }} by {{ s.change.delta|abs|amount(s.metric) }} to {{ s.level.value|amount(s.metric) }}.
{%- endmacro %}
{% macro breakdown_group(s) -%}
{% set parts = [] %}{% for e in s.entries %}{% do parts.append((e.item|name) ~ " (" ~ (e.change.delta|abs|amount(e.metric)) ~ ")") %}{% endfor %}
Employment {{ "also rose" if s.direction == "increased" else "fell" if s.direction == "decreased" else "was unchanged" }} in {{ parts|andlist }}.
{%- endmacro %}
{% macro cumulative(s) %}{% endmacro %}
{% macro cause(s) %}{{ s.cause.text.en }}{% endmacro %}
{% macro remark(s) %}{{ s.remark.text.en }}{% endmacro %}
"""

KO_SENTENCES = """\
{% macro headline_metric(s) -%}
{{ period|phead }} 취업자 {{ s.change.delta|abs|amount(s.metric) }} {{ "증가" if s.change.direction == "increased" else "감소" }}
{%- endmacro %}
{% macro subheadline_metric(s) %}{% endmacro %}
{% macro cause_headline(s) %}{{ s.cause.headline.ko }}{% endmacro %}
{% macro lead_metric(s) -%}
{{ period|period }} 취업자 수는 {{ s.level.value|amount(s.metric) }}으로 1년 전보다 {{ s.change.delta|abs|amount(s.metric) }} {{ "늘었다" if s.change.direction == "increased" else "줄었다" }}.
{%- endmacro %}
{% macro lead_other(s) -%}
{% set c = s.change %}실업률은 {{ s.level.value|rate }}{% if c and c.direction != "unchanged" %}로 1년 전보다 {{ c.delta|abs|points }} {{ "올랐다" if c.direction == "increased" else "내렸다" }}{% else %}였다{% endif %}.
{%- endmacro %}
{% macro section_heading(s) %}{{ s.heading.ko }}{% endmacro %}
{% macro breakdown_first(s) -%}
{{ s.dim.label.ko }}로는 {{ s.item|name }} 취업자가 {{ s.change.delta|abs|amount(s.metric) }} {{ "늘었다" if s.change.direction == "increased" else "줄었다" }}.
{%- endmacro %}
{% macro breakdown_group(s) -%}
{% set parts = [] %}{% for e in s.entries %}{% do parts.append((e.item|name) ~ "(" ~ (e.change.delta|abs|amount(e.metric)) ~ ")") %}{% endfor %}
{{ parts|join(", ") }} 취업자는 {{ "늘었다" if s.direction == "increased" else "줄었다" if s.direction == "decreased" else "같았다" }}.
{%- endmacro %}
{% macro cumulative(s) %}{% endmacro %}
{% macro cause(s) %}{{ s.cause.text.ko }}{% endmacro %}
{% macro remark(s) %}{{ s.remark.text.ko }}{% endmacro %}
"""

LAYOUT = """\
# {{ story.headline.text }}

{{ story.lead.sentences|map(attribute="text")|join(" ") }}
{% for section in story.sections %}

{% for p in section.paragraphs %}
{{ p.sentences|map(attribute="text")|join(" ") }}
{% endfor %}
{% endfor %}
"""


@pytest.fixture
def employment(tmp_path: Path) -> Path:
    """An empty folder made into a one-release project from config, templates and figures only."""
    root = tmp_path / "office"
    (root / "config").mkdir(parents=True)
    (root / "config" / "employment.yaml").write_text(CONFIG, encoding="utf-8")
    data = root / "data" / "employment"
    (data / "annotations").mkdir(parents=True)
    (data / "items.csv").write_text(ITEMS, encoding="utf-8")
    (data / "figures.csv").write_text(_figures(), encoding="utf-8")
    (data / "annotations" / "2025-03.yaml").write_text("period: 2025-03\nrelease_date: 2025-04-16\n", encoding="utf-8")
    for lang, sentences in (("en", EN_SENTENCES), ("ko", KO_SENTENCES)):
        folder = root / "templates" / "employment" / lang
        folder.mkdir(parents=True)
        (folder / "sentences.md.j2").write_text(sentences, encoding="utf-8")
        (folder / "release.md.j2").write_text(LAYOUT, encoding="utf-8")
    return root


def test_a_fourth_release_type_drafts_and_checks_clean(employment, capsys):
    assert main(["validate", "--project", str(employment)]) == 0
    assert main(["draft", "--project", str(employment)]) == 0
    folder = employment / "output" / "employment" / "2025-03"
    en = (folder / "release.en.md").read_text(encoding="utf-8")
    ko = (folder / "release.ko.md").read_text(encoding="utf-8")
    # 2025-03: 28000 + 20*14 + 150 = 28430 thousand; a year earlier 28000 + 20*2 = 28040: up 390 thousand.
    assert "# Employment Rises by 390,000 persons in March" in en
    assert "Employment rose by 390,000 persons from a year earlier to 28,430,000 persons in March." in en
    assert "2843만명" in ko and "39만명 늘었다" in ko
    # Construction fell (2100 - 3n): by industry, the largest first, then risers and fallers.
    assert "Employment fell in construction (36,000 persons)." in en
    capsys.readouterr()
    assert main(["check", "--project", str(employment), str(folder)]) == 0, capsys.readouterr().out
    facts = json.loads((folder / "facts.json").read_text(encoding="utf-8"))["facts"]
    kinds = {f["kind"] for f in facts}
    assert {"level", "change", "streak", "rank"} <= kinds
    rate_change = next(f for f in facts if f["id"] == "change:total:unemployment_rate:year_ago:2024-03:2025-03")
    assert rate_change["unit"] == "pp" and "percent" not in rate_change


def test_a_wrong_figure_in_the_new_release_is_caught(employment, capsys):
    assert main(["draft", "--project", str(employment)]) == 0
    release = employment / "output" / "employment" / "2025-03" / "release.en.md"
    text = release.read_text(encoding="utf-8")
    # The unemployment rate of 2025-03 is 2.6 + (14 % 4)/10 = 2.8; write 3.8 instead.
    assert "The unemployment rate was 2.8 percent" in text
    release.write_text(text.replace("The unemployment rate was 2.8 percent", "The unemployment rate was 3.8 percent"),
                       encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--project", str(employment), str(release)]) == 1
    out = capsys.readouterr().out
    assert "data.percent '3.8 percent' does not match the data" in out


RELEASE_IDS = ("knowledge_services", "monthly_trade", "consumer_prices", "employment")


@pytest.mark.parametrize("release", RELEASE_IDS)
def test_no_release_is_named_in_the_engine(release):
    """The engine knows no release: every release-specific word lives in config/, templates/ and data/."""
    found = []
    for path in sorted((REPO / "generator").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".j2", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            for n, line in enumerate(text.splitlines(), 1):
                # A one-word id ("employment") is also an ordinary word: look for it as a name in code.
                pattern = rf"\b{release}\b" if "_" in release else rf"['\"/]{release}['\"/.]"
                if re.search(pattern, line, re.IGNORECASE) or ("_" in release and release.replace("_", " ") in line.lower()):
                    found.append(f"{path.relative_to(REPO)}:{n}: {line.strip()}")
    assert not found, "release named in the engine:\n" + "\n".join(found)
