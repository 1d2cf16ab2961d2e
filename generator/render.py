"""Render a planned story to markdown with Jinja templates per language; helpers are filters."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import jinja2
from jinja2.sandbox import SecurityError
from babel.dates import format_date

from .config import ReleaseConfig
from .errors import TemplateError
from .lang import josa, join, money_en, money_ko, multiple, percent, period_headline, period_name
from .lang.periods_text import comparison_phrase
from .periods import Period
from .plan import Story
from .sandbox import BoundedSandbox, budget

# Headline case: these stay lower case inside a headline (as in the reference article).
_SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "the", "to", "vs", "with"}
_TEMPLATE_FILES = ("release.md.j2", "sentences.md.j2")


def _headline_case(text: str) -> str:
    """Headline capitalisation; a leading "the" is dropped, as headlines do."""
    if text[:4].lower() == "the ":
        text = text[4:]
    words = text.split(" ")
    out = []
    for n, word in enumerate(words):
        if n and word.lower() in _SMALL_WORDS and not (len(word) == 1 and word.isupper()):
            out.append(word.lower())
        elif word[:1].islower():
            out.append(word[:1].upper() + word[1:])
        else:
            out.append(word)
    # Hyphenated compounds: "half-year" → "Half-Year".
    return re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), " ".join(out))


@dataclass(frozen=True)
class Language:
    """The formatting helpers of one language, bound to the release's style and release date."""

    lang: str
    config: ReleaseConfig
    items: dict
    release_date: dt.date | None
    period: Period

    def money(self, value: Any) -> str:
        """An amount without its sign (the sentence says surplus or deficit)."""
        return self.smoney(abs(Decimal(value)))

    def smoney(self, value: Any) -> str:
        return _money(Decimal(value), self.lang, self.config.money_style[self.lang])

    def name(self, code: str) -> str:
        return self.items[code].name(self.lang)

    def short(self, code: str) -> str:
        """The item's short name (after the first mention), or its name."""
        return self.items[code].short(self.lang)

    def period_text(self, period: Any = None, relative: bool = True) -> str:
        p = self.period if period is None else (period if isinstance(period, Period) else Period.parse(str(period)))
        if relative and self.release_date is not None:
            return period_name(p, self.lang, release_year=self.release_date.year, relative=True,
                               release_month=self.release_date.month)
        return period_name(p, self.lang)

    # -- amounts in any unit, words from the vocabulary -------------------------------------
    def amount(self, value: Any, metric: str, signed: bool = False) -> str:
        """A value of ``metric`` in its unit: money, percent, percentage points, index points, persons."""
        value = Decimal(str(value))
        unit = self.config.metrics[metric].unit if metric in self.config.metrics else metric
        shown = value if signed else abs(value)
        if unit == "usd_million":
            return self.smoney(shown)
        if unit == "percent":
            return self.rate(shown)
        if unit == "pp":
            return self.points(shown)
        if unit == "thousand_persons":
            number = _plain_number(shown * 1000, self.lang)
            return f"{number} persons" if self.lang == "en" else f"{_ko_persons(shown)}명"
        return _plain_number(shown, self.lang, keep=True)

    def rate(self, value: Any) -> str:
        """A percent with the digits it was published with: 8.4 percent / 8.4%."""
        text = _plain_number(Decimal(str(value)), self.lang, keep=True)
        return f"{text} percent" if self.lang == "en" else f"{text}%"

    def points(self, value: Any) -> str:
        value = Decimal(str(value))
        text = _plain_number(value, self.lang, keep=True)
        if self.lang == "ko":
            return f"{text}%포인트"
        return f"{text} percentage point" + ("" if abs(value) <= 1 else "s")

    def moved(self, fact: Any, variant: int = 0) -> str:
        """The past-tense verb for a change fact, from the vocabulary (varied by ``variant``)."""
        from .vocabulary import vocabulary

        kind = self.config.metrics[fact.metric].kind if fact.metric in self.config.metrics else "flow"
        if getattr(fact, "kind", "") == "change" and fact.get("percent_source") == "published" and kind in ("rate",):
            kind = "flow"
        words = vocabulary(self.lang, self.config.project)["directions"][kind][fact.direction]["write"]
        if isinstance(words, dict):
            words = words.get(fact.get("sign"), next(iter(words.values())))
        return words[variant % len(words)]

    def vary(self, key: str, variant: int = 0) -> Any:
        """A sentence verb from the vocabulary's ``verbs`` (rotated by the sentence's ``variant``)."""
        from .vocabulary import vocabulary

        words = vocabulary(self.lang, self.config.project)["verbs"][key]["write"]
        return words[variant % len(words)]

    def ordinal(self, n: int) -> str:
        if self.lang == "ko":
            return str(n)
        words = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
        if 1 <= n <= 9:
            return words[n - 1]
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"

    def weekday(self, value: dt.date) -> str:
        return format_date(value, "EEEE", locale=self.lang)

    def headline_period(self, period: Period) -> str:
        """"First Half" when the release is in the period's year; otherwise the period in full."""
        if self.release_date is not None and self.release_date.year == period.year or period.kind == "Y":
            return period_headline(period, self.lang)
        return period_name(period, self.lang)

    def filters(self) -> dict[str, Callable]:
        lang = self.lang
        return {
            "money": self.money,
            "smoney": self.smoney,
            "name": self.name,
            "period": self.period_text,
            "phead": lambda p: period_headline(p if isinstance(p, Period) else Period.parse(str(p)), lang),
            "hperiod": self.headline_period,
            "compare": lambda basis: comparison_phrase(basis, self.period, lang),
            "josa": _josa if lang == "ko" else (lambda word, pair: word),
            "andlist": lambda items: _join(tuple(items), lang),
            "pct": lambda v: percent(Decimal(str(v)), lang),
            "times": lambda v: multiple(Decimal(str(v)), lang),
            "date": self.date,
            "cap": lambda s: s[:1].upper() + s[1:],
            "headline": _headline_case if lang == "en" else (lambda s: s),
            "short": self.short,
            "amount": self.amount,
            "rate": self.rate,
            "points": self.points,
            "moved": self.moved,
            "ordinal": self.ordinal,
            "weekday": self.weekday,
            "day": lambda d: f"{d.day}일" if lang == "ko" else format_date(d, "MMMM d", locale="en"),
            "mname": lambda m: self.config.metrics[m].name[lang],
            "mkind": lambda m: self.config.metrics[m].kind,
            "vary": self.vary,
        }

    def date(self, value: dt.date) -> str:
        pattern = "MMMM d" if self.lang == "en" else "M월 d일"
        return format_date(value, pattern, locale=self.lang)


