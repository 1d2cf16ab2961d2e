"""The ``Fact`` record: one statement the data supports, with the cells behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from decimal import Decimal
from json.encoder import encode_basestring
from typing import Any, Iterator, Mapping

from ..dataset import Source
from ..jsontext import Unusual, decimal_text, dumps_indented, encode_converted

# Keys every fact has, in the order facts.json prints them.
COMMON_KEYS = ("id", "kind", "rule", "item", "period")
# Keys to_dict writes itself: a fact whose data holds one of them is written through to_dict.
_OWN_KEYS = frozenset((*COMMON_KEYS, "sources", "asserted"))


@dataclass(frozen=True)
class Fact:
    """A statement derived by a rule (or asserted by an annotation), as data, not wording.

    Kind-specific fields (``value``, ``delta``, ``direction``, ``members`` ...) live in
    ``data`` and read as attributes, so templates write ``fact.delta``.
    """

    id: str
    kind: str
    rule: str
    item: str
    period: str
    data: Mapping[str, Any] = field(default_factory=dict)
    sources: tuple[Mapping[str, Any], ...] = ()
    asserted: bool = False

    def __getattr__(self, name: str) -> Any:
        # Only called for names that are not dataclass fields.
        data = object.__getattribute__(self, "data")
        if name in data:
            return data[name]
        raise AttributeError(f"fact {object.__getattribute__(self, 'id')} has no field '{name}'")

    def get(self, name: str, default: Any = None) -> Any:
        return self.data.get(name, default)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md's facts contract (plain numbers, stable key order)."""
        result: dict[str, Any] = {key: getattr(self, key) for key in COMMON_KEYS}
        for key, value in self.data.items():
            result[key] = to_json(value)
        result["sources"] = [to_json(s if type(s) is dict else dict(s)) for s in self.sources]
        if self.asserted:
            result["asserted"] = True
        return result


_new = object.__new__
_set = object.__setattr__


def new_fact(id: str, kind: str, rule: str, item: str, period: str, data: Mapping[str, Any],
             sources: tuple[Mapping[str, Any], ...] = (), asserted: bool = False) -> Fact:
    """``Fact(...)`` without the frozen dataclass's ``__init__`` (one ``object.__setattr__`` per
    field): the same object at a third of the cost. The rules build thousands of facts per
    period (7,554 for one half-year of the synthetic release), and construction was a tenth
    of deriving them."""
    fact = _new(Fact)
    _set(fact, "__dict__", {"id": id, "kind": kind, "rule": rule, "item": item, "period": period,
                            "data": data, "sources": sources, "asserted": asserted})
    return fact


_SOURCE_PAD = "\n" + " " * 8  # a source's depth in facts.json: document, facts, fact, sources
_PAD = "\n      "  # a fact's keys: document, facts, fact
_SOURCES_OPEN = _PAD + '"sources": [' + _SOURCE_PAD
_SOURCES_SEP = "," + _SOURCE_PAD
_SOURCES_CLOSE = _PAD + "]"
# ``pad + '"key": '`` for each key met so far: a synthetic period's facts.json writes 45 keys 68,544 times.
_KEY_TEXT: dict[str, str] = {key: _PAD + encode_basestring(key) + ": " for key in COMMON_KEYS}


def _key_text(key: str) -> str:
    found = _KEY_TEXT.get(key)
    if found is None:
        found = _KEY_TEXT[key] = _PAD + encode_basestring(key) + ": "
    return found


