"""A provider a page names only under a later sum that heads its own line is that sum's, not every sum's.

A page listing funded items, each a sum at the head of its own line with what it pays for ("£10,000 – Domestic
Abuse", "£20,000 – CSP Analysts" / "This will be provided by the Research & Intelligence Team of Shropshire Council"),
may name one provider in all. The rule that gives a record's one provider to each sum no sentence pays (in `money.py`)
would give it the sums listed above it too. A provider first named in the lines under a later sum heading its line
(the next sum written, within two lines of it) belongs to that sum. A provider named in the record's body after its
summary ("The contract is awarded to ...") is left to that rule.
"""


def named_under_later_sum(providers, amounts, amount, text: str) -> bool:
    """Is the record's one provider first named in the two lines under a later sum that heads its own line, with no
    other sum between?"""
    first = min((m.start for m in providers), default=None)
    if first is None or first < amount.end:
        return False
    before = [a for a in amounts if amount.end <= a.start and a.end <= first and a is not amount]
    if not before:
        return False
    heading = max(before, key=lambda a: a.start)
    line_start = text.rfind("\n", 0, heading.start) + 1
    return not text[line_start:heading.start].strip() and text.count("\n", heading.end, first) <= 2
