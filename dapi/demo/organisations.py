"""The demonstration's organisations, areas and users: every body the five seed documents name,
and one synthetic, labelled user per role. Loading twice changes nothing.

Dates a record gives only as a month are entered as the first of that month and said so;
amounts and dates a record does not give are left empty ("not stated"), never invented.
"""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice

from dapi.accounts.models import Area, AreaKind, Membership, Organisation, OrganisationKind, Role, User
from dapi.accounts.two_factor import second_factor_required
from dapi.funding.models import (
    FundingRound, FundingStream, Programme, ProgrammeElement,
)

D = Decimal
K = OrganisationKind

CLEVELAND = "Cleveland complex needs perpetrator programme (Team around the Couple)"
JENKINS = "Jenkins Centre domestic abuse perpetrator programme (Leicester, Leicestershire and Rutland)"
GM_CSP = "Greater Manchester CSP domestic abuse perpetrator interventions"
GM_CARA = "Greater Manchester Project CARA"
HANTS_PERP = "Hampshire domestic abuse perpetrator service (Hampshire and Southampton)"
HANTS_VICTIM = "Hampshire domestic abuse support service for victims"

GM_CSPS = [  # (name, local authority register code, ONS code, 2023/24 allocation)
    ("Manchester", "MAN", "E08000003", D("60290")),
    ("Bolton", "BOL", "E08000001", D("33645")),
    ("Stockport", "SKP", "E08000007", D("33645")),
    ("Wigan", "WGN", "E08000010", D("33645")),
    ("Bury", "BUR", "E08000002", D("33645")),
    ("Salford", "SLF", "E08000006", D("33645")),
    ("Rochdale", "RCH", "E08000005", D("33645")),
    ("Trafford", "TRF", "E08000009", D("33645")),
    ("Oldham", "OLD", "E08000004", D("33645")),
]
CLEVELAND_LAS = [  # (council name, area name, LA register code, ONS code)
    ("Hartlepool Borough Council", "Hartlepool", "HPL", "E06000001"),
    ("Middlesbrough Council", "Middlesbrough", "MDB", "E06000002"),
    ("Redcar and Cleveland Borough Council", "Redcar and Cleveland", "RCC", "E06000003"),
    ("Stockton-on-Tees Borough Council", "Stockton-on-Tees", "STT", "E06000004"),
]

DEMO_USERS = [  # (username, role, organisations)
    ("commissioner", Role.COMMISSIONER, "commissioning"),
    ("finance-officer", Role.FINANCE_OFFICER, "commissioning"),
    ("provider-manager", Role.PROVIDER_MANAGER, ["Harbour Support Services"]),
    ("perpetrator-worker", Role.PERPETRATOR_WORKER, ["Harbour Support Services"]),
    ("partner-support-worker", Role.PARTNER_SUPPORT_WORKER, ["My Sister's Place"]),
    ("police-analyst", Role.POLICE_ANALYST, ["Cleveland Police"]),
    ("panel-member", Role.PANEL_MEMBER, ["Leicester, Leicestershire and Rutland Police and Crime Panel"]),
    ("evaluator", Role.EVALUATOR, ["Barefoot Social Research"]),
    ("administrator", Role.ADMINISTRATOR, ["Office of the Police and Crime Commissioner for Cleveland"]),
    # The provider's own administrator: its staff's users, and who read its cases and his records.
    ("provider-administrator", Role.ADMINISTRATOR, ["Harbour Support Services"]),
]
COMMISSIONING_BODIES = [
    "Office of the Police and Crime Commissioner for Cleveland",
    "Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland",
    "Greater Manchester Combined Authority",
    "Office of the Police and Crime Commissioner for Hampshire",
]


