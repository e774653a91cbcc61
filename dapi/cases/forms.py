"""Forms parse and validate input for the case services; the services still decide. Choices that
depend on who is asking (programmes, referring organisations, workers, victims) come from selectors."""

from django import forms

from dapi.accounts.models import Area, Organisation, OrganisationKind
from dapi.lib.forms import DayField, ServiceForm

from . import equality
from .dash import DASH_ITEMS
from .exits import EXIT_REASONS
from .models import (
    OFFENCES, Attendance, CaseStatus, CautionType, ContactKind, GoalStatus, Grade, LawfulBasis, MemberRole, NeedKind,
    NeedStatus, ReferralSource, SafetyFlag, WorkerRole,
)
from .models.cases import TRANSITIONS

YES_NO_UNKNOWN = [("", "Not known"), ("true", "Yes"), ("false", "No")]


def _bool_or_none(value):
    return {"true": True, "false": False}.get(value)


class ReferralForm(ServiceForm):
    programme = forms.ModelChoiceField(queryset=None, empty_label="Choose a programme")
    provider = forms.ModelChoiceField(queryset=Organisation.objects.filter(kind=OrganisationKind.PROVIDER),
                                      empty_label="Choose the provider", help_text="Who will screen it.")
    source = forms.ChoiceField(choices=ReferralSource.choices)
    referring_organisation = forms.ModelChoiceField(queryset=None, empty_label="Choose your organisation")
    received_on = DayField(label="Date received")
    reason = forms.CharField(widget=forms.Textarea, max_length=2000,
                             help_text="Why this programme fits. Do not name victims.")
    lawful_basis = forms.ChoiceField(choices=LawfulBasis.choices, widget=forms.RadioSelect,
                                     label="Lawful basis for sharing")
    dash_score = forms.IntegerField(required=False, min_value=0, max_value=24,
                                    label="Highest DASH score of a linked victim")
    marac_criteria_met = forms.TypedChoiceField(choices=YES_NO_UNKNOWN, coerce=_bool_or_none, empty_value=None,
                                                required=False, label="MARAC criteria met")
    matac_checked = forms.BooleanField(required=False, label="The area's MATAC list has been checked")
    matac_rank = forms.IntegerField(required=False, min_value=1, label="Rank on the area's MATAC list",
                                    help_text="Leave empty when he is not on the list.")
    needs_checked = forms.BooleanField(required=False, label="Needs have been assessed")
    complex_needs = forms.ModelMultipleChoiceField(queryset=NeedKind.objects.all(), required=False,
                                                   widget=forms.CheckboxSelectMultiple, label="Complex unmet needs")
    area = forms.ModelChoiceField(queryset=Area.objects.all(), required=False, label="Where he lives",
                                  empty_label="Not known")
    age = forms.IntegerField(required=False, min_value=10, max_value=120)
    caution_type = forms.ChoiceField(choices=[("", "Not known")] + CautionType.choices, required=False)
    history_checked = forms.BooleanField(required=False, label="Criminal history has been checked")
    previous_da_sanction_on = DayField(required=False, label="Latest domestic abuse caution or conviction",
                                       help_text="Leave empty when there is none.")
    offence = forms.ChoiceField(choices=[("", "Not known")] + OFFENCES, required=False)

    def __init__(self, data=None, *, programmes, referring_orgs, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].queryset = programmes
        self.fields["referring_organisation"].queryset = referring_orgs

    def referral_fields(self) -> dict:
        return dict(self.cleaned_data)


class ReferralDecisionForm(ServiceForm):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("decline", "Decline")], widget=forms.RadioSelect)
    on = DayField(label="Date of decision")
    reason = forms.CharField(widget=forms.Textarea, max_length=2000, help_text="Recorded with the screening result.")
    victim_service = forms.ModelChoiceField(
        queryset=Organisation.objects.filter(kind=OrganisationKind.PROVIDER), required=False,
        label="Partner support provider", help_text="Who supports the victims, when accepting.")
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseStatusForm(ServiceForm):
    to = forms.ChoiceField(label="Move the case to", widget=forms.RadioSelect)
    on = DayField(label="Date")
    exit_reason = forms.ChoiceField(
        choices=EXIT_REASONS, required=False, widget=forms.RadioSelect, label="Why the case is ending",
        help_text="Needed when the case is disengaged or closed; a completed case is completed.")
    reason = forms.CharField(widget=forms.Textarea, required=False, label="The reason in words",
                             help_text='Needed when the reason is "other". Do not name victims.')
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, data=None, *, case, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["to"].choices = [(s, CaseStatus(s).label) for s in TRANSITIONS[CaseStatus(case.status)]]


