"""`dapi ingest FILE [--format text|json]`: read a published decision record and print what it proposes.

Nothing is saved: the web import (Decisions > Import a published record) is where a draft is
reviewed and confirmed.
"""

import argparse
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from dapi.decisions.ingest.extract import IngestError, extract_path
from dapi.decisions.ingest.services import zip_limits
from dapi.lib.money import format_gbp

TYPES = {"decision_record": "Decision record", "decision_details": "Decision details (ModernGov)",
         "request_for_decision": "Request for decision", "panel_minutes": "Panel or board minutes"}


def _day(value) -> str:
    return f"{value.day} {value:%b %Y}" if value else "not stated"


class Command(BaseCommand):
    help = "Read a decision record into a draft and print it. A .txt, .pdf with a text layer or .docx; nothing is saved."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="The decision record: .txt, .pdf with a text layer, or .docx.")
        parser.add_argument("--format", choices=["text", "json"], default="text",
                            help="A readable summary (default), or one JSON object: reference, title, "
                                 "decision_maker, decision_date, publication_date, period, money, organisations, "
                                 "actions, warnings.")
        parser.add_argument("--json", action="store_const", const="json", dest="format", help=argparse.SUPPRESS)

    def handle(self, *args, file, format: str, **options):
        try:
            draft = extract_path(file, zip_limits())
        except IngestError as e:
            message = str(e)
            name = Path(file).name
            raise CommandError(message if message.startswith(name) else f"{name}: {message}") from None
        if format == "json":
            self.stdout.write(_dumps(draft.to_json()))
        else:
            self.stdout.write(self.summary(draft))

    def summary(self, draft) -> str:
        data = draft.to_json()
        lines = [f"{TYPES.get(draft.document_type, draft.document_type)}: {draft.title.value or '(no title found)'}",
                 f"  Reference:        {draft.reference.value or 'not stated'}",
                 f"  Decision maker:   {draft.decision_maker.value or 'not stated'}",
                 f"  Decision date:    {_day(draft.decision_date.value)}",
                 f"  Publication date: {_day(draft.publication_date.value)}"]
        if draft.period.value:
            lines.append(f"  Period:           {_day(draft.period.value[0])} to {_day(draft.period.value[1])}")
        if draft.extension_months.value:
            lines.append(f"  Extension:        up to {draft.extension_months.value} months")
        if draft.break_notice_months.value:
            lines.append(f"  Break clause:     {draft.break_notice_months.value} months' notice")
        lines.append(f"Money ({len(draft.money)} lines):" if draft.money else "Money: none found")
        for i, item in enumerate(draft.money, 1):
            amount = f"{item.qualifier + ' ' if item.qualifier else ''}{format_gbp(item.amount)}"
            amount += " a year" if item.per_annum else ""
            when = (f"{_day(item.start)} to {_day(item.end)}" if item.start and item.end else
                    f"from {_day(item.start)}" if item.start else f"until {_day(item.end)}" if item.end else "")
            lines.append(f"  {i:>2}. {item.role:<12} {amount:<28} {item.counterparty or '-':<40} {when}".rstrip())
        for r in draft.reconciliations:
            parts = " + ".join(format_gbp(draft.money[p].amount) for p in r.parts)
            verdict = "reconciles" if r.reconciles(draft.money) else "DOES NOT reconcile"
            lines.append(f"  Total {format_gbp(r.stated(draft.money))} = {parts} ({r.kind}): {verdict}")
        if data["organisations"]:
            lines.append("Organisations: " + "; ".join(data["organisations"]))
        if draft.actions:
            lines.append("Actions:")
            lines += [f"  - {a.text} (due {_day(a.due)})" for a in draft.actions]
        if draft.warnings:
            lines.append("Warnings:")
            lines += [f"  ! {w}" for w in draft.warnings]
        return "\n".join(lines)


def _dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
