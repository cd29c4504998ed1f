from hypothesis import given
from hypothesis import strategies as st

from checker.load.provenance import FoldedText, fold

ARTICLE = "Altman called it a \u201cgenerational opportunity\u201d \u2014 twice.\nHe said \u201cgenerational\u201d again."


def test_straight_quotes_and_hyphens_match_curly_quotes_and_dashes():
    text = FoldedText(ARTICLE)
    [span] = text.occurrences('a "generational opportunity" - twice')
    assert ARTICLE[span.start : span.end] == "a \u201cgenerational opportunity\u201d \u2014 twice"
    assert (span.line, span.column) == (1, 18)


def test_offsets_point_into_the_original_on_later_lines():
    text = FoldedText(ARTICLE)
    [span] = text.occurrences("again.")
    assert ARTICLE[span.start : span.end] == "again."
    assert span.line == 2 and span.column == ARTICLE.split("\n")[1].index("again.") + 1


def test_a_quote_found_twice_is_ambiguous_until_a_prefix_decides():
    text = FoldedText(ARTICLE)
    assert len(text.occurrences("generational")) == 2
    [span] = text.occurrences("generational", prefix="He said \u201c")
    assert span.line == 2


def test_a_suffix_decides_too():
    [span] = FoldedText(ARTICLE).occurrences("generational", suffix="opportunity")
    assert span.line == 1


def test_a_quote_across_a_line_break_matches_with_a_space():
    [span] = FoldedText(ARTICLE).occurrences("twice. He said")
    assert ARTICLE[span.start : span.end] == "twice.\nHe said"


def test_missing_quote_matches_nothing_and_near_miss_finds_case_difference():
    text = FoldedText(ARTICLE)
    assert text.occurrences("Generational Opportunity") == []
    assert text.near_miss("Generational Opportunity").line == 1


def test_crlf_and_bom_do_not_move_offsets():
    original = "\ufeffFirst line\r\nSecond line"
    [span] = FoldedText(original).occurrences("Second line")
    assert original[span.start : span.end] == "Second line"
    assert (span.line, span.column) == (2, 1)


@given(st.text(min_size=1, max_size=200), st.integers(0, 199), st.integers(1, 40))
def test_any_substring_without_edge_spaces_is_found_at_its_own_place(text, start, length):
    start = min(start, len(text) - 1)
    exact = text[start : start + length]
    if not fold(exact).strip() or exact != exact.strip():
        return  # a quote of only invisible characters is refused by the loader
    spans = FoldedText(text).occurrences(exact)
    assert spans, "a substring of the article must be found"
    assert all(0 <= span.start < span.end <= len(text) for span in spans)


def test_the_whitespace_table_is_what_python_calls_whitespace():
    from checker.model.typography import WHITESPACE

    assert sorted(WHITESPACE) == [chr(code) for code in range(0x110000) if chr(code).isspace()]


_SAME_LENGTH_TEXT = st.lists(st.one_of(
    st.sampled_from(["\u2018", "\u201c", "\u2014", "\u2212", "\u00a0", "\u2009", "\t", "\n", " ", "   ", "a", "\u00e9"]),
    st.text(max_size=5)), max_size=60).map("".join).map(lambda text: "".join(
        char for char in text if char not in "\u2026\u00ad\ufeff\u200b"))


@given(_SAME_LENGTH_TEXT)
def test_the_quick_fold_is_the_fold_character_by_character(text):
    from checker.model.typography import _fold_by_character, _fold_same_length

    assert _fold_same_length(text) == _fold_by_character(text)
