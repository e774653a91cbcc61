"""What every form page does the same way: read a POST, save through a service and show its
refusal on the form, and render a plain form page."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from dapi.lib.errors import ConflictError


def posted(request):
    """The submitted data on a POST, None on a GET (an unbound form)."""
    return request.POST if request.method == "POST" else None


def saved(form, save, *others):
    """Run `save` when the form (and any formset with it) is valid; when the service refuses,
    put its errors on the form. Returns what was saved, or None."""
    # A list, not a generator: every form is validated, so each shows its own errors.
    if not all([f.is_valid() for f in (form, *others)]):  # noqa: C419
        return None
    try:
        return save()
    except ValidationError as e:
        form.add_service_errors(e)
    except ConflictError as e:
        form.add_error(None, str(e))
    return None


def form_page(request, form, *, title, caption="", back=None, submit="Save", intro="", template="form.html",
              **context):
    """A form page: the plain one-column `form.html`, or an app's own template given the same context."""
    return render(request, template, {"form": form, "title": title, "caption": caption, "back": back,
                                      "submit": submit, "intro": intro, **context})

