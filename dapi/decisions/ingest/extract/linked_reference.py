"""A decision's number given only in the name of the file a page links to: "Decision 2020-199042-Funding-for-Cleveland-
Police-Cadets (application, 87kB)".

A commissioner's page may state nothing but the decision's text and a link to its signed record, whose file name is
the number and the title joined by hyphens, with the file's kind and size in brackets. The number before the title is
the record's reference. Only a line that is such a link (a year and a number, hyphens joining capitalised words, a
size in brackets) and only when the record states no reference otherwise.
"""

import re

from .draft import Found

_LINKED = re.compile(r"^[ \t]*Decision[ \t]+(?P<ref>(?:19|20)\d\d-\d{3,})-[A-Z][\w]*(?:-[\w]+)+[ \t]*"
                     r"\([^()\n]{0,40}\b\d+(?:\.\d+)?[ \t]*(?:kB|KB|kb|MB|mb)\)[ \t]*$", re.MULTILINE)


def linked_reference(text: str) -> Found:
    """The number a linked decision file's name begins with (the module docstring), if exactly one is linked."""
    found = {m["ref"]: m.span("ref") for m in _LINKED.finditer(text)}
    if len(found) != 1:
        return Found()
    (ref, span), = found.items()
    return Found(ref, [span])
