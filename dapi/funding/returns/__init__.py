"""Quarterly spend returns: a provider's spend against its agreement by budget line, with the
variance from the profile explained, accepted or queried by the commissioner, and flagged when late."""
