"""Pages that record an agreement's contract events, grant conditions and co-funding rules, each linked
from the agreement page and back to it. The record a form changes comes from access.py's
`*_to_change` (404 for whoever may not); writes go through the services; choices from selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from dapi.lib import clock
from dapi.lib.views import form_page, posted, saved

from .. import access, services
from ..selectors import organisation_names
from ..notice import last_notice_day
from . import selectors
from .forms import (
    BreakNoticeForm, ConditionForm, ConditionMetForm, CutApplyForm, CutForm, ExtensionForm, FundingConditionForm,
    FundingStatusForm, MirrorRuleForm, TerminationForm, VariationForm,
)


def _back(agreement, anchor: str) -> str:
    return reverse("funding:agreement_detail", args=[agreement.pk]) + f"#{anchor}"


def _day(value) -> str:
    return f"{value:%-d %b %Y}" if value else "not stated"


def _page(request, agreement, form, save, *, title, submit, done, anchor, intro="", template="form.html", **context):
    """Save through `save` when the form is valid and go back to the agreement page, saying `done(result)`;
    otherwise the form page."""
    result = saved(form, save)
    if result:
        messages.success(request, done(result))
        return redirect(_back(agreement, anchor))
    return form_page(request, form, title=title, caption=agreement.title, submit=submit, intro=intro,
                     back=_back(agreement, anchor), template=template, agreement=agreement, **context)


@login_required
def agreement_extend(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = ExtensionForm(posted(request), decisions=selectors.approving_decisions(agreement),
                         initial={"new_end": agreement.extension_until})
    terms = f" ({agreement.extension_terms})" if agreement.extension_terms else ""
    return _page(request, agreement, form, lambda: services.agreement_extend(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Exercise the extension", submit="Record the extension", anchor="events",
        intro=f"Ends {_day(agreement.end)}; the extension options reach {_day(agreement.extension_until)}{terms}.",
        done=lambda e: f"Extension recorded: {agreement.title} now ends on {_day(e.new_end)}.")


@login_required
def agreement_vary(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = VariationForm(posted(request), decisions=selectors.approving_decisions(agreement))
    value = f"£{agreement.value:,.2f}" if agreement.value is not None else "not stated"
    return _page(request, agreement, form, lambda: services.agreement_vary(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Record a variation", submit="Record the variation", anchor="events",
        intro=f"Value {value}; ends {_day(agreement.end)}. A variation is published as a contract amendment.",
        done=lambda v: "Variation recorded.")


@login_required
def break_notice_give(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = BreakNoticeForm(posted(request))
    deadline = last_notice_day(agreement)
    intro = (f"Break clause: {agreement.break_notice_months} months' notice. The last day notice can be given to end "
             f"the agreement before its end ({_day(agreement.end)}) is {_day(deadline)}." if deadline else
             "This agreement records no break clause.")
    return _page(request, agreement, form, lambda: services.break_notice_give(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Record break notice", submit="Record the notice", anchor="events", intro=intro,
        done=lambda n: f"Break notice recorded: {agreement.title} ends on {_day(n.effective_on)}.")


@login_required
def agreement_terminate(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = TerminationForm(posted(request))
    return _page(request, agreement, form, lambda: services.agreement_terminate(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Record a termination", submit="Record the termination", anchor="events",
        intro=f"The agreement runs {_day(agreement.start)} to {_day(agreement.end)}. Its status becomes terminated "
              f"and the runway stops on the day it ended.",
        done=lambda t: f"Termination recorded: {agreement.title} ended on {_day(t.terminated_on)}.")


@login_required
def condition_add(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = ConditionForm(posted(request))
    return _page(request, agreement, form, lambda: services.condition_add(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Add a condition", submit="Add the condition", anchor="conditions",
        done=lambda c: "Condition added to the checklist.")


@login_required
def condition_meet(request, pk):
    condition = access.condition_to_change(request.user, pk)
    form = ConditionMetForm(posted(request))
    return _page(request, condition.agreement, form, lambda: services.condition_meet(
        condition=condition, by=request.user, **form.cleaned_data),
        title="Record a condition as met", submit="Record as met", anchor="conditions",
        intro=f"Condition: {condition.text}" + (f" (due by {_day(condition.due_on)})." if condition.due_on else ""),
        done=lambda c: f"Condition recorded as met on {_day(c.met_on)}.")


@login_required
def mirror_rule_add(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = MirrorRuleForm(posted(request), partners=selectors.agreement_partners(agreement))
    return _page(request, agreement, form, lambda: services.mirror_rule_add(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Add a mirrored reduction", submit="Add the rule", anchor="cofunding",
        intro="A partner that may reduce its contribution by any percentage another partner cuts its own.",
        done=lambda r: f"Rule added: {r.partner} may mirror {r.follows}'s cuts.")


@login_required
def funding_condition_add(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = FundingConditionForm(posted(request), partners=selectors.agreement_partners(agreement))
    return _page(request, agreement, form, lambda: services.funding_condition_add(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Add a funding condition", submit="Add the condition", anchor="cofunding",
        intro="A contribution that depends on another funder's funding being forthcoming.",
        template="funding/events/funding_condition_form.html", organisation_names=organisation_names(),
        done=lambda c: f"Funding condition added: {c.partner}'s contribution depends on {c.funding}.")


@login_required
def funding_condition_status(request, pk):
    condition = access.funding_condition_to_change(request.user, pk)
    form = FundingStatusForm(posted(request), initial={"status": condition.status, "known_by": condition.known_by})
    return _page(request, condition.agreement, form, lambda: services.funding_condition_set_status(
        condition=condition, by=request.user, **form.cleaned_data),
        title="Is the funding forthcoming?", submit="Save", anchor="cofunding",
        intro=f"{condition.partner}'s contribution depends on {condition.funding}.",
        done=lambda c: f"{c.funding}: {c.get_status_display().lower()}.")


@login_required
def cut_record(request, pk):
    agreement = access.agreement_to_change(request.user, pk)
    form = CutForm(posted(request), partners=selectors.agreement_partners(agreement))
    return _page(request, agreement, form, lambda: services.cofunder_cut_record(
        agreement=agreement, by=request.user, **form.cleaned_data),
        title="Record a co-funder's cut", submit="Record the cut", anchor="cofunding",
        intro="The cut, and the reductions that mirror it, are shown as a proposal: nothing in the ledger changes "
              "until a decision approves it.",
        done=lambda c: "Cut recorded: the proposed schedule is shown below, awaiting a decision.")


@login_required
def cut_apply(request, pk):
    cut = access.cut_to_change(request.user, pk)
    form = CutApplyForm(posted(request), decisions=selectors.approving_decisions(cut.agreement),
                        initial={"applied_on": clock.today()})
    return _page(request, cut.agreement, form, lambda: services.cofunder_cut_apply(
        cut=cut, by=request.user, **form.cleaned_data),
        title="Apply a co-funder's cut", submit="Apply the cut", anchor="cofunding",
        template="funding/events/cut_apply.html", proposed=selectors.proposed_cut(cut),
        done=lambda c: "Cut applied: the agreement's schedule has changed.")
