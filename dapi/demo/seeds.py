"""The five seed documents entered faithfully (DOMAIN.md section 2). Loading twice changes nothing.

Dates a record gives only as a month are entered as the first of that month and said so;
amounts and dates a record does not give are left empty ("not stated"), never invented.
"""


from datetime import date

from django.db import transaction

from dapi.accounts.models import User
from dapi.audit.services import acting_as
from dapi.decisions import services as decision_services
from dapi.decisions.models import Decision, DecisionStatus, DocumentType, ResolutionStatus, TotalComponent
from dapi.funding import services as funding_services
from dapi.funding.models import (
    AgreementKind, AgreementStatus, Basis, BidStatus, Programme,
)

from .organisations import D, CLEVELAND, JENKINS, GM_CSP, GM_CARA, HANTS_PERP, HANTS_VICTIM, GM_CSPS, CLEVELAND_LAS, Loader


def cleveland(loader):
    o = loader.orgs
    opcc, harbour, msp, barefoot = (o["Office of the Police and Crime Commissioner for Cleveland"],
                                    o["Harbour Support Services"], o["My Sister's Place"], o["Barefoot Social Research"])
    programme = loader.programme(
        CLEVELAND, "cleveland-complex-needs", opcc,
        [loader.areas[name] for _, name, _, _ in CLEVELAND_LAS],
        "A 'Team around the Couple' trauma-informed, holistic, systems-based approach working with perpetrators "
        "and the victims from their families, building on the MATAC process. Coordinated through a multi-agency "
        "Project Board reporting to local authority domestic abuse boards.",
        "Cases that do not meet the MARAC criteria, fall outside the MATAC 'top 20' and include evidence of "
        "additional complex and unmet needs.",
        [("Domestic Abuse Complex Needs Coordinators", harbour), ("Domestic Abuse Complex Needs Coordinators", msp),
         ("Domestic Abuse Navigators", harbour), ("Therapeutic Support", msp), ("Independent evaluation", barefoot),
         ("Interim Perpetrators with Multiple Unmet Needs Coordinator (from 1 Nov 2023)", harbour)],
    )
    ho = o["Home Office"]
    funding_services.award_create(
        by=None, funder=ho, recipient=opcc, programme=programme,
        title="Home Office perpetrator pilot, year one (DRF 2021-7335)", amount=D("200124.66"),
        awarded_on=date(2021, 7, 1), start=date(2021, 7, 1), end=date(2022, 6, 30),
        conditions="Awarded July 2021 (month only stated). Pilot for perpetrators with complex needs.")
    year_two = funding_services.award_create(
        by=None, funder=ho, recipient=opcc, programme=programme,
        title="Home Office perpetrator programme, year two (2022/23 delivery)", amount=D("157423.33"),
        awarded_on=date(2022, 7, 1), start=date(2022, 7, 1), end=date(2023, 10, 31),
        conditions="Awarded July 2022 (month only stated). The Home Office funding for the pilot ends on "
                   "31 October 2023 (interim coordinator decision record).",
        match_required_text="Match funding from the OPCC and local authority partners, negotiated and agreed "
                            "before the application was submitted.")
    match = funding_services.match_contribution_create(
        by=None, programme=programme, award=year_two, partner=opcc,
        partner_description="The OPCC and the four Cleveland local authorities (the split is not stated)",
        amount=D("71711.67"), basis=Basis.TOTAL, start=date(2022, 7, 1), end=date(2023, 10, 31))
    agreements = [
        funding_services.agreement_create(
            by=None, programme=programme, kind=AgreementKind.GRANT, reference="2022-0007",
            title=f"{provider.name} grant, perpetrator programme 2022/23", commissioner=opcc, provider=provider,
            award=year_two, value=value, start=date(2022, 7, 1), end=date(2023, 10, 31), status=AgreementStatus.ENDED,
            conditions="Grant funding across Hartlepool, Middlesbrough, Redcar and Cleveland and Stockton-on-Tees.")
        for provider, value in [(harbour, D("121197.00")), (msp, D("99938.00")), (barefoot, D("8000.00"))]
    ]
    implications = [
        ("Financial", "Funding has been secured from the Home Office via a grant agreement with the OPCC. Funding "
                      "required the OPCC and local authority partners to provide match-funding, which was "
                      "negotiated and agreed prior to the funding application being submitted."),
        ("Legal", "There are no legal implications arising from this report."),
        ("Equality & Diversity", "An Equality Impact Assessment was completed in November 2021."),
        ("Human Rights", "None arising."),
        ("Sustainability", "The OPCC and the local authority DA services will explore alternative funding streams "
                           "throughout delivery. The independent evaluation will inform decisions around "
                           "co-commissioning for extended provision."),
        ("Risk", "None arising."),
    ]
    decision_services.decision_create(
        by=None, reference="2022-0007", title="Home Office Funded Perpetrator Programme (2022/ 2023 Delivery)",
        document_type=DocumentType.DECISION_RECORD, organisation=opcc,
        decision_maker="Police and Crime Commissioner for Cleveland", status=DecisionStatus.APPROVED,
        status_text="The above request HAS my approval.", decision_date=date(2022, 9, 5),
        summary="In July 2022 the OPCC was awarded £157,423.33 to continue delivery of the Perpetrator Programme "
                "into a second year, following an initial investment of £200,124.66 in July 2021. The OPCC and "
                "four local authorities in Cleveland provide an additional £71,711.67 (£229,135.00 overall). "
                "Barefoot Social Research conduct an independent evaluation.",
        decision_text="To approve Harbour Support Services, My Sister's Place, and Barefoot Social Research grant "
                      "funding to continue delivering the perpetrator service across the local authority areas of "
                      "Hartlepool, Middlesbrough, Redcar-and-Cleveland, and Stockton-on-Tees.",
        lead_officer="Chris Guttridge", source_note="Decision Record Form, Police & Crime Commissioner for Cleveland",
        programmes=[programme], awards=[year_two], agreements=agreements, match_contributions=[match],
        implications=[{"topic": t, "considered": True, "notes": n} for t, n in implications],
        approvals=[{"role": "Monitoring Officer", "approved_on": date(2022, 9, 5)},
                   {"role": "Police and Crime Commissioner", "approved_on": date(2022, 9, 5)}],
        stated_totals=[
            {"label": "Overall funding: breakdown by provider", "amount": D("229135.00"), "component": TotalComponent.AGREEMENTS},
            {"label": "Overall funding: Home Office award plus OPCC and local authority investment",
             "amount": D("229135.00"), "component": TotalComponent.SOURCES},
        ],
    )
    decision_services.evaluation_create(
        by=None, programme=programme, evaluator=barefoot,
        title="Independent evaluation of the perpetrator programme (continues into year two)",
        due_on=date(2022, 9, 30), status="in_progress")

    interim = funding_services.agreement_create(
        by=None, programme=programme, kind=AgreementKind.GRANT,
        title="Interim Perpetrators with Multiple Unmet Needs Coordinator (1 full-time, 37 hours)",
        commissioner=opcc, provider=harbour, value=D("27690.00"), start=date(2023, 11, 1), end=date(2024, 7, 31),
        status=AgreementStatus.ENDED,
        conditions="A significantly scaled back offer, not a continuation of the Home Office pilot. Supports MATAC, "
                   "MARAC, MAPPA and TATI; coordinates risk management and victim safety. The Domestic Abuse "
                   "Perpetrator Strategy informs commissioning from August 2024.",
        contributions=[{"partner": opcc, "amount": D("27690.00"), "basis": Basis.TOTAL}])
    decision_services.decision_create(
        by=None, title="Domestic Abuse – Perpetrators with Multiple Unmet Needs Coordinator to 31 July 2024",
        document_type=DocumentType.DECISION_RECORD, organisation=opcc,
        decision_maker="Police and Crime Commissioner for Cleveland (PCC Steve Turner)",
        status=DecisionStatus.APPROVED,
        summary="The Home Office funded pilot (DRF 2021-7335) ran from July 2021 to 31 October 2023. Funding "
                "available to 31 July 2024 is £27,690 for one full-time (37 hours) coordinator at Harbour from "
                "1 November 2023, while the Domestic Abuse Perpetrator Strategy is finalised (published early "
                "2024; it informs commissioning beyond August 2024). Following a briefing with the PCC on "
                "31 October 2023, where the PCC supported the proposal.",
        decision_text="To approve the allocation of £27,690 funding towards the employment of 1 full-time (37 hours) "
                      "Domestic Abuse – Perpetrator's with Multiple Unmet Needs Coordinator from 1 November 2023 "
                      "to 31 July 2024.",
        source_note="Decision record; reference and decision date not stated in the text (briefing 31 Oct 2023).",
        programmes=[programme], agreements=[interim],
        stated_totals=[{"label": "Funding available to 31 July 2024", "amount": D("27690.00"),
                        "component": TotalComponent.AGREEMENTS}],
    )

