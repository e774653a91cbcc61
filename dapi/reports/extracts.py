"""Pseudonymised evaluator extracts: CSV files and a data dictionary in one zip.

People, cases, referrals and assessments are named only by keyed hashes (HMAC-SHA256 with a
key the system holds per evaluator and programme); dates are coarsened to the month and ages
to five-year bands; no free text and no identifying field is ever included.
"""

import hashlib
import hmac
import io
import zipfile
from datetime import date

from dapi.lib import csvfile
from dapi.cases.models import Case, CaseMember, Contact, Need, Referral, RiskAssessment

from .models import ExtractKey

DICTIONARY = {
    "referrals.csv": [
        ("referral", "Keyed hash of the referral."), ("person", "Keyed hash of the person referred."),
        ("source", "Referral source (police, marac, local_authority, childrens_services, probation, csp, self)."),
        ("received_month", "Month received (YYYY-MM)."), ("age_band", "Age at referral in five-year bands."),
        ("area", "Area he lives in (local authority or CSP name), if recorded."),
        ("dash_score", "Highest DASH score of a linked victim at referral (0-24), if recorded."),
        ("screening", "Screening outcome: eligible, not_eligible or needs_information."),
        ("status", "received, accepted or declined."), ("decided_month", "Month decided (YYYY-MM)."),
    ],
    "cases.csv": [
        ("case", "Keyed hash of the case."), ("person", "Keyed hash of the perpetrator."),
        ("referral", "Keyed hash of the referral it came from, if any."), ("provider", "Provider organisation."),
        ("status", "referred, assessment, active, completed, disengaged or closed."),
        ("referred_month", "Month referred."), ("assessment_month", "Month assessment began."),
        ("entered_month", "Month he entered the programme (active)."), ("ended_month", "Month the case ended."),
    ],
    "people_linked.csv": [
        ("member", "Keyed hash of the linked person's place on the case."), ("case", "Keyed hash of the case."),
        ("person", "Keyed hash of the linked person."), ("role", "victim, child or family."),
        ("offered_support_month", "Month partner support was offered."),
        ("engaged_support_month", "Month partner support was taken up."),
    ],
    "risk_assessments.csv": [
        ("assessment", "Keyed hash of the DASH assessment."), ("member", "Keyed hash of the victim's place on the case."),
        ("assessed_month", "Month assessed."), ("score", "Number of 'yes' answers (0-24)."),
        ("grade", "standard, medium or high, after professional judgement."),
        ("marac_referral", "true when the MARAC referral criteria were met."),
    ],
    "contacts.csv": [
        ("case", "Keyed hash of the case."), ("side", "perpetrator or victim."), ("kind", "Type of session or contact."),
        ("month", "Month of the contact."), ("duration_minutes", "Length, if recorded."),
        ("attendance", "attended, dna (did not attend) or cancelled."),
    ],
    "needs.csv": [
        ("case", "Keyed hash of the case."), ("need", "Kind of need."), ("status", "identified, in_progress, met or declined."),
        ("identified_month", "Month identified."),
    ],
}


def month(d: date | None) -> str:
    return d.strftime("%Y-%m") if d else ""


def age_band(age: int | None) -> str:
    if age is None:
        return ""
    low = age // 5 * 5
    return f"{low}-{low + 4}"


class Pseudonymiser:
    def __init__(self, key: str):
        self._key = bytes.fromhex(key)

    def __call__(self, kind: str, pk) -> str:
        if pk is None:
            return ""
        return hmac.new(self._key, f"{kind}:{pk}".encode(), hashlib.sha256).hexdigest()[:20]


def extract_tables(programme, evaluator) -> dict[str, list[list]]:
    key, _ = ExtractKey.objects.get_or_create(programme=programme, evaluator=evaluator)
    h = Pseudonymiser(key.key)
    referrals = Referral.objects.filter(programme=programme).select_related("area")
    cases = Case.objects.filter(programme=programme).select_related("provider")
    tables = {
        "referrals.csv": [[h("referral", r.pk), h("person", r.person_id), r.source, month(r.received_on),
                           age_band(r.age), r.area.name if r.area_id else "",
                           "" if r.dash_score is None else r.dash_score, (r.screening or {}).get("outcome", ""),
                           r.status, month(r.decided_on)] for r in referrals],
        "cases.csv": [[h("case", c.pk), h("person", c.perpetrator_id), h("referral", c.referral_id), c.provider.name,
                       c.status, month(c.referred_on), month(c.assessment_on), month(c.entered_on),
                       month(c.ended_on)] for c in cases],
        "people_linked.csv": [[h("member", m.pk), h("case", m.case_id), h("person", m.person_id), m.role,
                               month(m.offered_support_on), month(m.engaged_support_on)]
                              for m in CaseMember.objects.filter(case__programme=programme)],
        "risk_assessments.csv": [[h("assessment", a.pk), h("member", a.member_id), month(a.assessed_on), a.score,
                                  a.grade, "true" if a.marac_referral else "false"]
                                 for a in RiskAssessment.objects.filter(case__programme=programme)],
        "contacts.csv": [[h("case", x.case_id), x.side, x.kind, month(x.on),
                          "" if x.duration_minutes is None else x.duration_minutes, x.attendance]
                         for x in Contact.objects.filter(case__programme=programme)],
        "needs.csv": [[h("case", n.case_id), n.kind.code, n.status, month(n.identified_on)]
                      for n in Need.objects.filter(case__programme=programme).select_related("kind")],
    }
    return tables


def extract_zip(programme, evaluator, approval) -> tuple[bytes, int]:
    """The bundle and how many data rows it holds."""
    tables = extract_tables(programme, evaluator)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, rows in tables.items():
            text = io.StringIO()
            writer = csvfile.Writer(text)
            writer.writerow([column for column, _ in DICTIONARY[name]])
            writer.writerows(rows)
            bundle.writestr(name, text.getvalue())
        text = io.StringIO()
        writer = csvfile.Writer(text)
        writer.writerow(["file", "column", "meaning"])
        for name, columns in DICTIONARY.items():
            writer.writerows([name, column, meaning] for column, meaning in columns)
        bundle.writestr("data_dictionary.csv", text.getvalue())
        bundle.writestr("README.txt", (
            f"Pseudonymised extract of {programme.name} for {evaluator.name}.\n"
            f"Approved on {approval.approved_on:%d %B %Y}; expires on {approval.expires_on:%d %B %Y}.\n"
            f"Purpose: {approval.purpose}\n"
            "Identifiers are keyed hashes: the same person keeps the same identifier in your extracts, and only the\n"
            "system holds the key. Dates are months; ages are five-year bands; there is no free text.\n"
            "Counts drawn from this extract and published must follow disclosure control (1-4 shown as <5).\n"))
    return buffer.getvalue(), sum(len(rows) for rows in tables.values())