class AssignmentForm(ServiceForm):
    worker = forms.ModelChoiceField(queryset=None, empty_label="Choose a worker")
    role = forms.ChoiceField(choices=WorkerRole.choices)
    started_on = DayField(label="Start date")

    def __init__(self, data=None, *, workers, roles, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["worker"].queryset = workers
        self.fields["worker"].label_from_instance = lambda u: u.get_full_name() or u.username
        self.fields["role"].choices = roles


class MemberForm(ServiceForm):
    role = forms.ChoiceField(choices=MemberRole.choices, widget=forms.RadioSelect)
    relationship = forms.CharField(max_length=100, required=False, help_text="For example partner, ex-partner, son.")
    safety_flags = forms.MultipleChoiceField(choices=SafetyFlag.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple, label="Shared safety flags",
                                             help_text="Both sides see these. Nothing that could locate anyone.")


class MemberSupportForm(ServiceForm):
    safety_flags = forms.MultipleChoiceField(choices=SafetyFlag.choices, required=False,
                                             widget=forms.CheckboxSelectMultiple, label="Shared safety flags")
    offered_support_on = DayField(required=False, label="Support offered on")
    engaged_support_on = DayField(required=False, label="Support taken up on")


class IdentifyingDetailsForm(ServiceForm):
    full_name = forms.CharField(max_length=200, required=False)
    date_of_birth = DayField(required=False)
    address = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    postcode = forms.CharField(max_length=10, required=False)
    phone = forms.CharField(max_length=40, required=False)
    email = forms.EmailField(required=False)
    police_person_id = forms.CharField(max_length=40, required=False, label="Police person identifier")
    safe_to_contact = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                      label="How and when it is safe to make contact")


# Equality data, one list each (cases/equality.py); "not recorded" unless someone answers.
for _name in equality.EQUALITY_FIELDS:
    IdentifyingDetailsForm.base_fields[_name] = forms.TypedChoiceField(
        choices=equality.choices(_name), label=equality.label(_name), initial=equality.NOT_RECORDED, required=False,
        empty_value=equality.NOT_RECORDED)


class ContactForm(ServiceForm):
    kind = forms.ChoiceField(choices=ContactKind.choices, label="Type")
    on = DayField(label="Date")
    duration_minutes = forms.IntegerField(required=False, min_value=1, max_value=600, label="Duration (minutes)")
    attendance = forms.ChoiceField(choices=Attendance.choices, widget=forms.RadioSelect)
    member = forms.ModelChoiceField(queryset=None, required=False, label="With", empty_label="Choose a victim")
    notes = forms.CharField(widget=forms.Textarea, required=False, max_length=5000)

    def __init__(self, data=None, *, members=None, **kwargs):
        super().__init__(data, **kwargs)
        if members is None:
            del self.fields["member"]
        else:
            self.fields["member"].queryset = members
            self.fields["member"].required = True
            self.fields["member"].label_from_instance = lambda m: f"{m.person.reference} ({m.get_role_display()})"


class NeedForm(ServiceForm):
    kind = forms.ModelChoiceField(queryset=NeedKind.objects.all(), empty_label="Choose a need")
    status = forms.ChoiceField(choices=NeedStatus.choices)
    identified_on = DayField(label="Identified on")


class GoalForm(ServiceForm):
    description = forms.CharField(max_length=300)
    status = forms.ChoiceField(choices=GoalStatus.choices)
    set_on = DayField(label="Set on")
    target_on = DayField(required=False, label="Target date")


class SafetyPlanForm(ServiceForm):
    agreed_on = DayField(label="Agreed on")
    review_on = DayField(required=False, label="Review on")
    plan = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=5000)


class DashForm(ServiceForm):
    """The 24 items as yes / no / not known radios, by item number (topic names only). With
    `draft=True` (saving to finish later) nothing is required: the items answered so far are kept.
    A missing item is named with what would be accepted: "Item 7, conflict over child contact:
    choose yes, no or not known"."""

    assessed_on = DayField(label="Assessed on")
    incident_on = DayField(required=False, label="Date of the incident prompting it")
    judgement_grade = forms.ChoiceField(choices=[("", "No change")] + Grade.choices, required=False,
                                        label="Professional judgement",
                                        help_text="May raise the grade, never lower it.")
    judgement_reason = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=2000,
                                       label="Reason for professional judgement")

    def __init__(self, *args, draft: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for number, topic in DASH_ITEMS.items():
            self.fields[f"item_{number}"] = forms.ChoiceField(
                label=f"{number}. {topic}", widget=forms.RadioSelect, required=not draft,
                choices=[("yes", "Yes"), ("no", "No"), ("not_known", "Not known")],
                error_messages={"required": f"Item {number}, {topic[0].lower()}{topic[1:]}: choose yes, no or not known.",
                                "invalid_choice": f"Item {number}, {topic[0].lower()}{topic[1:]}: choose yes, no or "
                                                  "not known."})
        if draft:
            self.fields["assessed_on"].required = False

    def item_fields(self):
        return [self[f"item_{n}"] for n in DASH_ITEMS]

    def answers(self) -> dict:
        return {str(n): self.cleaned_data[f"item_{n}"] for n in DASH_ITEMS}

    def yes_count(self) -> int:
        """The "yes" answers the page holds now (posted, or the draft's), for the running score."""
        return sum(1 for field in self.item_fields() if field.value() == "yes")


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(choices=[("", "All")] + CaseStatus.choices, required=False)
    programme = forms.ModelChoiceField(queryset=None, required=False, empty_label="All")

    def __init__(self, data=None, *, programmes, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["programme"].queryset = programmes


class SearchForm(forms.Form):
    q = forms.CharField(label="Reference or name", min_length=2, max_length=100)