def jenkins(loader, round_2023):
    o = loader.orgs
    opcc = o["Office of the Police and Crime Commissioner for Leicester, Leicestershire and Rutland"]
    panel = o["Leicester, Leicestershire and Rutland Police and Crime Panel"]
    centre = o["Jenkins Centre"]
    programme = loader.programme(
        JENKINS, "jenkins-centre", opcc, [loader.areas["Leicestershire"], loader.areas["Leicester"]],
        "Domestic Abuse Perpetrator Intervention Programme located at the Jenkins Centre in Leicester, with a "
        "Partner Support Service and wider Victim Service pathways.", "",
        [("Perpetrator intervention programme", centre), ("Partner Support Service", centre)])
    funding_services.agreement_create(
        by=None, programme=programme, kind=AgreementKind.CONTRACT,
        title="Jenkins Centre perpetrator programme contract", commissioner=opcc, provider=centre,
        end=date(2023, 3, 31), status=AgreementStatus.ENDED,
        conditions="Start date and value not stated in the panel minutes. Match funding relied on from the "
                   "Community Safety Partnerships.")
    funding_services.bid_create(by=None, round=round_2023, programme=programme, applicant=opcc,
                                status=BidStatus.PENDING, decision_expected_on=date(2023, 3, 17))
    minutes = decision_services.decision_create(
        by=None, title="Domestic Abuse Perpetrator Intervention Programme update report",
        document_type=DocumentType.PANEL_MINUTES, organisation=panel, decision_maker="Police and Crime Panel",
        status=DecisionStatus.NOTED,
        summary="The panel received an update on the programme at the Jenkins Centre, the options for funding and "
                "its long-term sustainability. Current provision is contracted until 31 March 2023. The OPCC bid "
                "to the Home Office round for 1 April 2023 to 31 March 2025; the outcome is due by 17 March 2023. "
                "Options: 1 Home Office funded; 2 funded locally; 3 the Jenkins Centre closes. The panel found no "
                "data showing the programme's impact and no contingency plan.",
        source_note="Police and Crime Panel minutes (meeting date not in the extract).",
        programmes=[programme])
    meeting = decision_services.meeting_create(
        by=None, body=panel, title="Police and Crime Panel: Domestic Abuse Perpetrator Intervention Programme update",
        record=minutes, programmes=[programme])
    for number, text, owner, due, trigger, status in [
        ("1", "That the contents of the report be noted.", "", None, "", ResolutionStatus.DONE),
        ("2", "That the PCC provide to panel members a short-written statement notifying the outcome of the Home "
              "Office bid and immediate action to be taken thereafter.", "Police and Crime Commissioner",
         date(2023, 3, 17), "Outcome of the Home Office bid (due 17 March 2023)", ResolutionStatus.OPEN),
        ("3", "That a copy of the evaluation of the service be provided to the next panel meeting in June 2023.",
         "Office of the Police and Crime Commissioner", date(2023, 6, 30), "Next panel meeting in June 2023",
         ResolutionStatus.OPEN),
    ]:
        decision_services.resolution_create(by=None, meeting=meeting, number=number, text=text, owner=owner,
                                            due_on=due, trigger=trigger, status=status)
    decision_services.evaluation_create(
        by=None, programme=programme, evaluator=opcc,
        title="OPCC internal evaluation of the Jenkins Centre service (victims supported through the Partner "
              "Support Service and Victim Service pathways)", due_on=date(2023, 3, 15))

