"""The Home Office quarterly return for one programme, as rows for a CSV.

Quarters are financial-year quarters: "2023Q3" is the third quarter of 2023/24, 1 October to
31 December 2023 (Q1 is April to June). People counts pass disclosure control; money is
shared into the quarter by days (per-annum amounts by the days of their financial year).
"""

import io
from datetime import date
from decimal import Decimal

from dapi.lib import csvfile
from dapi.accounts.models import OrganisationKind
from dapi.funding.models import Basis, ReturnStatus, SpendReturn
from dapi.lib.money import pence

from .disclosure import Cell
from .evidence import programme_evidence
from .periods import Quarter, share_in
from .victim_outcomes import CHANGES

def _sum(values) -> Decimal | None:
    values = list(values)
    if any(v is None for v in values):
        return None
    return pence(sum(values, Decimal("0")))


def home_office_rows(programme, quarter: Quarter, as_of: date) -> list[dict]:
    ev = programme_evidence(programme, quarter, as_of, published=True)
    rows = [
        {"section": "return", "measure": "programme", "value": programme.name, "note": ""},
        {"section": "return", "measure": "quarter", "value": str(quarter), "note": ""},
        {"section": "return", "measure": "period_start", "value": quarter.start.isoformat(), "note": ""},
        {"section": "return", "measure": "period_end", "value": quarter.end.isoformat(), "note": ""},
    ]

    def add(section, measure, value, note=""):
        rows.append({"section": section, "measure": measure,
                     "value": value.text if isinstance(value, Cell) else value, "note": note})

    for row in ev.referrals:
        add("funnel", f"referrals {row.label.lower()}", row.cell, ev.notes[row.note - 1])
    add("funnel", "referrals received", ev.referrals_total)
    add("funnel", "screened eligible", ev.eligible.cell, ev.notes[ev.eligible.note - 1])
    for row in ev.cases:
        add("funnel", f"cases {row.label.lower()}", row.cell, ev.notes[row.note - 1])
    add("funnel", "cases open in the quarter", ev.cases_total)
    for row in ev.exits:
        add("exits", f"ended: {row.label.lower()}", row.cell, ev.notes[row.note - 1])
    add("exits", "cases ended in the quarter", ev.exits_total)
    for label, value, note in ev.engagement:
        add("engagement", label.lower(), value, ev.notes[note - 1])
    for row in ev.victims:
        add("victims", row.label.lower(), row.cell, ev.notes[row.note - 1])
    for label, value, note in ev.outcomes:
        add("outcomes", label.lower(), value, ev.notes[note - 1])
    add("outcomes", "police incidents before and after entry", "not reported", ev.police_outcomes)
    note = ev.notes[ev.victim_outcomes.note - 1]
    for row in ev.victim_outcomes.rows:
        add("victim outcomes", f"{row.label.lower()}: matched pairs", row.pairs, note)
        for (_, label), (cell, share) in zip(CHANGES, row.changes):
            add("victim outcomes", f"{row.label.lower()}: {label.lower()}", cell, note)
            add("victim outcomes", f"{row.label.lower()}: {label.lower()} (share of pairs)", share, note)
    note = ev.notes[ev.equality_note - 1]
    for kind, tables in ev.equality.items():
        for table in tables:
            for label, cells in [*table.rows, ("total", table.totals)]:
                for measure, cell in zip(table.measures, cells):
                    add("equality", f"{kind} by {table.label.lower()}: {label.lower()}: {measure.lower()}", cell, note)

    grants = [a for a in ev.ledger.awards if a.funder.kind == OrganisationKind.GOVERNMENT]
    grant = _sum(share_in(a.amount, False, a.start, a.end, quarter) for a in grants)
    match = _sum(share_in(m.amount, m.basis == Basis.PER_ANNUM, m.start, m.end, quarter)
                 for m in ev.ledger.match_contributions)
    returns = SpendReturn.objects.filter(agreement__programme=programme, financial_year=quarter.year.start_year,
                                         quarter=quarter.number, status=ReturnStatus.ACCEPTED)
    spend = _sum(r.amount for r in returns) if returns.exists() else None
    add("money", "grant for the quarter (GBP)", "not stated" if grant is None else f"{grant:.2f}",
        "Government awards to the programme, shared into the quarter by days.")
    add("money", "match funding for the quarter (GBP)", "not stated" if match is None else f"{match:.2f}",
        "Match contributions, shared into the quarter by days (per-annum amounts by days of the year).")
    add("money", "spend reported for the quarter (GBP)", "not recorded" if spend is None else f"{spend:.2f}",
        f"Sum of {returns.count()} providers' spend returns for {quarter} accepted by the commissioner.")
    if spend is not None and grant:
        add("money", "spend against grant", f"{(spend * 100 / grant).quantize(Decimal('0.1'))}%", "Spend / grant.")
    engaged = next((v for label, v, _ in ev.engagement if label.startswith("Engaged")), "")
    cost_base = spend if spend is not None else None
    if cost_base is not None and engaged.replace(",", "").isdigit() and int(engaged.replace(",", "")) > 0:
        per = pence(cost_base / int(engaged.replace(",", "")))
        add("money", "cost per participant (GBP)", f"{per:.2f}", "Spend reported / engaged participants.")
    else:
        add("money", "cost per participant (GBP)", "not shown",
            "Needs reported spend and an engaged count that is published (5 or more).")
    return rows


def home_office_csv(programme, quarter: Quarter, as_of: date) -> str:
    out = io.StringIO()
    writer = csvfile.DictWriter(out, fieldnames=["section", "measure", "value", "note"])
    writer.writeheader()
    writer.writerows(home_office_rows(programme, quarter, as_of))
    return out.getvalue()
