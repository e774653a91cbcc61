"""Which organisation holds each person and case record, on which side of the information barrier,
declared to the administrators' audit log (`dapi.audit.access.records_held`, which decides what an
administrator reads; this module only says who holds what). Declared when the app is ready.

A record on the perpetrator side (his details, needs, goals, assessments, risk management plan
and its reviews, perpetrator-side sessions and assignments) is held by the case's provider; one on
the victim side (her record and details,
safety plans, DASH, victim-side contacts and assignments) by its victim service; the case itself,
its status changes and its referral by both (and the referral by the body that made it). A person
on no case yet is held by the organisation that recorded them. CARA bookings, breaches and police
notifications are held by the provider and the workshop's facilitator. A disruption action is held
by both sides, except a Clare's Law disclosure, held by the victim service only.
"""

from functools import partial

from django.db.models import Q

from dapi.audit.access import records_held

from .disruption.models import VICTIM_SIDE_KINDS
from .models import (
    Assignment, Breach, Case, CaseMember, Contact, DashDraft, DisruptionAction, ForumAction, ForumListing, Goal,
    IdentifyingDetails, Need, PerpetratorAssessment, Person, PlanReview, PoliceNotification, Referral, RiskAssessment,
    RiskPlan, SafetyPlan, Side, StatusChange, WorkshopBooking,
)


def _of_cases(orgs, case="case__") -> Q:
    """Rows of a case on either side of which one of `orgs` works."""
    return Q(**{f"{case}provider__in": orgs}) | Q(**{f"{case}victim_service__in": orgs})


def _on_their_side(orgs, case="case__", side="side") -> Q:
    """Rows whose side (the row's `side`) one of `orgs` delivers on its case."""
    return (Q(**{side: Side.PERPETRATOR, f"{case}provider__in": orgs})
            | Q(**{side: Side.VICTIM, f"{case}victim_service__in": orgs}))


def _person(orgs, person="") -> tuple[Q, Q]:
    on_no_case = Q(**{f"{person}cases_as_perpetrator": None, f"{person}case_memberships": None})
    own = (Q(**{f"{person}cases_as_perpetrator__provider__in": orgs})
           | Q(**{f"{person}case_memberships__case__victim_service__in": orgs})
           | Q(**{f"{person}recorded_by__in": orgs}) & on_no_case)
    return own, (own | _of_cases(orgs, f"{person}cases_as_perpetrator__")
                 | _of_cases(orgs, f"{person}case_memberships__case__") | Q(**{f"{person}recorded_by__in": orgs}))


def _cara(orgs, case, facilitator) -> tuple[Q, Q]:
    own = Q(**{f"{case}provider__in": orgs}) | Q(**{f"{facilitator}__in": orgs})
    return own, own | _of_cases(orgs, case)


# model -> (Q of the rows held on their own side, Q of the rows of the organisations' cases)
HOLDINGS = {
    Case: lambda o: (_of_cases(o, ""), _of_cases(o, "")),
    StatusChange: lambda o: (_of_cases(o), _of_cases(o)),
    Referral: lambda o: (Q(provider__in=o) | Q(referring_organisation__in=o),) * 2,
    Person: _person,
    IdentifyingDetails: lambda o: _person(o, "person__"),
    Assignment: lambda o: (_on_their_side(o), _of_cases(o)),
    Contact: lambda o: (_on_their_side(o), _of_cases(o)),
    Need: lambda o: (Q(case__provider__in=o), _of_cases(o)),
    Goal: lambda o: (Q(case__provider__in=o), _of_cases(o)),
    PerpetratorAssessment: lambda o: (Q(case__provider__in=o), _of_cases(o)),
    RiskPlan: lambda o: (Q(case__provider__in=o), _of_cases(o)),
    PlanReview: lambda o: (Q(plan__case__provider__in=o), _of_cases(o, "plan__case__")),
    CaseMember: lambda o: (Q(case__victim_service__in=o), _of_cases(o)),
    RiskAssessment: lambda o: (Q(case__victim_service__in=o), _of_cases(o)),
    DashDraft: lambda o: (Q(case__victim_service__in=o), _of_cases(o)),
    SafetyPlan: lambda o: (Q(member__case__victim_service__in=o), _of_cases(o, "member__case__")),
    ForumListing: lambda o: (_on_their_side(o, side="forum__side"), _of_cases(o)),
    ForumAction: lambda o: (_on_their_side(o, "listing__case__"), _of_cases(o, "listing__case__")),
    WorkshopBooking: lambda o: _cara(o, "case__", "workshop__facilitator"),
    Breach: lambda o: _cara(o, "case__", "booking__workshop__facilitator"),
    PoliceNotification: lambda o: _cara(o, "case__", "breach__booking__workshop__facilitator"),
    DisruptionAction: lambda o: (Q(kind__in=VICTIM_SIDE_KINDS, case__victim_service__in=o)
                                 | ~Q(kind__in=VICTIM_SIDE_KINDS) & _of_cases(o), _of_cases(o)),
}


def _holdings(model, rule, orgs):
    own, any_side = rule(orgs)
    return model.objects.filter(own).values("pk"), model.objects.filter(any_side).values("pk")


for _model, _rule in HOLDINGS.items():
    records_held(_model)(partial(_holdings, _model, _rule))