def greater_manchester(loader):
    o = loader.orgs
    gmca, ho, gmp, hampton = (o["Greater Manchester Combined Authority"], o["Home Office"],
                              o["Greater Manchester Police"], o["The Hampton Trust"])
    gm = loader.areas["Greater Manchester"]
    csp_programme = loader.programme(
        GM_CSP, "greater-manchester-csp", gmca, [loader.areas[f"{n} CSP"] for n, _, _, _ in GM_CSPS],
        "Part 1 of the Home Office funding: local authorities in Greater Manchester as the partner organisations "
        "delivering adult-focused domestic abuse perpetrator interventions.",
        "", [("Adult-focused domestic abuse perpetrator interventions", None)])
    cara = loader.programme(
        GM_CARA, "greater-manchester-cara", gmca, [gm],
        "Part 2 of the Home Office funding: Project CARA, an early awareness-raising diversionary intervention for "
        "domestic abuse offenders who have received a diversionary caution: two workshops, signposting to "
        "specialist services.",
        "Domestic abuse offenders who have received a diversionary caution.",
        [("Licence holder, mobilisation and monitoring", hampton), ("Delivery commissioned by GMP", gmp)])
    common = {"funder": ho, "recipient": gmca, "awarded_on": date(2023, 4, 1), "start": date(2023, 4, 1),
              "end": date(2024, 3, 31)}
    part1 = funding_services.award_create(
        by=None, programme=csp_programme, title="Home Office perpetrator intervention funding 2023/24, part 1 (CSPs)",
        conditions="Amount of the Home Office grant not stated in the decision; paid under s.169 Criminal Justice "
                   "and Public Order Act 1994. Award date not stated: recorded as the start of 2023/24.", **common)
    part2 = funding_services.award_create(
        by=None, programme=cara, title="Home Office perpetrator intervention funding 2023/24, part 2 (Project CARA)",
        conditions="Amount of the Home Office grant not stated in the decision. Award date not stated: recorded "
                   "as the start of 2023/24.", **common)
    allocations = [
        funding_services.allocation_create(
            by=None, programme=csp_programme, recipient=o[f"{name} Community Safety Partnership"],
            area=loader.areas[f"{name} CSP"], award=part1, financial_year=2023, amount=amount,
            purpose=f"DA perpetrator intervention {'City ' if name == 'Manchester' else ''}{name}",
            conditions="CSP plans aligned to the wider strategic priorities of their organisation and partners.")
        for name, _, _, amount in GM_CSPS
    ]
    allocations.append(funding_services.allocation_create(
        by=None, programme=cara, recipient=gmp, area=gm, award=part2, financial_year=2023, amount=D("90000"),
        purpose="Project CARA: GMP to commission a specialist organisation to deliver CARA"))
    hampton_grant = funding_services.agreement_create(
        by=None, programme=cara, kind=AgreementKind.GRANT, title="The Hampton Trust grant, Project CARA rollout",
        commissioner=gmca, provider=hampton, award=part2, value=D("44800"), start=date(2023, 4, 1),
        end=date(2024, 3, 31), status=AgreementStatus.APPROVED,
        conditions="Licence holder for CARA; ensures mobilisation to a correct standard and monitors delivery. "
                   "Period not stated in the decision: recorded for 2023/24.")
    decision_services.decision_create(
        by=None, title="PCC - Domestic Abuse Perpetrator Interventions", document_type=DocumentType.DECISION_DETAILS,
        organisation=gmca,
        decision_maker="Director for Police, Crime, Criminal Justice and Fire, GM Deputy Mayor, Treasurer GMCA",
        status=DecisionStatus.APPROVED, status_text="Recommendations Approved", is_key_decision=False,
        is_subject_to_call_in=False, decision_date=date(2024, 3, 26), publication_date=date(2024, 5, 9),
        summary="GMCA was successful in a Home Office bid to continue perpetrator-focused domestic abuse "
                "interventions. The Home Office fund totalled over £7m in 2020/21 and £11m in 2021/22. Part 1: "
                "Greater Manchester local authorities deliver adult-focused interventions. Part 2: roll out Project "
                "CARA with the Hampton Trust and GMP.",
        decision_text="The Deputy Mayor agrees to award each Greater Manchester LA the funding listed for 2023/24, "
                      "and to award GMP £90,000 and the Hampton Trust £44,800 to support the development and "
                      "rollout of Project CARA; the funding will be used from the Home Office Fund.",
        source_note="ModernGov decision details, GMCA",
        programmes=[csp_programme, cara], awards=[part1, part2], allocations=allocations, agreements=[hampton_grant],
        stated_totals=[{"label": "2023/24 Total funding amount to be devolved to CSPs", "amount": D("329450"),
                        "component": TotalComponent.ALLOCATIONS, "financial_year": 2023, "programme": csp_programme}],
    )

