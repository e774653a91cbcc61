"""Actions: resolutions with their due dates, and deadlines stated in the text ("by 17th March
2023", "contracted until 31st March 2023", "ends on 31 October 2023").

A resolution that gives no date of its own takes one from the discussion when a dated sentence
says the same thing (three or more words in common), and says where the date came from.
"""

import re

from .dates import DateMention
from .draft import Action
from .text import Layout

_DEADLINE = re.compile(r"\b(?:by|no\s+later\s+than|deadline(?:\s+(?:of|for|is))?|due(?:\s+(?:on|by))?|before|"
                       r"ends?(?:\s+on)?|ending(?:\s+on)?|expires?(?:\s+on)?|expiring(?:\s+on)?"
                       # what is to happen on a day: "the launch is scheduled for", "to be published on"
                       r"|scheduled\s+(?:for|on)|planned\s+for|(?:to\s+be|will\s+be|due\s+to\s+be)\s+(?:published|launched|"
                       r"completed|submitted|presented|reported|held)\s+(?:on|in|by)"
                       r"|due\s+to\s+(?:launch|start|open|close|report)\s+(?:on|in|by))\s+(?:the\s+)?$", re.I)
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$", re.I)
_ABOUT_FUNDING = re.compile(r"\bcontract|\bfund|\bpilot\b|\bprovision\b|\bagreement\b|\bgrant\b", re.I)
_STOP = set("""a an the and or of to in on for by with that this be is are was were will would should could from as at
it its their they them he she his her be been being have has had do does did not no so than then there these those
which who whom what when where while about into over after before under again further once also any each other such
only own same too very can just panel pcc opcc report home office""".split())


def _stem(word: str) -> str:
    for ending in ("ing", "ed", "es", "s", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[:-len(ending)]
    return word


def _words(text: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in _STOP and len(w) > 2}


def deadlines(layout: Layout, dates: list[DateMention], ranges) -> list[Action]:
    text, found, seen = layout.text, [], set()
    in_range = {id(d) for pair in ranges for d in pair}
    for mention in dates:
        if id(mention) in in_range or mention.precision == "financial year":
            continue
        sentence = layout.sentence_at(mention.start)
        lead = text[max(sentence[0], mention.start - 30):mention.start]
        body = text[slice(*sentence)]
        if not (_DEADLINE.search(lead) or (_UNTIL.search(lead) and _ABOUT_FUNDING.search(body))):
            continue
        if mention.last in seen:
            continue  # the same deadline said again
        seen.add(mention.last)
        found.append(Action(" ".join(body.split())[:400], mention.last, "deadline", spans=[sentence]))
    return found


def resolution_actions(layout: Layout, items, dates: list[DateMention], ranges) -> list[Action]:
    """Each resolution as an action, due on a date it gives or one the discussion gives for it."""
    text, actions = layout.text, []
    in_range = {id(d) for pair in ranges for d in pair}
    first = items[0][2][0] if items else 0
    dated_sentences = []
    for sentence in layout.sentences:
        if sentence[1] > first:
            break
        inside = [d for d in dates if sentence[0] <= d.start < sentence[1] and id(d) not in in_range
                  and d.precision != "financial year"]
        if inside:
            dated_sentences.append((sentence, inside[-1]))
    for number, item_text, span in items:
        own = [d for d in dates if span[0] <= d.start < span[1] and d.precision != "financial year"]
        if own:
            actions.append(Action(item_text, own[-1].last, "resolution", number, [span]))
            continue
        words = _words(item_text)
        best = max(dated_sentences, key=lambda s: len(words & _words(text[slice(*s[0])])), default=None)
        if best and len(words & _words(text[slice(*best[0])])) >= 3:
            sentence, mention = best
            note = "from the discussion: “" + " ".join(text[slice(*sentence)].split())[:200] + "”"
            actions.append(Action(item_text, mention.last, "resolution", number, [span, mention.span], note))
        else:
            actions.append(Action(item_text, None, "resolution", number, [span]))
    return actions
