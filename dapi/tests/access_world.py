"""The data the access matrix runs against: the demo (seeds, synthetic cases, forums, workshops) plus
one incident import, one ingested decision document and one evaluator extract, each made through
its service. `sample_kwargs` names, for every URL or API path parameter, the object it points at."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from dapi.accounts.models import Membership, Organisation, Role, User
from dapi.accounts.services import api_token_create
from dapi.demo.cases import load_demo_cases
from dapi.tests.demo_snapshot import loaded
from dapi.cases.models import (Case, CaseMember, ForumAction, ForumListing, Goal, MemberRole, Need, NeedKind,
                               Referral, RiskAssessment, Workshop, WorkshopBooking)
from dapi.cases.outcomes.example import example_questionnaire
from dapi.cases.outcomes.models import Questionnaire
from dapi.decisions.models import Decision, Meeting, Resolution
from dapi.decisions.ingest.services import ingest_batch_create, ingested_document_create
from dapi.demo.seeds import load_demo
from dapi.funding.models import Agreement, Allocation, Award, Bid, Measure, Programme
from dapi.funding.services import (
    agreement_update, cofunder_cut_record, condition_add, funding_condition_add, target_set,
)
from dapi.funding.returns.services import spend_return_submit
from dapi.identification.models import RankedPerpetrator
from dapi.lib.money import FinancialYear
from dapi.identification.services import incident_import_create
from dapi.reports.services import extract_approve

PROGRAMME = "cleveland-complex-needs"
INCIDENTS = ("incident_id,occurred_on,area,perpetrator_id,victim_id,offence,perpetrator_age\n"
             "I1,2024-03-01,Middlesbrough,P1,V1,CA,30\nI2,2024-02-01,Middlesbrough,P1,V2,ABH,30\n"
             "I3,2024-03-20,Hartlepool,P2,V3,SA,40\n")
DECISION_TEXT = ("Decision record\nReference: MATRIX-2024-01\nTitle: Perpetrator programme extension\n"
                 "Decision: to award £10,000 to Harbour Support Services for 2024/25.\nDate: 1 April 2024\n")


def _quarter(day: date) -> int:
    return (day.month - 4) % 12 // 3 + 1


def build_world() -> dict:
    loaded(load_demo)
    loaded(load_demo_cases)
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    worker = users["perpetrator-worker"]
    case = (Case.objects.filter(assignments__worker=worker, programme__slug=PROGRAMME,
                                members__role=MemberRole.VICTIM, risk_assessments__isnull=False,
                                needs__isnull=False, goals__isnull=False)
            .distinct().order_by("pk").first())
    victim = case.members.filter(role=MemberRole.VICTIM).order_by("pk").first()
    police = Organisation.objects.get(name="Cleveland Police")
    incident_import = incident_import_create(
        organisation=police, upload=SimpleUploadedFile("incidents.csv", INCIDENTS.encode()),
        as_of=date(2024, 3, 31), by=users["police-analyst"])
    cleveland = Organisation.objects.get(name="Office of the Police and Crime Commissioner for Cleveland")
    document = ingested_document_create(
        organisation=cleveland, upload=SimpleUploadedFile("decision.txt", DECISION_TEXT.encode()),
        by=users["commissioner"])
    batch = ingest_batch_create(organisation=cleveland, by=users["commissioner"], uploads=[
        SimpleUploadedFile(f"decision-{n}.txt", DECISION_TEXT.encode()) for n in (1, 2)])
    programme = Programme.objects.get(slug=PROGRAMME)
    if not Questionnaire.objects.filter(programme=programme).exists():
        example_questionnaire(programme)
    approval = extract_approve(programme=programme, evaluator=Organisation.objects.get(name="Barefoot Social Research"),
                               approved_on=date(2024, 4, 1),
                               expires_on=date.today() + timedelta(days=30), purpose="Evaluation of outcomes",
                               by=users["commissioner"])
    # A user of the Cleveland OPCC alone, whom its administrator manages (and the empty POSTs deactivate).
    staff_member = User.objects.create_user("matrix-finance-officer", password="matrix-password-123")
    Membership.objects.create(user=staff_member, organisation=cleveland, role=Role.FINANCE_OFFICER)
    harbour_grant = Agreement.objects.filter(provider__name="Harbour Support Services").order_by("pk").first()
    spend_return = spend_return_submit(by=users["provider-manager"], agreement=harbour_grant,
                                       financial_year=FinancialYear.of(harbour_grant.start).start_year,
                                       quarter=_quarter(harbour_grant.start),
                                       lines=[{"budget_line": "Staff", "amount": Decimal("1000.00")}],
                                       explanation="Matrix: spend differs from the profile.")
    target = target_set(by=None, agreement=harbour_grant, measure=Measure.PROVIDER, name="Group sessions delivered",
                        financial_year=FinancialYear.of(harbour_grant.start).start_year, target=40)
    condition = condition_add(by=None, agreement=harbour_grant, text="Matrix: quarterly monitoring returns")
    # A partner line, so that the grant can carry a funding condition and a co-funder's cut (proposed).
    agreement_update(agreement=harbour_grant, by=None, contributions=[
        {"partner": cleveland, "amount": harbour_grant.value, "basis": "total"}])
    funding_condition = funding_condition_add(by=None, agreement=harbour_grant, partner=cleveland,
                                              funding="Matrix: Home Office grant")
    cut = cofunder_cut_record(by=None, agreement=harbour_grant, partner=cleveland, recorded_on=date(2023, 1, 1),
                              from_year=FinancialYear.of(harbour_grant.end).start_year, percentage=Decimal("10"))
    listing = ForumListing.objects.filter(case=case).order_by("pk").first() or ForumListing.objects.order_by("pk").first()
    return {
        "slug": PROGRAMME,
        "agreement": harbour_grant.pk,
        "bid": Bid.objects.filter(programme__slug="jenkins-centre").order_by("pk").first().pk,
        "spend_return": spend_return.pk,
        "target": target.pk,
        "condition": condition.pk,
        "funding_condition": funding_condition.pk,
        "cut": cut.pk,
        "award": Award.objects.filter(programme=programme).order_by("pk").first().pk,
        "allocation": Allocation.objects.order_by("pk").first().pk,
        "decision": Decision.objects.filter(reference__contains="2022-0007").first().pk,
        "meeting": Meeting.objects.order_by("pk").first().pk,
        "resolution": Resolution.objects.order_by("pk").first().pk,
        "document": document.pk, "batch": batch.pk,
        "case": case.pk,
        "victim": victim.pk,
        "perpetrator": case.perpetrator_id,
        "need": Need.objects.filter(case=case).order_by("pk").first().pk,
        "goal": Goal.objects.filter(case=case).order_by("pk").first().pk,
        "assessment": RiskAssessment.objects.filter(case=case).order_by("pk").first().pk,
        "referral": Referral.objects.filter(provider=case.provider).order_by("pk").first().pk,
        "listing": listing.pk,
        "action": ForumAction.objects.filter(listing=listing).order_by("pk").first().pk,
        # The demo has no CARA programme (its facilitator has no demo user): these point at nothing, so
        # the matrix shows that no demo role reaches a workshop; tests/test_cara.py covers CARA staff.
        "workshop": getattr(Workshop.objects.order_by("pk").first(), "pk", 0),
        "booking": getattr(WorkshopBooking.objects.order_by("pk").first(), "pk", 0),
        "cara_case": getattr(WorkshopBooking.objects.order_by("pk").first(), "case_id", 0),
        "import": incident_import.pk,
        "ranked": RankedPerpetrator.objects.filter(incident_import=incident_import).order_by("rank").first().pk,
        "extract": approval.pk,
        "staff_member": staff_member.pk,
        # The Cleveland OPCC: the demo administrator keeps its identifiers.
        "organisation": cleveland.pk,
        # The finance officer works at Cleveland's OPCC, which the demo administrator administers.
        "api_token": api_token_create(user=users["finance-officer"], name="matrix", by=None)[0].pk,
    }


# What each path parameter of each endpoint points at in the world (by URL name or API path).
PAGE_PARAMETERS = {
    "funding:agreement_detail": {"pk": "agreement"}, "funding:agreement_edit": {"pk": "agreement"},
    "funding:award_edit": {"pk": "award"}, "funding:allocation_edit": {"pk": "allocation"},
    "funding:bid_outcome": {"pk": "bid"}, "funding:spend_return_submit": {"pk": "agreement"},
    "funding:spend_return_detail": {"pk": "spend_return"}, "funding:spend_return_review": {"pk": "spend_return"},
    "funding:target_create": {"pk": "agreement"}, "funding:target_actual": {"pk": "target"},
    **{f"funding:{name}": {"pk": "agreement"} for name in (
        "agreement_extend", "agreement_vary", "break_notice_give", "agreement_terminate", "condition_add",
        "mirror_rule_add", "funding_condition_add", "cut_record")},
    "funding:condition_meet": {"pk": "condition"}, "funding:funding_condition_status": {"pk": "funding_condition"},
    "funding:cut_apply": {"pk": "cut"},
    "decisions:ingest_review": {"pk": "document"}, "decisions:ingest_file": {"pk": "document"},
    "decisions:ingest_batch": {"pk": "batch"},
    "decisions:decision_detail": {"pk": "decision"}, "decisions:decision_edit": {"pk": "decision"},
    "decisions:resolution_edit": {"pk": "resolution"}, "decisions:meeting_detail": {"pk": "meeting"},
    "decisions:resolution_create": {"pk": "meeting"},
    "cases:details_edit": {"pk": "case", "person_pk": "perpetrator"},
    "cases:need_edit": {"pk": "case", "need_pk": "need"}, "cases:goal_edit": {"pk": "case", "goal_pk": "goal"},
    "cases:victim_detail": {"pk": "case", "member_pk": "victim"},
    "cases:member_support": {"pk": "case", "member_pk": "victim"},
    "cases:safety_plan_add": {"pk": "case", "member_pk": "victim"},
    "cases:dash_add": {"pk": "case", "member_pk": "victim"},
    "cases:victim_outcome_add": {"pk": "case", "member_pk": "victim"},
    "cases:dash_detail": {"pk": "case", "assessment_pk": "assessment"},
    "cases:referral_detail": {"pk": "referral"},
    "forums:action_update": {"pk": "action"}, "forums:listing_add": {"pk": "case"},
    "forums:action_add": {"pk": "listing"},
    "cara:workshop_detail": {"pk": "workshop"}, "cara:attendance": {"pk": "booking"}, "cara:book": {"pk": "cara_case"},
    "identification:import_detail": {"pk": "import"}, "identification:import_rerun": {"pk": "import"},
    "identification:ranking_csv": {"pk": "import"},
    "identification:perpetrator_detail": {"pk": "import", "ranked_pk": "ranked"},
    "identification:cohort": {"pk": "import", "slug": "slug"},
    "identification:case_outcomes": {"case_pk": "case"},
    "reports:extract_download": {"pk": "extract"},
    "reports:open_data_download": {"standard": "=360giving", "fmt": "=json"},
    "reports:transparency_file": {"standard": "=360giving", "fmt": "=json"},
    "organisation_identifiers": {"pk": "organisation"},
    **{f"users:{name}": {"pk": "staff_member"} for name in (
        "user_detail", "user_deactivate", "user_reactivate", "user_reset_second_factor", "user_unlock")},
}
# Parameters with the same meaning wherever they appear; "=x" is the literal x.
COMMON_PARAMETERS = {"slug": "slug", "pk": "case", "side": "=perpetrator", "fmt": "=html",
                     "award_id": "award", "agreement_id": "agreement", "allocation_id": "allocation",
                     "decision_id": "decision", "resolution_id": "resolution", "case_id": "case",
                     "member_id": "victim", "referral_id": "referral", "workshop_id": "workshop",
                     "token_id": "api_token", "bid_id": "bid", "return_id": "spend_return",
                     "target_id": "target", "document_id": "document", "batch_id": "batch",
                     "listing_id": "listing", "action_id": "action",
                     "condition_id": "condition", "funding_condition_id": "funding_condition", "cut_id": "cut"}


def value_for(world: dict, key: str):
    """The world's object for `key`, or the literal after "=" ("=html")."""
    return key[1:] if key.startswith("=") else world[key]


