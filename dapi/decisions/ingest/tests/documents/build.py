"""Build the invented .pdf and .docx test documents in own/ from the sources below.

    .venv/bin/python dapi/decisions/ingest/tests/documents/build.py

The built files are committed so the tests do not depend on WeasyPrint's fonts; run this again
after changing a source. Every organisation, place and figure here is invented; no real person
is named (signatures are "[signed]").
"""

from pathlib import Path

OWN = Path(__file__).resolve().parent / "own"

CSS = "body { font-family: sans-serif; font-size: 10.5pt; } td, th { padding: 2pt 8pt; text-align: left; }"

KESTREL = """
<p>- OFFICIAL -</p>
<h1>REQUEST FOR DECISION – KPCC/0123/2022</h1>
<p>Title of decision: Kestrel Vale Domestic Abuse Perpetrator Service contract 2023 to 2026</p>
<h2>Executive Summary</h2>
<p>1. The current perpetrator service contract with Brightwell Change Partnership ends on 31st March 2023. The
Commissioner, Kestrel Vale County Council and Moorbank City Council have jointly procured a replacement service
through an open tender, and the evaluation panel recommends Harrowgate Behaviour Change Services.</p>
<p>2. Recommendations:</p>
<p>2.1 That the Commissioner awards a three-year contract for the perpetrator service to Harrowgate Behaviour Change
Services from 1 April 2023 to 31 March 2026, with a total contract value of £2.3m.</p>
<p>2.2 That the Commissioner contributes up to £85,000 pa towards the contract, with Kestrel Vale County Council
contributing up to £515,000 pa and Moorbank City Council contributing up to £166,667 pa.</p>
<p>2.3 That the contract includes an option to extend for up to two further years and a break clause of three
months' notice for either party.</p>
<p>3. Financial implications: the Commissioner's contribution is contained within the Community Safety Fund.</p>
<p>Police and Crime Commissioner</p>
<p>I hereby approve the recommendations above.</p>
<p>Signature: [signed]</p>
<p>Date: 12.10.2022</p>
<p>- OFFICIAL -</p>
"""

MARSHFIELD = """
<h1>MARSHFIELD POLICE AND CRIME PANEL</h1>
<p>Minutes of the meeting held on 18 July 2024</p>
<h2>7. Perpetrator programme: funding beyond March 2025</h2>
<p>The Panel considered a report of the Chief Executive of the Office of the Police and Crime Commissioner (OPCC) on
the future of the Turning Point perpetrator programme delivered by Oakhollow Community Interest Company.</p>
<p>The Chief Executive explained that the Home Office grant of £310,000 a year ends on 31 March 2025 and that a bid
to the next funding round had been submitted. The outcome was expected by 30 September 2024.</p>
<p>Members asked what would happen if the bid failed. The Chief Executive said that the Commissioner could fund a
reduced service from reserves at a cost of approximately £150,000 per annum, or the programme would close.</p>
<p>Members expressed concern that no outcome data had been presented and that there was no plan for the men
currently on the programme if it closed.</p>
<p>RESOLVED:</p>
<p>(a) That the report be noted.</p>
<p>(b) That the Commissioner reports the outcome of the Home Office bid to the Panel by 31 October 2024.</p>
<p>(c) That an evaluation of outcomes for the programme, including police-recorded repeat incidents, be presented
to the Panel meeting on 5 December 2024.</p>
"""

FAIRHAVEN = """
<p>OFFICE OF THE POLICE AND CRIME COMMISSIONER FOR FAIRHAVEN</p>
<h1>DECISION RECORD FORM</h1>
<p>Decision Reference: FH/DR/2024/031</p>
<p>Title: Drive intensive case management – year two grants</p>
<p>Summary: The Commissioner is asked to approve year two grants for the Drive partnership, which works with
high-harm perpetrators alongside an independent domestic violence advocate for each victim.</p>
<table>
<tr><th>Organisation</th><th>Role</th><th>Amount</th></tr>
<tr><td>Saltmarsh Advocacy Trust</td><td>Case managers</td><td>£118,400</td></tr>
<tr><td>Northgate Women's Aid</td><td>IDVA</td><td>£52,750</td></tr>
<tr><td>Coastline Research Ltd</td><td>Evaluation</td><td>£9,900</td></tr>
<tr><td>Total</td><td></td><td>£182,050</td></tr>
</table>
<p>Decision:</p>
<p>To approve the grants listed above for the period 1 April 2024 to 31 March 2025.</p>
<p>Police and Crime Commissioner</p>
<p>The above request HAS my approval.</p>
<p>Signed: [signed]</p>
<p>Date: 22 March 2024</p>
"""

