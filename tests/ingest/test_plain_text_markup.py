"""Plain-text articles as outlets and scrapers publish them: markup, markdown, bullets and run-together sentences
are undone so that each paragraph is a line and sentences split where they end."""
from ingest.clean import clean
from ingest.sentences import split_sentences


def lines(text):
    article = clean(text, content_type="text/plain")
    return [(article.text[b.start:b.end], b.kind) for b in article.blocks]


def body(text):
    return [line for line, kind in lines(text) if kind == "body"]


def sentences(text):
    article = clean(text, content_type="text/plain")
    return [article.text[a:b] for a, b in split_sentences(article.text)]


def test_inline_html_left_in_a_text_file_is_removed_and_its_breaks_end_paragraphs():
    text = ('<span style="color: #222;">Defence Minister Rajnath Singh met his Kazakh counterpart in New Delhi today.'
            '</span><br />&nbsp;<br /><span style="color: #222;">The two ministers agreed to expand training.</span>')
    assert body(text) == ["Defence Minister Rajnath Singh met his Kazakh counterpart in New Delhi today.",
                          "The two ministers agreed to expand training."]


def test_a_tracking_pixel_line_is_dropped():
    text = '<img height="1" width="1" style="display:none" src="https://example.org/px?id=1&amp;ev=View">\n\nThe ministers met.'
    assert lines(text) == [("The ministers met.", "body")]


def test_angle_brackets_that_are_not_markup_are_kept():
    assert body("Ranges of <5 km and >10 km were discussed by the two ministers.") == [
        "Ranges of <5 km and >10 km were discussed by the two ministers."]


def test_entities_are_decoded():
    assert body("Ministers from Australia &amp; Japan met in Tokyo.") == ["Ministers from Australia & Japan met in Tokyo."]


def test_a_doubled_apostrophe_that_quotes_nothing_is_dropped():
    assert body("The minister arrived. '' The talks began at noon.") == ["The minister arrived. The talks began at noon."]


def test_two_apostrophes_around_words_are_a_quotation_mark():
    assert body("''We will deepen our cooperation,'' the minister said.") == [
        '"We will deepen our cooperation," the minister said.']


def test_a_backslash_escaped_possessive_reads_as_a_possessive():
    assert body(r"He welcomed the council\'\'s decision to hold elections.") == [
        "He welcomed the council's decision to hold elections."]


def test_markdown_headings_are_headings_without_their_hashes():
    assert lines("# Ministers agree to expand drills.\n\nThe two ministers met in Manila on Friday.") == [
        ("Ministers agree to expand drills.", "heading"), ("The two ministers met in Manila on Friday.", "body")]


def test_markdown_emphasis_and_links_keep_only_their_words():
    text = ("**Manila** — Defence Secretary Gilberto Teodoro met [Japan's defence minister](https://example.org/jp) "
            "on Friday and called the talks *very productive*. ![photo](https://example.org/a.jpg)")
    assert body(text) == ["Manila — Defence Secretary Gilberto Teodoro met Japan's defence minister on Friday "
                          "and called the talks very productive."]


def test_a_markdown_rule_and_a_block_quote_marker_are_dropped():
    assert body("The ministers met.\n\n---\n\n> We will train together, the minister said.") == [
        "The ministers met.", "We will train together, the minister said."]


def test_bullet_items_are_paragraphs_without_their_glyphs():
    text = ("The ministers agreed on three steps:\n  • expand joint exercises in the Baltic Sea\n"
            "  • open a liaison office in Riga\n□ review progress at their next meeting in Oslo")
    assert body(text) == ["The ministers agreed on three steps:", "expand joint exercises in the Baltic Sea",
                          "open a liaison office in Riga", "review progress at their next meeting in Oslo"]


def test_a_bullet_that_holds_only_a_separator_is_dropped():
    assert lines("• New Delhi\n  • |\n• The ministers met today.") == [
        ("New Delhi", "heading"), ("The ministers met today.", "body")]


def test_a_dash_introduced_quote_keeps_its_words():
    assert body("- We talked about the eastern flank, the minister said.") == [
        "We talked about the eastern flank, the minister said."]


def test_run_together_sentences_are_split():
    assert sentences("The ministers met in Singapore.In the meeting they discussed drills.Both sides agreed.") == [
        "The ministers met in Singapore.", "In the meeting they discussed drills.", "Both sides agreed."]


def test_a_closing_quote_stays_with_its_sentence_when_the_next_one_runs_on():
    assert sentences('"We are ready," he said."The talks went well."') == ['"We are ready," he said."', 'The talks went well."']


def test_abbreviations_and_web_addresses_are_not_split():
    assert body("The U.S.Army sent troops, said a statement on www.example.Org today.") == [
        "The U.S.Army sent troops, said a statement on www.example.Org today."]


def test_a_bulleted_headline_in_a_breadcrumb_stays_a_heading():
    assert lines("• News\n• Ministers of Japan and Australia discuss joint exercises near Darwin\n\nThey met.") == [
        ("News", "heading"), ("Ministers of Japan and Australia discuss joint exercises near Darwin", "heading"),
        ("They met.", "body")]


def test_a_press_release_end_mark_is_dropped():
    assert lines("The ministers met in Ottawa.\n\n- 30 -\n\nMedia Relations") == [
        ("The ministers met in Ottawa.", "body"), ("Media Relations", "heading")]
    assert body("The ministers met in Canberra.\n-ends-") == ["The ministers met in Canberra."]