def _plain_number(value: Decimal, lang: str, keep: bool = False) -> str:
    """Babel's number format with exactly the digits the value has (117.20 keeps its zero when ``keep``)."""
    from .lang.numbers import format_number

    digits = max(0, -value.as_tuple().exponent) if keep else None
    return format_number(value, lang, digits)


def _ko_persons(thousands: Decimal) -> str:
    """Korean people counts in 만: 2,880만7000 → 2880만7000."""
    people = int(thousands * 1000)
    man, rest = divmod(people, 10000)
    return (f"{man}만" if man else "") + (f"{rest}" if rest or not man else "")


@functools.lru_cache(maxsize=4096)
def _money(value: Decimal, lang: str, style: str) -> str:
    # The same few amounts are written many times per release; Babel formatting is the slow part.
    return money_en(value, style) if lang == "en" else money_ko(value, style)


@functools.lru_cache(maxsize=4096)
def _josa(word: str, pair: str) -> str:
    return josa.attach(word, pair)


@functools.lru_cache(maxsize=4096)
def _join(items: tuple[str, ...], lang: str) -> str:
    return join(list(items), lang)


_FILTER_NAMES = ("money", "smoney", "name", "period", "phead", "hperiod", "compare", "josa", "andlist",
                 "pct", "times", "date", "cap", "headline", "short", "amount", "rate", "points", "moved", "ordinal",
                 "weekday", "day", "mname", "mkind", "vary")
_ENVIRONMENTS: dict[str, jinja2.Environment] = {}


def _dispatch(name: str) -> Callable:
    # Filters find the language helpers in the render context ("H"), so one environment
    # (and its compiled templates) serves every language, period and release date.
    @jinja2.pass_context
    def call(context, *args, **kwargs):
        return context["H"][name](*args, **kwargs)

    return call


def environment(templates: Path) -> jinja2.Environment:
    """The Jinja environment of a template folder: strict undefined, no autoescape (markdown),
    trailing newline kept. Cached per folder, so templates compile once per process; Jinja
    recompiles a template whose file changed.
    """
    key = str(templates)
    env = _ENVIRONMENTS.get(key)
    if env is None:
        from .templatecache import template_cache

        # Sandboxed: templates are project files, not code; one reaching for Python internals
        # (cycler.__init__.__globals__.os) raises SecurityError instead of running anything.
        # Not the immutable sandbox: the templates build lists with {% do parts.append(...) %}.
        # Bounded too: no template operation may hang pressgen or exhaust its memory.
        env = BoundedSandbox(
            loader=jinja2.FileSystemLoader(key),
            undefined=jinja2.StrictUndefined,
            autoescape=False,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
            # Compiled templates kept between runs, keyed by source and environment (templatecache.py).
            bytecode_cache=template_cache(),
        )
        env.filters.update({name: _dispatch(name) for name in _FILTER_NAMES})
        _ENVIRONMENTS[key] = env
    return env


