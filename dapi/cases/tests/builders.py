"""Small builders for case tests: everything made through the real services.

All people here are synthetic; names say so.
"""

from datetime import date

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.funding.models import Programme

from ..models import MemberRole, SafetyFlag, WorkerRole
from ..services.cases import assignment_create, case_create, member_add
from ..services.people import identifying_details_set, person_create

HARBOUR = "Harbour Support Services"
MSP = "My Sister's Place"

VICTIM_NAME = "Synthetic Victim Quillon"
VICTIM_ADDRESS = "14 Synthetic Row, Hartlepool"
VICTIM_PHONE = "07700 900123"
VICTIM_EMAIL = "quillon.synthetic@example.invalid"
VICTIM_POSTCODE = "TS24 0ZZ"
CHILD_NAME = "Synthetic Child Quillon"
PERPETRATOR_NAME = "Synthetic Perpetrator Brackwater"


def org(name: str) -> Organisation:
    return Organisation.objects.get(name=name)


def staff(username: str, role: str, organisation: str) -> User:
    """A worker or manager who is not one of the demo cast."""
    user, _ = User.objects.get_or_create(username=username, defaults={"first_name": "Test", "last_name": username})
    Membership.objects.get_or_create(user=user, organisation=org(organisation), role=role)
    return user


def victim_service_manager() -> User:
    return staff("msp-manager", Role.PROVIDER_MANAGER, MSP)


def tatc_case(cast, *, assign: bool = True, referred_on: date = date(2023, 1, 9)):
    """A Cleveland Team-around-the-Couple case: him (Harbour) and her and a child (My Sister's Place),
    with the demo perpetrator worker as coordinator and the demo partner support worker on her side."""
    manager = cast["provider-manager"]
    programme = Programme.objects.get(slug="cleveland-complex-needs")
    him = person_create(recorded_by=org(HARBOUR), by=manager, is_synthetic=True)
    identifying_details_set(person=him, by=manager, full_name=PERPETRATOR_NAME, date_of_birth=date(1988, 4, 2),
                            address="3 Synthetic Close, Middlesbrough", police_person_id="SYN-P000001")
    case = case_create(programme=programme, provider=org(HARBOUR), victim_service=org(MSP), perpetrator=him,
                       referred_on=referred_on, by=manager, police_contact="Synthetic DC Ellery, DA unit",
                       police_contact_email="da-unit@example.invalid")
    msp_manager = victim_service_manager()
    her = person_create(recorded_by=org(MSP), by=msp_manager, is_synthetic=True)
    identifying_details_set(person=her, by=msp_manager, full_name=VICTIM_NAME, date_of_birth=date(1990, 6, 1),
                            address=VICTIM_ADDRESS, postcode=VICTIM_POSTCODE, phone=VICTIM_PHONE, email=VICTIM_EMAIL)
    victim = member_add(case=case, person=her, role=MemberRole.VICTIM, relationship="partner", by=manager,
                        safety_flags=[SafetyFlag.CHILDREN_IN_HOUSEHOLD, SafetyFlag.STRANGULATION])
    child_person = person_create(recorded_by=org(MSP), by=msp_manager, is_synthetic=True)
    identifying_details_set(person=child_person, by=msp_manager, full_name=CHILD_NAME, date_of_birth=date(2017, 2, 3),
                            address=VICTIM_ADDRESS)
    child = member_add(case=case, person=child_person, role=MemberRole.CHILD, relationship="son", by=manager)
    if assign:
        assignment_create(case=case, worker=cast["perpetrator-worker"], role=WorkerRole.COORDINATOR,
                          started_on=referred_on, by=manager)
        assignment_create(case=case, worker=cast["partner-support-worker"], role=WorkerRole.PARTNER_SUPPORT,
                          started_on=referred_on, by=msp_manager)
    return case, victim, child