def _fact_json(fact: Fact) -> str:
    """``fact.to_dict()`` as facts.json writes it (inside the ``facts`` list, two levels deep)."""
    own = fact.__dict__
    data = own["data"]
    try:
        if type(data) is not dict or not _OWN_KEYS.isdisjoint(data):
            raise Unusual
        keys = _KEY_TEXT
        parts = [keys["id"] + encode_converted(own["id"], _PAD), keys["kind"] + encode_converted(own["kind"], _PAD),
                 keys["rule"] + encode_converted(own["rule"], _PAD), keys["item"] + encode_converted(own["item"], _PAD),
                 keys["period"] + encode_converted(own["period"], _PAD)]
        for key, value in data.items():
            if type(key) is not str:
                raise Unusual
            # ``encode_converted(value, _PAD)`` for the common types, without a call for each of those 68,544 values.
            kind = type(value)
            if kind is str:
                text = encode_basestring(value)
            elif kind is Decimal:
                text = decimal_text(value)
            elif value is True:
                text = "true"
            elif value is False:
                text = "false"
            else:
                text = encode_converted(value, _PAD)
            parts.append((keys.get(key) or _key_text(key)) + text)
        sources = own["sources"]
        if not sources:
            parts.append(_PAD + '"sources": []')
        else:
            listed = []
            for source in sources:
                if type(source) is Source:
                    try:
                        text = source.json
                    except AttributeError:
                        text = source.json = encode_converted(source, _SOURCE_PAD)
                else:
                    text = encode_converted(source, _SOURCE_PAD)
                listed.append(text)
            parts.append(_SOURCES_OPEN + _SOURCES_SEP.join(listed) + _SOURCES_CLOSE)
        if own["asserted"]:
            parts.append(_PAD + '"asserted": true')
        return "{" + ",".join(parts) + "\n    }"
    except Unusual:
        # Anything unusual (a key to_dict overrides, a type it converts otherwise): its own
        # conversion, encoded as json.dumps would encode it at this depth.
        return dumps_indented(fact.to_dict()).replace("\n", "\n    ")


def to_json(value: Any) -> Any:
    """Decimals become ints or floats; containers are converted recursively."""
    # The common types first, by exact type: facts.json of the synthetic release is 7.8 MB,
    # and the isinstance test against the Mapping ABC below was a third of building it.
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if kind is dict:
        return {k: to_json(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [to_json(v) for v in value]
    if kind is Decimal:
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, Mapping):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    return value


@dataclass(frozen=True)
class FactSet:
    """All facts for one release and period, in a stable order, with lookups."""

    release: str
    period: str
    facts: tuple[Fact, ...]

    def __iter__(self):
        return iter(self.facts)

    def __len__(self) -> int:
        return len(self.facts)

    def by_id(self, fact_id: str) -> Fact | None:
        at = self.position(fact_id)
        return None if at is None else self.facts[at]

    def position(self, fact_id: str) -> int | None:
        """Where the first fact with this id stands in ``facts`` (0-based), or None."""
        return self._positions.get(fact_id)

    @cached_property
    def _positions(self) -> dict[str, int]:
        # Built once per fact set: the review page looks up a position for each of its
        # cards (159 cards × 7,554 facts on the synthetic release, searched in a list before).
        positions: dict[str, int] = {}
        for at, fact in enumerate(self.facts):
            positions.setdefault(fact.id, at)
        return positions

    def find(self, kind: str | None = None, item: str | None = None, **fields: Any) -> list[Fact]:
        """Facts matching a kind, an item and any data fields (``basis='previous_period'``)."""
        found = []
        for fact in self.facts:
            if kind is not None and fact.kind != kind:
                continue
            if item is not None and fact.item != item:
                continue
            if all(fact.data.get(k) == v for k, v in fields.items()):
                found.append(fact)
        return found

    def first(self, kind: str | None = None, item: str | None = None, **fields: Any) -> Fact | None:
        found = self.find(kind, item, **fields)
        return found[0] if found else None

    def to_dict(self) -> dict[str, Any]:
        return {"release": self.release, "period": self.period, "facts": [f.to_dict() for f in self.facts]}

    def json_chunks(self) -> Iterator[str]:
        """facts.json: ``dumps_indented(self.to_dict()) + "\\n"``, in pieces of about one fact each.

        Written from the facts themselves, without the converted copy ``to_dict`` builds
        (on the synthetic release that copy was 0.10 s and tens of MB a period), and
        never all in memory at once when the pieces go straight to a file.
        """
        head = dumps_indented({"release": self.release, "period": self.period})
        out = head[:-2] + ",\n  \"facts\": "  # drop the closing "\n}"
        if not self.facts:
            yield out + "[]\n}\n"
            return
        out += "["
        for at, fact in enumerate(self.facts):
            if at % 64 == 0 and at:
                yield out
                out = ""
            out += ("\n    " if at == 0 else ",\n    ") + _fact_json(fact)
        yield out + "\n  ]\n}\n"

