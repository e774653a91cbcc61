"""`dapi ingest PATH [PATH ...]`: read published decision records into drafts.

One file prints what it proposes (`--format text|json`); nothing is saved. Several files, or a
directory of them, are read one after another behind a progress bar, each file's result on a line
(a file that cannot be read is refused with its reason without stopping the others). With `--for`
and `--by` they are queued as a batch of drafts to review on the web (Decisions > Import published
records), each checked against the body's decisions and the drafts before it for likely duplicates.
"""

import argparse
import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.http import Http404

from dapi.decisions.ingest.duplicates import normalised_reference
from dapi.decisions.ingest.extract import IngestError, extract_bytes, extract_path
from dapi.decisions.ingest.extract.confidence import HIGH, money_confidence
from dapi.decisions.ingest.services import refusal, zip_limits
from dapi.lib.money import format_gbp

TYPES = {"decision_record": "Decision record", "decision_details": "Decision details (ModernGov)",
         "request_for_decision": "Request for decision", "panel_minutes": "Panel or board minutes"}


def _day(value) -> str:
    return f"{value.day} {value:%b %Y}" if value else "not stated"


def _files(paths: list[str]) -> list[Path]:
    """The files named, a directory standing for the files directly in it (hidden ones aside)."""
    found = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{name}: no such file or directory")
    return found