def page_kwargs(world: dict, name: str, parameters: list[str]) -> dict:
    mapping = PAGE_PARAMETERS.get(name, {})
    return {p: value_for(world, mapping.get(p) or COMMON_PARAMETERS[p]) for p in parameters}


def valid_bodies(world: dict) -> dict[str, dict]:
    """For the API's case-work writes: a body each would accept from someone allowed to make it, so the
    access matrix's second table shows who may write (201), who may see but not make it (422 or 403)
    and who is across the barrier (404). Dates are on or before the demonstration date."""
    case = Case.objects.get(pk=world["case"])
    action = ForumAction.objects.get(pk=world["action"])
    free_kind = NeedKind.objects.exclude(pk__in=case.needs.values("kind")).order_by("position").first()
    answers = {str(n): "yes" if n <= 5 else "no" for n in range(1, 25)}
    return {
        "POST /api/cases/{case_id}/contacts": {"side": "perpetrator", "kind": "one_to_one", "on": "2024-03-01",
                                               "attendance": "attended"},
        "POST /api/cases/{case_id}/needs": {"kind": free_kind.code, "identified_on": "2024-03-01"},
        "POST /api/cases/{case_id}/goals": {"description": "Matrix goal", "set_on": "2024-03-01"},
        "POST /api/cases/{case_id}/people/{member_id}/dash-assessments": {"assessed_on": "2024-03-01",
                                                                          "answers": answers},
        "POST /api/cases/{case_id}/people/{member_id}/safety-plans": {"agreed_on": "2024-03-01", "plan": "Matrix plan"},
        "POST /api/cases/{case_id}/forum-listings": {"forum": "MATAC", "meeting_on": "2024-03-28"},
        "POST /api/forum-listings/{listing_id}/actions": {"side": action.side, "description": "Matrix action",
                                                          "owner": action.owner.name,
                                                          "due_on": str(action.listing.meeting_on)},
        "POST /api/forum-actions/{action_id}/status": {"status": "cancelled", "version": action.version},
    }