WEXCOMBE = [
    ("p", "THE POLICE, FIRE AND CRIME COMMISSIONER FOR WEXCOMBE"),
    ("h", "DECISION RECORD"),
    ("p", "Decision Record No: WX-2023-014"),
    ("p", "Title: Respect in Relationships – perpetrator group work 2023/24"),
    ("h", "Executive summary"),
    ("p", "The Commissioner proposes to fund group work and one-to-one therapy for men who have been abusive in their "
          "relationships, with an independent evaluation, from 1st Aril 2023 to 31st March 2024."),
    ("p", "Funding breakdown:"),
    ("table", [["Provider", "Service", "Amount (£)"],
               ["Tidewater Family Services", "Group work facilitation", "54,000"],
               ["Kingsford Counselling Collective", "One-to-one therapy", "27,500"],
               ["University of Wexcombe", "Evaluation", "14,500"],
               ["Total", "", "96,000"]]),
    ("p", "Decision:"),
    ("p", "To approve grants totalling £96,000 to the three organisations in the table above."),
    ("table", [["Implications", "Yes", "No"], ["Financial", "☒", "☐"], ["Legal", "☒", "☐"],
               ["Equality", "☒", "☐"], ["Environmental", "☐", "☒"]]),
    ("p", "Chief Finance Officer"),
    ("p", "I confirm that the financial implications have been considered."),
    ("p", "Signed: [signed]"),
    ("p", "Date: 2nd February 2023"),
    ("p", "Police, Fire and Crime Commissioner"),
    ("p", "I approve the recommendation above."),
    ("p", "Signed: [signed]"),
    ("p", "Date: 6th Febuary 2023"),
]

RAVENSMOOR = [
    ("h", "Decision details"),
    ("p", "Domestic abuse perpetrator intervention: contribution to the joint commissioning pool"),
    ("p", "Decision Maker: Cabinet Member for Communities"),
    ("p", "Decision status: Approved"),
    ("p", "Is Key decision?: No"),
    ("p", "Is subject to call in?: Yes"),
    ("p", "Purpose:"),
    ("p", "Ravensmoor County Council and the Office of the Police and Crime Commissioner for Ravensmoor pool their "
          "money for perpetrator interventions. Nationally the Home Office has invested over £5m a year in such "
          "interventions since 2021."),
    ("p", "Decision:"),
    ("p", "The Cabinet Member agrees that the Council contributes up to £120,000 pa to the joint commissioning pool "
          "led by the Office of the Police and Crime Commissioner for Ravensmoor, for three years from April 2025."),
    ("p", "Any percentage reduction in the Home Office grant will be matched by the same percentage reduction in "
          "the Council's contribution."),
    ("p", "Publication date: 03/02/2025"),
    ("p", "Date of decision: 28/01/2025"),
]

THORNVALE = [
    ("h", "REQUEST FOR DECISION"),
    ("p", "Reference: TV/PCC/2025/007"),
    ("p", "Title of decision: Commissioning a multi-agency perpetrator hub 2025 to 2028"),
    ("h", "1. Background"),
    ("p", "1.1 Nationally, the Home Office fund is worth more than £3.5m in 2025/26 and has not been opened to new "
          "areas."),
    ("p", "1.2 Thornvale therefore proposes to fund its own hub, with a contribution from the district council."),
    ("h", "2. Recommendations"),
    ("p", "2.1 That the Commissioner approves the award of a contract to Millbrook Hub Partnership for the period "
          "1 July 2025 to 30 June 2028 at a total value of £1,245,000."),
    ("p", "2.2 That the Commissioner notes Thornvale District Council's contribution of £45k per annum over the same "
          "period."),
    ("h", "3. Financial implications"),
    ("p", "3.1 The contract will be funded from the Commissioner's community safety budget (£300,000 per annum) and "
          "the council's contribution."),
    ("p", "Police and Crime Commissioner"),
    ("p", "I hereby approve the recommendations above."),
    ("p", "Signature: [signed]"),
    ("p", "Date: 9 June 2025"),
]


def pdf(name: str, body: str) -> None:
    from weasyprint import HTML

    html = f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"
    (OWN / name).write_bytes(HTML(string=html).write_pdf())


def docx(name: str, blocks) -> None:
    import docx as python_docx

    document = python_docx.Document()
    for kind, content in blocks:
        if kind == "h":
            document.add_heading(content, level=1)
        elif kind == "p":
            document.add_paragraph(content)
        else:
            table = document.add_table(rows=len(content), cols=len(content[0]))
            for row, values in zip(table.rows, content):
                for cell, value in zip(row.cells, values):
                    cell.text = value
    document.core_properties.author = "dapi tests"
    document.save(OWN / name)


if __name__ == "__main__":
    docx("02_record_form_wexcombe.docx", WEXCOMBE)
    pdf("03_request_kestrel.pdf", KESTREL)
    pdf("04_panel_minutes_marshfield.pdf", MARSHFIELD)
    docx("06_moderngov_ravensmoor.docx", RAVENSMOOR)
    pdf("07_record_form_fairhaven.pdf", FAIRHAVEN)
    docx("09_request_thornvale.docx", THORNVALE)