def _progress(total: int):
    """A progress bar on stderr, drawn only on a terminal (rich is imported only then)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=Console(stderr=True), transient=True, disable=not sys.stderr.isatty())


class Command(BaseCommand):
    help = ("Read decision records into drafts, one file or a directory. One file's draft is printed; several are "
            "read behind a progress bar, a line each, and with --for and --by queued for review on the web. .txt, "
            ".pdf with a text layer, .docx.")
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH",
                            help="Decision records (.txt, .pdf with a text layer, .docx), or directories of them.")
        parser.add_argument("--format", choices=["text", "json"], default="text",
                            help="A readable summary (default), or JSON: for one file one object with reference, "
                                 "title, decision_maker, decision_date, publication_date, period, money, organisations, "
                                 "actions, warnings; for several a list with each file's name, state and draft.")
        parser.add_argument("--json", action="store_const", const="json", dest="format", help=argparse.SUPPRESS)
        parser.add_argument("--for", dest="organisation", metavar="ORGANISATION",
                            help="Queue the drafts for review on the web, imported for this body (its exact name). "
                                 "Needs --by.")
        parser.add_argument("--by", metavar="USERNAME",
                            help="With --for: the commissioner or finance officer of that body the batch is "
                                 "recorded as uploaded by.")
        parser.add_argument("--max-files", type=int, metavar="N",
                            help="Read at most N documents at once (default: DAPI_INGEST_MAX_FILES, 20); more is "
                                 "refused before anything is read.")

    def handle(self, *args, paths, format: str, organisation, by, max_files, **options):
        if bool(organisation) != bool(by):
            raise CommandError("--for and --by go together: the body the drafts are for and who uploads them.")
        files = _files(paths)
        if len(files) == 1 and len(paths) == 1 and not Path(paths[0]).is_dir() and not organisation:
            return self.one(files[0], format)
        limit = max_files or settings.DAPI_INGEST_MAX_FILES
        if organisation:
            return self.queue(files, format, organisation, by, limit)
        return self.several(files, format, limit)

    def one(self, file: Path, format: str) -> None:
        try:
            draft = extract_path(file, zip_limits())
        except IngestError as e:
            message = str(e)
            raise CommandError(message if message.startswith(file.name) else f"{file.name}: {message}") from None
        self.stdout.write(_dumps(draft.to_json()) if format == "json" else self.summary(draft))

    def several(self, files: list[Path], format: str, limit: int) -> None:
        """Read each file and print a line for it; nothing is saved. Exit 1 if any was refused."""
        opened = [File(path.open("rb"), name=path.name) for path in files]
        try:
            reasons = [refusal(f) for f in opened]
            readable = [(f, path) for f, path, reason in zip(opened, files, reasons, strict=True) if not reason]
            if len(readable) > limit:
                raise CommandError(f"{len(readable)} documents to read; at most {limit} at once (--max-files).")
            results, references = {}, {}
            with _progress(len(readable)) as progress:
                task = progress.add_task("Reading", total=len(readable))
                for f, path in readable:
                    progress.update(task, description=f"Reading {path.name}")
                    f.seek(0)
                    try:
                        results[path] = extract_bytes(f.read(), path.name, zip_limits())
                    except IngestError as e:
                        results[path] = str(e)
                    progress.advance(task)
        finally:
            for f in opened:
                f.close()
        rows, problems = [], [reason for reason in reasons if reason]
        for number, path in enumerate(files, 1):
            draft = results.get(path)
            if draft is None or isinstance(draft, str):
                reason = draft or reasons[number - 1]
                problems += [reason] if draft else []
                rows.append({"file": path.name, "state": "refused" if draft is None else "failed", "reason": reason})
                continue
            key = normalised_reference(draft.reference.value)
            same = references.setdefault(key, path.name) if key else path.name
            row = {"file": path.name, "state": "extracted", "draft": draft.to_json(),
                   "likely_duplicate_of": same if same != path.name else None}
            rows.append(row)
            row["line"] = _line(sum("line" in r for r in rows) + 1, path.name, draft, row["likely_duplicate_of"])
        if format == "json":
            self.stdout.write(_dumps([{k: v for k, v in r.items() if k != "line"} for r in rows]))
        else:
            self.stdout.write("\n".join(r["line"] for r in rows if "line" in r) or "No document could be read.")
        self.finish(len(files), sum(r["state"] == "extracted" for r in rows), problems, saved=False)

    def queue(self, files: list[Path], format: str, organisation_name: str, username: str, limit: int) -> None:
        """Queue the files as a batch of drafts for `organisation_name`, uploaded by `username`."""
        from dapi.accounts.models import Organisation, User
        from dapi.decisions.ingest.queue import batch_queue
        from dapi.decisions.ingest.services import ingest_batch_create, ingested_document_read

        organisation = Organisation.objects.filter(name=organisation_name).first()
        user = User.objects.filter(username=username, is_active=True).first()
        if organisation is None or user is None:
            raise CommandError(f"No organisation called {organisation_name!r}." if organisation is None
                               else f"No active user called {username!r}.")
        opened = [File(path.open("rb"), name=path.name) for path in files]
        try:
            batch = ingest_batch_create(organisation=organisation, uploads=opened, by=user, queue=False,
                                        max_files=limit)
        except Http404:
            raise CommandError(f"{username} may not import decision documents for {organisation}.") from None
        except ValidationError as e:
            raise CommandError("\n".join(e.messages)) from None
        finally:
            for f in opened:
                f.close()
        documents = list(batch.documents.order_by("pk"))
        with _progress(len(documents)) as progress:
            task = progress.add_task("Reading", total=len(documents))
            for document in documents:
                progress.update(task, description=f"Reading {document.original_name}")
                ingested_document_read(document=document, by=user)
                progress.advance(task)
        queue = batch_queue(batch)
        rows = [{"file": r.document.original_name, "id": r.document.pk, "state": r.document.status,
                 "reason": r.document.failure or None, "reference": r.document.draft.get("reference", {}).get("value"),
                 "likely_duplicate_of": [d.label for d in r.duplicates]} for r in queue.rows]
        problems = [r["reason"] for r in batch.refused] + [r["reason"] for r in rows if r["reason"]]
        if format == "json":
            self.stdout.write(_dumps({"batch": batch.pk, "documents": rows, "refused": batch.refused}))
        else:
            lines = [f"Batch {batch.pk} for {organisation}: review at /decisions/import/batches/{batch.pk}/"]
            for r in rows:
                if r["state"] == "failed":
                    continue
                duplicate = f"  LIKELY DUPLICATE of {'; '.join(r['likely_duplicate_of'])}" if r["likely_duplicate_of"] else ""
                lines.append(f"  {r['id']:>5}  {r['file']:<40} {r['state']:<10} {r['reference'] or '-'}{duplicate}")
            self.stdout.write("\n".join(lines))
        self.finish(len(files), queue.count_drafts, problems)

    def finish(self, total: int, read: int, problems: list[str], saved: bool = True) -> None:
        for problem in problems:
            self.stderr.write(problem)
        done = "queued as drafts for review" if saved else "read (nothing saved)"
        self.stderr.write(f"{read} of {total} files {done}.", style_func=lambda text: text)
        if problems:
            raise CommandError(f"{len(problems)} file{'s' if len(problems) != 1 else ''} could not be read (above).")

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


def _line(number: int, name: str, draft, duplicate: str | None) -> str:
    checks = sum(money_confidence(draft, m).level != HIGH for m in draft.money)
    money = f"{len(draft.money)} money line{'s' if len(draft.money) != 1 else ''} ({checks} to check)"
    line = (f"{number:>3}. {name:<40} ref {draft.reference.value or '-':<22} decided {_day(draft.decision_date.value):<12} "
            f"{money}")
    return line + (f"  LIKELY DUPLICATE of {duplicate} (same reference)" if duplicate else "")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
