"""Importing published decision documents: upload one, review the draft read from it beside its
highlighted text, then confirm it into a decision with its money, or discard it.

`extract/` is the extractor (Django-free); the rest is the usual layout of an app. Nothing is
imported here, so that loading the models does not load the extractor.
"""