def hampshire(loader):
    o = loader.orgs
    opcc, hcc, scc = (o["Office of the Police and Crime Commissioner for Hampshire"], o["Hampshire County Council"],
                      o["Southampton City Council"])
    perp = loader.programme(
        HANTS_PERP, "hampshire-perpetrator", hcc, [loader.areas["Hampshire"], loader.areas["Southampton"]],
        "A service focusing on domestic abuse perpetrators, commissioned by Hampshire County Council (lead "
        "commissioner) with the Police and Crime Commissioner and Southampton City Council. Successor to the "
        "Domestic Abuse Prevention Partnership (DAPP).", "", [("Domestic abuse perpetrators service", None)])
    victim = loader.programme(
        HANTS_VICTIM, "hampshire-victim", hcc, [loader.areas["Hampshire"]],
        "Domestic abuse support service for victims in Hampshire (IDVAs, refuge, community outreach, group and "
        "one-to-one support), successor to IDASH.", "", [("Domestic abuse support service for victims", None)])
    term = {"commissioner": hcc, "kind": AgreementKind.CONTRACT, "start": date(2019, 4, 1), "end": date(2024, 3, 31),
            "extension_until": date(2026, 3, 31), "extension_terms": "option to extend for a further 2 years; a new "
            "decision notice would be presented", "break_notice_months": 6, "status": AgreementStatus.ACTIVE}
    perp_contract = funding_services.agreement_create(
        by=None, programme=perp, title="Domestic Abuse Perpetrators Service (Hampshire and Southampton)",
        conditions="Subject to Safer Communities Funding being forthcoming. Any percentage reduction by Hampshire "
                   "County Council or Southampton City Council may also be made by the PCC. Break clause: either "
                   "party may terminate on 6 months' notice without reason. Provider not named in the decision.",
        contributions=[{"partner": opcc, "amount": D("70000"), "basis": Basis.PER_ANNUM, "is_cap": True},
                       {"partner": hcc, "amount": D("100000"), "basis": Basis.PER_ANNUM, "is_cap": True},
                       {"partner": scc, "amount": D("40000"), "basis": Basis.PER_ANNUM, "is_cap": True}],
        **term)
    victim_contract = funding_services.agreement_create(
        by=None, programme=victim, title="Domestic Abuse Support Service for Victims (Hampshire only)",
        conditions="Subject to annual Ministry of Justice funding being forthcoming. Any percentage reduction by "
                   "Hampshire County Council may also be made by the PCC. Break clause: either party may terminate "
                   "on 6 months' notice without reason. Provider not named in the decision.",
        contributions=[{"partner": opcc, "amount": D("294500"), "basis": Basis.PER_ANNUM, "is_cap": True},
                       {"partner": hcc, "amount": D("1483900"), "basis": Basis.PER_ANNUM, "is_cap": True}],
        **term)
    # The co-funding rules the decision states (recommendations 2.1.1, 2.1.2, 2.2.1 and 2.2.2): the PCC
    # may mirror the councils' cuts, and its contributions depend on funding being forthcoming (not yet
    # known: the record gives no date by which it would be).
    decision_ref = "PCCML/000407/2018, recommendation"
    for contract, council, number in [(perp_contract, hcc, "2.2.2"), (perp_contract, scc, "2.2.2"),
                                      (victim_contract, hcc, "2.1.2")]:
        funding_services.mirror_rule_add(by=None, agreement=contract, partner=opcc, follows=council,
                                         source=f"{decision_ref} {number}")
    funding_services.funding_condition_add(by=None, agreement=perp_contract, partner=opcc,
                                           funding="Safer Communities Funding", source=f"{decision_ref} 2.2.1")
    funding_services.funding_condition_add(by=None, agreement=victim_contract, partner=opcc,
                                           funding="Annual Ministry of Justice funding", funder=o["Ministry of Justice"],
                                           source=f"{decision_ref} 2.1.1")
    recs = [
        ("2.1", "The Police and Crime Commissioner contributes up to £294,500 per annum towards a domestic abuse "
                "support service for victims from April 2019 until March 2024 with the option to extend for a "
                "further 2 years. Hampshire County Council are the lead Commissioner for this contract, and this "
                "recommendation is subject to them also contributing up to £1,483,900.00 per annum."),
        ("2.1.1", "This decision notice is subject to annual Ministry of Justice funding being forthcoming. The "
                  "funding can be contained within the forecast budget allocation and meets the priorities of the "
                  "Police & Crime Plan."),
        ("2.1.2", "Any percentage reduction in the amount offered by Hampshire County Council over the life of the "
                  "contract may also be reduced by the Police and Crime Commissioner."),
        ("2.2", "The Police and Crime Commissioner contributes up to £70,000 per annum towards a domestic abuse "
                "perpetrators service from April 2019 until March 2024 with the option to extend for a further two "
                "years, subject to Southampton City Council contributing up to £40,000 per annum for this same time "
                "period and Hampshire County Council, as the lead Commissioner for this contract, contributing up "
                "to £100,000 per annum."),
        ("2.2.1", "The decision notice has financial implications of up to £70,000 per annum. The funding is "
                  "subject to Safer Communities Funding being forthcoming and can be contained within the forecast "
                  "budget allocation and fits within the overall Police & Crime Plan Priorities."),
        ("2.2.2", "Any percentage reduction in the amount offered by Hampshire County Council and Southampton City "
                  "Council over the life of the contract may also be reduced by the Police and Crime Commissioner."),
        ("2.3", "The Police and Crime Commissioner delegates authority to the Head of Strategic Commissioning and "
                "Partnerships to determine the most appropriate contract model, taking into account the "
                "consultation responses from stakeholders. Whichever model is selected, the Commissioner's "
                "contribution will be protected at up to £294,500 pa to support victims of domestic abuse and up "
                "to £70,000 pa towards perpetrators."),
        ("2.3.1", "The Police and Crime Commissioner authorises the Head of Strategic Commissioning and Partnerships "
                  "to agree the terms of, and sign, any consequential agreements and contracts."),
    ]
    implications = [
        ("Financial and resourcing", True, "Subject to annual Ministry of Justice funding, the victims' contribution "
         "of £294,500 is allocated within the Commissioning Budget for the next five years; subject to the Safer "
         "Communities Fund, the perpetrators' allocation of £70,000 is identified within it. Hampshire County "
         "Council provide the procurement."),
        ("Communications and engagement", True, "Publicity to make clear the funding is made available by the "
         "Commissioner; press releases jointly agreed with the local authorities."),
        ("Legal", True, "S.143 Anti-social Behaviour, Crime and Policing Act 2014."),
        ("Risks and mitigation", True, "No direct link to the Risk Register. Break clauses for either party to "
         "terminate on 6 months' notice without reason."),
        ("Strategic Policing Requirement", None, "Not applicable."),
        ("Equalities", True, "Focus groups with members of the BAMER community and with service users."),
    ]
    decision_services.decision_create(
        by=None, reference="PCCML/000407/2018",
        title="Domestic Abuse Support Service for Victims (Hampshire only) and Domestic Abuse Perpetrators Service "
              "(Hampshire and Southampton)",
        document_type=DocumentType.REQUEST_FOR_DECISION, organisation=opcc,
        decision_maker="Police and Crime Commissioner (Michael Lane)", status=DecisionStatus.APPROVED,
        status_text="I hereby approve the recommendation above.", decision_date=date(2018, 5, 23),
        summary="The PCC continues to collaborate with Hampshire County Council to commission a domestic abuse "
                "support service for victims, and with Hampshire County Council and Southampton City Council to "
                "commission a service focusing on domestic abuse perpetrators, from April 2019 to March 2024 with "
                "the option to extend for a further 2 years. Both previous contracts (IDASH and DAPP) end 31 March "
                "2019. Options appraisal: contracts preferred over annual grants.",
        lead_officer="Alan Hagger, Head of Strategic Commissioning and Partnerships (report dated 3 April 2018)",
        source_note="Request for decision PCCML/000407/2018, Police and Crime Commissioner for Hampshire",
        programmes=[perp, victim], agreements=[perp_contract, victim_contract],
        recommendations=[{"number": n, "text": t} for n, t in recs],
        implications=[{"topic": t, "considered": c, "notes": n} for t, c, n in implications],
        approvals=[{"name": "Michael Lane", "role": "Police and Crime Commissioner", "approved_on": date(2018, 5, 23)}],
    )


def load_demo() -> dict:
    """Load the seeds and demo users; returns what was created. Safe to run again."""
    created = []
    with transaction.atomic():
        loader = Loader(by=None)
        loader.organisations()
        loader.users()
        loader.by = User.objects.get(username="administrator")
        with acting_as(loader.by):
            _, round_2023 = loader.home_office_fund()
            for name, step in [(CLEVELAND, lambda: cleveland(loader)), (JENKINS, lambda: jenkins(loader, round_2023)),
                               (GM_CSP, lambda: greater_manchester(loader)), (HANTS_PERP, lambda: hampshire(loader))]:
                if not Programme.objects.filter(name=name).exists():
                    step()
                    created.append(name)
    return {"created": created, "decisions": Decision.objects.count(), "programmes": Programme.objects.count()}