def _template_error(exc: Exception, config: ReleaseConfig, lang: str) -> TemplateError:
    if isinstance(exc, SecurityError):
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        return TemplateError(f"template reaches for Python internals, which templates may not: {exc}", path=where,
                             line=line[1] if line else None,
                             hint="use only the sentence's fields, the filters and the macros (see generator/plan.py)")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        path = config.templates / (exc.name or "")
        return TemplateError(f"template syntax error: {exc.message}", path=config.display(path), line=exc.lineno,
                             hint="fix the template; see https://jinja.palletsprojects.com/templates/")
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateError(f"template not found: {exc.name}", path=config.display(config.templates),
                             hint=f"each language folder needs {', '.join(_TEMPLATE_FILES)}")
    if isinstance(exc, jinja2.UndefinedError):
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        return TemplateError(f"undefined variable in template: {exc.message}", path=where, line=line[1] if line else None,
                             hint="check the variable name against the sentence's arguments (see generator/plan.py)")
    return TemplateError(f"template failed: {exc}", path=config.display(config.templates / lang))


def _template_line(exc: BaseException) -> tuple[str, int] | None:
    """The template file and line of a rendering error, from the traceback Jinja rewrites."""
    tb = exc.__traceback__
    found = None
    while tb is not None:
        # Jinja marks the frames of compiled templates; map their lines back to the source.
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        filename = tb.tb_frame.f_code.co_filename
        if template is not None and template.filename:
            found = (Path(template.filename).name, template.get_corresponding_lineno(tb.tb_lineno))
        elif filename.endswith(".j2"):  # a frame Jinja has already rewritten to template lines
            found = (Path(filename).name, tb.tb_lineno)
        tb = tb.tb_next
    return found


# Far above any release the three real ones write (their longest paragraph is under 900).
MAX_SENTENCE = 3_000
MAX_BODY = 200_000

_SPACES = re.compile(r"\s+")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,.;:!?])")


def check_templates(config: ReleaseConfig, languages) -> None:
    """Compile every template of the release, raising ``TemplateError`` for the first broken one."""
    env = environment(config.templates)
    for lang in languages:
        for name in ("sentences.md.j2", "release.md.j2"):  # the order a draft loads them in
            try:
                env.get_template(f"{lang}/{name}")
            except jinja2.TemplateError as exc:
                raise _template_error(exc, config, lang) from None


def render_story(story: Story, config: ReleaseConfig, items: dict, lang: str) -> str:
    """Render every sentence with its macro, then the layout; return the markdown body.

    Sets ``sentence.text`` for each sentence (the review sheet lists them). Raises
    ``TemplateError`` with the template file and line for syntax errors and undefined
    variables.
    """
    release_date = story.annotations.release_date if story.annotations else None
    helpers = Language(lang, config, items, release_date, Period.parse(story.period))
    env = environment(config.templates)
    context = {"H": helpers.filters(), "config": config, "lang": lang, "period": Period.parse(story.period),
               "annotations": story.annotations, "release_date": release_date}
    try:
        with budget():
            macros = env.get_template(f"{lang}/sentences.md.j2").make_module(context)
            for sentence in story.sentences():
                macro = getattr(macros, sentence.kind, None)
                if macro is None:
                    raise TemplateError(
                        f"no macro '{sentence.kind}' in the {lang} sentence templates",
                        path=config.display(config.templates / lang / "sentences.md.j2"),
                        hint=f"add {{% macro {sentence.kind}(s) %}}...{{% endmacro %}}",
                    )
                text = _SPACES.sub(" ", str(macro(sentence))).strip()
                if len(text) > MAX_SENTENCE:
                    # What reads the sentence afterwards (wording rules, review sheet) is not
                    # built for texts this long, and no press release sentence is one.
                    raise TemplateError(f"the '{sentence.kind}' macro wrote a sentence of {len(text):,} characters; "
                                        f"at most {MAX_SENTENCE:,}",
                                        path=config.display(config.templates / lang / "sentences.md.j2"))
                sentence.text = sentence.texts[lang] = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
            body = env.get_template(f"{lang}/release.md.j2").render(story=story, **context)
            if len(body) > MAX_BODY:
                raise TemplateError(f"the layout wrote a release of {len(body):,} characters; at most {MAX_BODY:,}",
                                    path=config.display(config.templates / lang / "release.md.j2"))
            return body
    except (jinja2.TemplateError, TemplateError) as exc:
        if isinstance(exc, TemplateError):
            raise
        raise _template_error(exc, config, lang) from None
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        line = _template_line(exc)
        where = config.display(config.templates / lang / line[0]) if line else config.display(config.templates / lang)
        raise TemplateError(f"template failed: {exc}", path=where, line=line[1] if line else None) from None
