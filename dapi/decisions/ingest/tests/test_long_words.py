"""The extractor's time grows with the text, not with the square of its longest word (issue 16,
item 5): the pattern for "X will provide the service" used to start at every capital letter and scan
to the end of the word, so a record holding one 20,000-letter word took 20.7 s to read, 10,000
letters 3.8 s, holding a web worker all that time."""

import time

from dapi.decisions.ingest.extract import extract_text


def test_a_very_long_word_is_read_in_linear_time():
    started = time.perf_counter()
    extract_text("DECISION RECORD FORM\nDecision Reference: 2024-0001\n" + "A" * 10_000 + "\n" + "Aa " * 5_000)
    assert time.perf_counter() - started < 1  # 0.01 s now; 3.8 s for the long word alone before


def test_a_provider_named_before_will_provide_is_still_found():
    # Found by that same pattern, which now starts only where a word starts.
    draft = extract_text("DECISION RECORD FORM\nDecision Reference: 2024-0001\nThe Commissioner approves a grant "
                         "of £12,000. Harbour Support Services will continue to provide the service until March.")
    assert draft.to_json()["organisations"] == ["Harbour Support Services"]