class Loader:
    def __init__(self, by: User | None):
        self.by = by
        self.orgs: dict[str, Organisation] = {}
        self.areas: dict[str, Area] = {}

    def org(self, name, kind, org_id="") -> Organisation:
        org, _ = Organisation.objects.get_or_create(name=name, defaults={"kind": kind, "org_id": org_id})
        self.orgs[name] = org
        return org

    def area(self, name, kind, parent=None, code="", organisation=None) -> Area:
        area, _ = Area.objects.get_or_create(
            name=name, kind=kind, defaults={"parent": parent, "code": code, "organisation": organisation})
        self.areas[name] = area
        return area

    def programme(self, name, slug, lead, areas, description, eligibility, elements) -> Programme:
        programme = Programme.objects.create(
            name=name, slug=slug, lead_commissioner=lead, description=description, eligibility=eligibility)
        programme.areas.set(areas)
        for element, provider in elements:
            ProgrammeElement.objects.create(programme=programme, name=element, provider=provider)
        return programme

    # -- organisations and areas --------------------------------------------------------------

    def organisations(self):
        # Identifiers only where a public register gives them (docs/data-dictionary.md cites each source):
        # GB-GOR from the Government Organisation Register, GB-LAE from the local authorities register.
        # No register consulted gave the OPCCs', forces', panels', CSPs' or providers' numbers: left blank.
        self.org("Home Office", K.GOVERNMENT, "GB-GOR-D16")
        self.org("Ministry of Justice", K.GOVERNMENT, "GB-GOR-D18")
        for name in COMMISSIONING_BODIES:
            combined = "Combined" in name
            self.org(name, K.COMBINED_AUTHORITY if combined else K.OPCC, "GB-LAE-GMCA" if combined else "")
        self.org("Cleveland Police", K.POLICE_FORCE)
        self.org("Greater Manchester Police", K.POLICE_FORCE)
        self.org("Harbour Support Services", K.PROVIDER)
        self.org("My Sister's Place", K.PROVIDER)
        self.org("Barefoot Social Research", K.EVALUATOR)
        self.org("Jenkins Centre", K.PROVIDER)
        self.org("The Hampton Trust", K.PROVIDER)
        self.org("Leicester, Leicestershire and Rutland Police and Crime Panel", K.PANEL)
        self.org("Cleveland Domestic Abuse Perpetrator Programme Project Board", K.PANEL)
        self.org("Hampshire County Council", K.LOCAL_AUTHORITY, "GB-LAE-HAM")
        self.org("Southampton City Council", K.LOCAL_AUTHORITY, "GB-LAE-STH")
        for council, _, code, _ in CLEVELAND_LAS:
            self.org(council, K.LOCAL_AUTHORITY, f"GB-LAE-{code}")
        for name, code, _, _ in GM_CSPS:
            self.org(f"{name} Community Safety Partnership", K.CSP)
            self.org(f"{'Manchester City' if name == 'Manchester' else name} Council", K.LOCAL_AUTHORITY, f"GB-LAE-{code}")

        cleveland = self.area("Cleveland", AreaKind.POLICE_FORCE_AREA, organisation=self.orgs["Cleveland Police"])
        for council, name, _, ons in CLEVELAND_LAS:
            self.area(name, AreaKind.LOCAL_AUTHORITY, cleveland, ons, self.orgs[council])
        gm = self.area("Greater Manchester", AreaKind.POLICE_FORCE_AREA, organisation=self.orgs["Greater Manchester Police"])
        for name, _, ons, _ in GM_CSPS:
            self.area(f"{name} CSP", AreaKind.CSP, gm, ons, self.orgs[f"{name} Community Safety Partnership"])
        hants = self.area("Hampshire and Isle of Wight", AreaKind.POLICE_FORCE_AREA)
        self.area("Hampshire", AreaKind.LOCAL_AUTHORITY, hants, "E10000014", self.orgs["Hampshire County Council"])
        self.area("Southampton", AreaKind.LOCAL_AUTHORITY, hants, "E06000045", self.orgs["Southampton City Council"])
        leics = self.area("Leicestershire", AreaKind.POLICE_FORCE_AREA)
        self.area("Leicester", AreaKind.LOCAL_AUTHORITY, leics, "E06000016")

    def home_office_fund(self):
        stream, _ = FundingStream.objects.get_or_create(
            name="Domestic Abuse Perpetrator Intervention Fund",
            defaults={"funder": self.orgs["Home Office"],
                      "description": "Home Office fund for perpetrator interventions, offered to PCCs in bidding rounds."})
        for name, start, end, size in [
            ("2020/21 Domestic Abuse Perpetrator Programme Fund", date(2020, 4, 1), date(2021, 3, 31), "over £7m"),
            ("2021/22 fund", date(2021, 4, 1), date(2022, 3, 31), "£11m"),
        ]:
            FundingRound.objects.get_or_create(stream=stream, name=name, defaults={
                "period_start": start, "period_end": end, "fund_size_text": size})
        round_2023, _ = FundingRound.objects.get_or_create(stream=stream, name="2023-25 round (released January 2023)", defaults={
            "period_start": date(2023, 4, 1), "period_end": date(2025, 3, 31), "expected_decision_on": date(2023, 3, 17)})
        return stream, round_2023

    # -- the seeds ----------------------------------------------------------------------------

    def users(self):
        password = settings.DEMO_PASSWORD
        for username, role, orgs in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username, defaults={
                "first_name": "Demo", "last_name": f"{role.label} (synthetic)", "is_demo": True,
                # A reserved domain: the digests (`dapi remind`) go to files under DAPI_DATA_DIR/mail.
                "email": f"{username}@demo.invalid"})
            if created:
                user.set_password(password)
                user.save(update_fields=["password"])
            names = COMMISSIONING_BODIES if orgs == "commissioning" else orgs
            for name in names:
                Membership.objects.get_or_create(user=user, organisation=self.orgs[name], role=role)
            if second_factor_required(user) and not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                # A demonstration has no phones: `dapi totp_code USERNAME` shows the code (demo users only).
                TOTPDevice.objects.create(user=user, name="Demo authenticator", confirmed=True)
