"""Recording a victim's answers to her programme's questionnaire (victim side only)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse

from dapi.lib.clock import today
from dapi.lib.views import form_page, posted, saved

from . import access, services
from .forms import VictimOutcomeForm
from .models import Questionnaire


@login_required
def victim_outcome_add(request, pk, member_pk):
    member = access.member_to_record_outcome(request.user, pk, member_pk)
    questionnaire = Questionnaire.objects.filter(programme_id=member.case.programme_id).first()
    if questionnaire is None:
        raise Http404("The programme has no victim-reported outcomes questionnaire")
    form = VictimOutcomeForm(posted(request), questionnaire=questionnaire, initial={"recorded_on": today()})
    outcome = saved(form, lambda: services.victim_outcome_record(
        member=member, by=request.user, stage=form.cleaned_data["stage"],
        recorded_on=form.cleaned_data["recorded_on"], answers=form.answers()))
    back = reverse("cases:victim_detail", args=[member.case_id, member.pk])
    if outcome:
        messages.success(request, f"{outcome.get_stage_display()} answers saved.")
        return redirect(back)
    return form_page(request, form, title=f"{questionnaire.title}: {member.person.reference}",
                     caption=member.case.reference, back=back,
                     intro="Ask her each question as written and record her answer.")
