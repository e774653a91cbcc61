"""The body a bracketed set of initials stands for, when the name before it runs two bodies together: "Clued Up and
Acme Drug Project Ltd. (ADPL) were both successful".

A run of capitalised words joined by "and" can hold two names ("Clued Up and Acme Drug Project Ltd."). The initials
in brackets right after it name one body: when the capitals of the whole run are not the initials but those of the
words after one of its "and"s are, exactly, the initials stand for those words alone ("Acme Drug Project Ltd."), not
for the run. A name whose capitals are the initials ("Fife Alcohol and Drug Partnership (FADP)"), or whose tail does
not spell them, is kept whole.
"""

import re


def _capitals(words: str) -> str:
    return "".join(w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", words) if w[0].isupper())


def named_for_initials(name: str, initials: str) -> str:
    """The part of `name` its bracketed `initials` stand for (the module docstring)."""
    letters = initials.rstrip("s") if initials[:-1].isupper() and initials.endswith("s") else initials
    if _capitals(name) == letters:
        return name
    for joint in re.finditer(r"\s+and\s+", name):
        tail = name[joint.end():]
        if tail[:1].isupper() and _capitals(tail) == letters:
            return tail
    return name
