"""Names and ages to show beside references, read only where identities/access.py allows, with an
audit row for each person whose name is shown (every read of a person is audited). Nothing here
writes a name anywhere else: the audit row names the record, never its contents."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from dapi.audit.services import record_access
from dapi.lib import clock

from ..models import Case, CaseMember, IdentifyingDetails, Referral, Side
from . import access


@dataclass(frozen=True)
class Identity:
    name: str
    age: int | None

    def __str__(self) -> str:
        return f"{self.name}, aged {self.age}" if self.age is not None else self.name


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _read(user, person_ids: set[int]) -> dict[int, Identity]:
    """The identities of `person_ids` that have a name, each read written to the audit log."""
    today = clock.today()
    found = {}
    for details in IdentifyingDetails.objects.filter(person__in=person_ids).exclude(full_name="") \
            .select_related("person"):
        record_access(details, by=user)
        found[details.person_id] = Identity(details.full_name, age_on(details.date_of_birth, today))
    return found


class Identities(dict):
    """(case id, person id) -> Identity, for the templates' `identity` tag."""

    def of(self, case_id: int, person_id: int) -> Identity | None:
        return self.get((case_id, person_id))


def identities_of(user, people: Iterable[tuple[int, int, int]]) -> Identities:
    """The names `user` may see of `people`, given as (case id, id of the case's perpetrator, person
    id), keyed by (case id, person id): him where `user` sees the perpetrator side of his case, a
    victim, child or family member where `user` sees the victim side of a case she is linked to."""
    people = list(people)
    his = access.cases_showing_identities(user, {c for c, him, p in people if p == him}, Side.PERPETRATOR)
    others = {(c, p) for c, him, p in people if p != him}
    hers = access.cases_showing_identities(user, {c for c, _ in others}, Side.VICTIM) if others else set()
    linked = set(CaseMember.objects.filter(case__in=hers, person__in={p for _, p in others})
                 .values_list("case", "person")) if hers else set()
    wanted = {(c, p) for c, him, p in people if p == him and c in his} | (others & linked)
    read = _read(user, {person for _, person in wanted})
    return Identities({pair: read[pair[1]] for pair in wanted if pair[1] in read})


def identities_on_cases(user, cases: Iterable[Case], *, members: Iterable[CaseMember] = ()) -> Identities:
    """`identities_of` the perpetrators of `cases` and of `members` (victims, children and family of
    cases whose perpetrator is among `cases`)."""
    cases = list(cases)
    perpetrators = {c.pk: c.perpetrator_id for c in cases}
    return identities_of(user, [(c.pk, c.perpetrator_id, c.perpetrator_id) for c in cases]
                         + [(m.case_id, perpetrators[m.case_id], m.person_id) for m in members])


def identities_on_referrals(user, referrals: Iterable[Referral]) -> dict[int, Identity]:
    """The names `user` may see of the men referred in `referrals`, by referral id."""
    referrals = list(referrals)
    shown = access.referrals_showing_identities(user, referrals)
    allowed = {r.pk: r.person_id for r in referrals if r.pk in shown}
    read = _read(user, set(allowed.values()))
    return {pk: read[person] for pk, person in allowed.items() if person in read}
