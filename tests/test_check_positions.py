"""Sentence positions stored as runs answer exactly as one ``(line, column)`` per character would."""

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.document import parse_document
from generator.check.positions import EMPTY, Runs, RunsBuilder

# Positions as the reader makes them: mostly consecutive columns, with jumps (markup skipped,
# a new line, a collapsed space).
_STEP = st.one_of(st.just((0, 1)), st.just((0, 1)), st.just((0, 1)), st.tuples(st.just(0), st.integers(2, 5)),
                  st.tuples(st.integers(1, 2), st.just(0)), st.tuples(st.just(0), st.integers(-3, 0)))


@st.composite
def positions(draw):
    line, column = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    out = []
    for d_line, d_column in draw(st.lists(_STEP, max_size=40)):
        out.append((line, column))
        if d_line:
            line, column = line + d_line, draw(st.integers(1, 4))
        else:
            column = max(1, column + d_column)
    return out


@settings(max_examples=300, deadline=None)
@given(positions(), st.integers(-3, 45), st.integers(-3, 45))
def test_runs_index_slice_and_iterate_as_the_list(pairs, a, b):
    runs = Runs.of(pairs)
    assert len(runs) == len(pairs)
    assert list(runs) == pairs
    assert [runs[i] for i in range(-len(pairs), len(pairs))] == pairs[:] + pairs[:] if pairs else True
    assert list(runs[a:b]) == pairs[a:b]
    assert [runs[a:b][i] for i in range(len(pairs[a:b]))] == pairs[a:b]


@settings(max_examples=300, deadline=None)
@given(st.lists(positions(), max_size=5))
def test_runs_joined_end_to_end_are_the_lists_joined(parts):
    builder = RunsBuilder()
    for part in parts:
        builder.add(Runs.of(part))
    joined = builder.build()
    flat = [p for part in parts for p in part]
    assert list(joined) == flat
    assert [joined[i] for i in range(len(flat))] == flat
    # Touching runs are merged, so a plain line of text is one run however it was added.
    assert len(joined.starts) == len(Runs.of(flat).starts)


def test_one_run_per_line_of_a_wrapped_paragraph():
    doc = parse_document("Exports rose 4.6 percent\nto $12.3 billion, the **highest** on record.\n", "x.md")
    (sentence,) = doc.sentences
    runs = sentence.positions
    assert isinstance(runs, Runs)
    # One run for the first line with its newline (read as a space), then the second line's
    # text on either side of the bold markers.
    assert list(zip(runs.starts, runs.lines, runs.columns)) == [(0, 1, 1), (25, 2, 1), (47, 2, 25), (54, 2, 34)]
    assert sentence.position(sentence.text.index("highest")) == (2, 25)
    assert sentence.position(sentence.text.index(" on record")) == (2, 34)


def test_empty_runs():
    assert len(EMPTY) == 0 and list(EMPTY) == [] and list(Runs.of([])) == []
    assert list(Runs.run(3, 4, 0)) == []
