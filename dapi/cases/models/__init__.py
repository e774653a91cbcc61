"""People, referrals, cases, work, risk, forums, CARA workshops and disruption actions.

Everything here is special category data. `__str__` of every model gives pseudonymous
references only, because it becomes the audit log's object description; identifying values
are masked in the audit log's change records (see `audit.services.redact`).

Forums, CARA, disruption actions, victim-reported outcomes and his assessment and risk management
plan are sub-packages of the app (`cases/forums/`, `cases/cara/`, `cases/disruption/`,
`cases/outcomes/`, `cases/assessment/`); their models are imported
here so that Django registers them under the app label "cases", as before the move.
"""

from .cases import (
    Assignment, Case, CaseMember, CaseStatus, MemberRole, SafetyFlag, Side, StatusChange, WorkerRole,
)
from .people import IdentifyingDetails, Person
from .protection import Erasure, ErasureReason
from .referrals import (
    CautionType, EligibilityRule, Referral, ReferralSource, ReferralStatus, RuleKind, LawfulBasis, OFFENCES,
)
from .risk import Answer, DashDraft, Grade, RiskAssessment
from .work import Attendance, Contact, ContactKind, Goal, GoalStatus, Need, NeedKind, NeedStatus, SafetyPlan

# After the models above: the sub-packages' models point at Case and CaseMember.
from ..cara.models import BookingStatus, Breach, PoliceNotification, Workshop, WorkshopBooking, WorkshopPart
from ..forums.models import ActionStatus, ForumAction, ForumListing, ForumType
from ..disruption.models import DisruptionAction, DisruptionKind
from ..outcomes.models import Questionnaire, QuestionnaireItem, Stage, VictimOutcome
from ..assessment.models import (
    AssessmentKind, AssessmentTool, PerpetratorAssessment, PlanReview, RiskPlan, ToolItem,
)

__all__ = [
    "Answer", "ActionStatus", "AssessmentKind", "AssessmentTool", "PerpetratorAssessment", "PlanReview", "RiskPlan",
    "ToolItem", "BookingStatus", "Assignment", "Attendance", "Breach", "Case", "CaseMember", "CaseStatus",
    "CautionType", "DashDraft", "DisruptionAction", "DisruptionKind",
    "Contact", "ContactKind", "Erasure", "ErasureReason", "EligibilityRule", "ForumAction", "ForumListing", "ForumType", "Goal",
    "GoalStatus", "Grade", "IdentifyingDetails", "LawfulBasis", "MemberRole", "Need", "NeedKind", "NeedStatus",
    "OFFENCES", "Person", "PoliceNotification",
    "Questionnaire", "QuestionnaireItem", "Referral", "ReferralSource", "ReferralStatus", "RiskAssessment",
    "RuleKind", "SafetyFlag", "SafetyPlan", "Side", "Stage", "StatusChange",
    "VictimOutcome", "WorkerRole", "Workshop", "WorkshopBooking",
    "WorkshopPart",
]
