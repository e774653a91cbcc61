"""What every case page does the same way."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import render

from ..services import ConflictError


def posted(request):
    return request.POST if request.method == "POST" else None


def allowed(ok: bool) -> None:
    # 404 rather than 403: a refusal would tell the user the record exists.
    if not ok:
        raise Http404("Not found")


def saved(form, save):
    """Run `save` when the form is valid; when the service refuses, show why on the form."""
    if not form.is_valid():
        return None
    try:
        return save()
    except ValidationError as e:
        form.add_service_errors(e)
    except ConflictError as e:
        form.add_error(None, str(e))
    return None


def form_page(request, form, *, title, caption="", back=None, submit="Save", intro=""):
    return render(request, "cases/form.html", {"form": form, "title": title, "caption": caption, "back": back,
                                               "submit": submit, "intro": intro})
