"""The configurable vocabularies' starting rows (DOMAIN.md): need kinds and forum types.

Used by migration 0002 (with historical models) and by the demo loader, which restores them
where a test database was flushed. Areas add their own rows; these are never removed.
"""

NEED_KINDS = [
    ("mental-health", "Mental health"), ("drugs", "Drugs"), ("alcohol", "Alcohol"), ("housing", "Housing"),
    ("finance", "Finance and debt"), ("employment", "Employment, education or training"),
    ("physical-health", "Physical health"), ("relationships", "Family and relationships"),
]
FORUM_TYPES = [
    ("MARAC", "Multi-Agency Risk Assessment Conference", "High-risk victims of domestic abuse; usually monthly.",
     "victim", 28),
    ("MATAC", "Multi-Agency Tasking and Coordination", "Serial perpetrators ranked by RFGV; every four weeks.",
     "perpetrator", 28),
    ("MAPPA", "Multi-Agency Public Protection Arrangements", "Management of violent and sexual offenders.",
     "perpetrator", None),
    ("TATI", "Multi-agency tasking and intervention forum", "A local multi-agency forum for perpetrator cases.",
     "perpetrator", None),
]


def ensure(need_kind_model, forum_type_model) -> None:
    for position, (code, name) in enumerate(NEED_KINDS):
        need_kind_model.objects.get_or_create(code=code, defaults={"name": name, "position": position})
    for code, name, description, side, every in FORUM_TYPES:
        forum_type_model.objects.get_or_create(code=code, defaults={
            "name": name, "description": description, "side": side, "meets_every_days": every})
