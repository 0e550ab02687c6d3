"""The quotes package's layout: names moved by the split still import from their old
modules, and the text helpers have one definition (in the text layer)."""
from __future__ import annotations


def test_old_quotes_names_still_import():
    """Names moved out of quotes.speakers, quotes.attribution and quotes.builder are still
    importable from there (and through the old flat module names)."""
    from analysis_utils.quotes import attribution, builder, speakers

    for name in ("Tok", "tokenize", "Mention", "name_mention", "np_left", "np_right", "DETERMINERS",
                 "ANON_HEADS", "role_gender", "nicknames", "apposition_subject", "person_like"):
        assert hasattr(speakers, name), name
    for name in ("Frame", "find_cues", "sentence_frames", "sentence_subject", "link_quote", "reported_clause",
                 "dash_speaker", "standalone", "words_of", "title_case", "starts_upper", "sentence_like",
                 "DASHES", "POSSESSIVE_PRONOUNS", "possessor_mention", "has_that", "trim_clause"):
        assert hasattr(attribution, name), name
    assert hasattr(builder, "QuoteBuilder") and hasattr(builder, "first_char")
    import analysis_utils.speakers as old

    assert old.Tok is speakers.Tok


def test_quotes_text_helpers_are_the_text_layers():
    """words_of and title_case have one definition, in text.paragraphs."""
    from analysis_utils.quotes import attribution, builder, quotation_rules
    from analysis_utils.text import paragraphs

    assert attribution.words_of is paragraphs.words_of and attribution.title_case is paragraphs.title_case
    assert quotation_rules.words_of is paragraphs.words_of
    assert not hasattr(builder, "words_of") or builder.words_of is paragraphs.words_of
