"""Pages of registers in and out: upload a register, map its columns, preview what would be created,
confirm; and download the register. Who may comes from access.py; the upload waits under
DAPI_DATA_DIR (the default storage) with its name and mapping in the session until it is imported or
replaced; nothing is created before the confirm."""

import uuid
from datetime import date, datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from dapi.lib.views import posted

from . import access
from .columns import suggest_mapping, text
from .files import RegisterFileError, format_of, read_register
from .forms import RegisterMappingForm, RegisterUploadForm
from .selectors import register_export
from . import services
from .services import RegisterRefused, check_mapping, register_plan

SESSION = "register_upload"
CONTENT_TYPES = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def _stored(request):
    """The waiting upload (its sheet, session entry), or None when there is none or it is gone."""
    entry = request.session.get(SESSION)
    if not entry or not default_storage.exists(entry["path"]):
        return None, None
    with default_storage.open(entry["path"], "rb") as f:
        return read_register(entry["name"], f.read()), entry


def _forget(request) -> None:
    entry = request.session.pop(SESSION, None)
    if entry and default_storage.exists(entry["path"]):
        default_storage.delete(entry["path"])


@login_required
def register_import(request):
    access.register_importer(request.user)
    form = RegisterUploadForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            kind = format_of(upload.name)
            data = upload.read(settings.DAPI_REGISTER_MAX_BYTES + 1)  # bounded: past it, refused
            sheet = read_register(upload.name, data)
        except RegisterFileError as e:
            form.add_error("file", str(e))
        else:
            _forget(request)
            path = default_storage.save(f"registers/{uuid.uuid4().hex}.{kind}", ContentFile(data))
            request.session[SESSION] = {"path": path, "name": upload.name,
                                        "mapping": suggest_mapping(sheet.headers), "mapped": False}
            return redirect("funding:register_map")
    return render(request, "funding/registers/upload.html", {"form": form})


@login_required
def register_map(request):
    access.register_importer(request.user)
    sheet, entry = _stored(request)
    if sheet is None:
        messages.info(request, "Upload a register first.")
        return redirect("funding:register_import")
    form = RegisterMappingForm(posted(request), headers=sheet.headers, initial=entry["mapping"])
    if request.method == "POST" and form.is_valid():
        try:
            entry["mapping"] = check_mapping(sheet, form.mapping())
            entry["mapped"] = True
        except ValidationError as e:
            form.add_service_errors(e)
        else:
            request.session[SESSION] = entry
            return redirect("funding:register_preview")
    return render(request, "funding/registers/map.html", {"form": form, "sheet": sheet, "entry": entry,
                                                           "examples": [(n, [_shown(c) for c in cells])
                                                                        for n, cells in sheet.rows[:3]]})


def _shown(cell) -> str:
    """A cell of the file as the mapping page shows it: dates as "1 Apr 2024", the rest as text."""
    if isinstance(cell, (datetime, date)):
        return f"{cell:%-d %b %Y}"
    return text(cell)


@login_required
@require_GET
def register_preview(request):
    access.register_importer(request.user)
    sheet, entry = _stored(request)
    if sheet is None:
        messages.info(request, "Upload a register first.")
        return redirect("funding:register_import")
    if not entry.get("mapped"):
        return redirect("funding:register_map")  # the person confirms the columns before any preview
    try:
        plan = register_plan(sheet=sheet, mapping=entry["mapping"], by=request.user)
    except ValidationError:
        return redirect("funding:register_map")
    return render(request, "funding/registers/preview.html", {"plan": plan, "entry": entry, "rows": len(sheet.rows)})


@login_required
@require_POST
def register_confirm(request):
    access.register_importer(request.user)
    sheet, entry = _stored(request)
    if sheet is None:
        messages.info(request, "Upload a register first.")
        return redirect("funding:register_import")
    if not entry.get("mapped"):
        return redirect("funding:register_map")
    try:
        created = services.register_import(sheet=sheet, mapping=entry["mapping"], by=request.user)
    except RegisterRefused:
        return redirect("funding:register_preview")
    _forget(request)
    messages.success(request, f"{len(created)} agreement{'s' if len(created) != 1 else ''} created from "
                              f"{entry['name']}.")
    return redirect("funding:register_import")


@login_required
@require_GET
def register_download(request):
    access.register_exporter(request.user)
    kind = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    response = HttpResponse(register_export(request.user, kind), content_type=CONTENT_TYPES[kind])
    response["Content-Disposition"] = f'attachment; filename="register.{kind}"'
    return response
