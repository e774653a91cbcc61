"""Demonstration forum listings and actions for given demo cases, and Project CARA workshops for
Greater Manchester run by The Hampton Trust, with bookings for the CARA demo cases.

Everything goes through the services, is labelled "(demo)", and is worked out from the cases
and `today` alone (no randomness), so some actions are overdue on `today` and some workshops
are still to come. Loading twice changes nothing: a case already listed at a forum, a programme
that already has workshops and a case already booked are left alone.
"""

from datetime import date, datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from dapi.lib import clock
from dapi.accounts.models import Organisation, OrganisationKind
from dapi.funding.models import Programme

from dapi.cases.models import ActionStatus, Case, ForumType, MemberRole, Side, Workshop, WorkshopPart
from dapi.cases.cara import services as cara_services
from dapi.cases.forums import services as forum_services

CARA_PROGRAMME = "greater-manchester-cara"
CARA_FACILITATOR = "The Hampton Trust"
CARA_VENUES = ["Bolton community venue (demo)", "Wigan community venue (demo)"]
FIRST_PART_A_DAYS_AGO = 70  # the first Part A; one every three weeks after it
PART_A_SESSIONS = 5
PART_B_AFTER_DAYS = (29, 33)  # inside the 4-5 weeks


@transaction.atomic
def load(*, cases, by, today: date) -> dict:
    """Listings and actions for `cases` (CARA cases are booked on workshops instead), and the CARA
    workshops. Returns how many of each were made this time."""
    made = {"listings": 0, "actions": 0, "workshops": 0, "bookings": 0, "breaches": 0}
    cases = sorted(cases, key=lambda c: c.reference)
    for n, case in enumerate(c for c in cases if c.programme.slug != CARA_PROGRAMME):
        if not case.forum_listings.exists():
            _listings(case, n, by, today, made)
    workshops = _workshops(None, today, made)  # the system: no demo user works for the CARA facilitator
    if workshops:
        for n, case in enumerate(c for c in cases if c.programme.slug == CARA_PROGRAMME):
            if case.is_open and not case.workshop_bookings.exists():
                _book(case, n, workshops, by, today, made)
    return made


def _police(case: Case) -> Organisation:
    """The police force of the programme's area (the case's provider when none is recorded)."""
    for area in case.programme.areas.select_related("organisation", "parent__organisation"):
        for candidate in (area, area.parent):
            if candidate and candidate.organisation and candidate.organisation.kind == OrganisationKind.POLICE_FORCE:
                return candidate.organisation
    return case.provider


def _worker(case: Case, side: str, by):
    assignment = case.assignments.filter(side=side, ended_on__isnull=True).select_related("worker").first()
    return assignment.worker if assignment else by


def _action(listing, side, description, owner, due_on, by, made, done_on=None):
    action = forum_services.forum_action_create(listing=listing, side=side, description=description, owner=owner,
                                                due_on=max(due_on, listing.meeting_on), by=by)
    if done_on is not None:
        forum_services.forum_action_update(action=action, by=by, version=action.version, status=ActionStatus.DONE,
                                           completed_on=max(done_on, listing.meeting_on))
    made["actions"] += 1


def _listings(case: Case, n: int, by, today: date, made: dict) -> None:
    """A perpetrator-side forum two weeks after referral with a police action (overdue, not yet due
    or done, in turn) and a provider action; a victim-focused forum a week later for victims with a
    MARAC referral (and every fourth case), with victim-side actions."""
    his_forums = list(ForumType.objects.filter(side=Side.PERPETRATOR).order_by("code"))
    meeting_on = case.referred_on + timedelta(days=14)
    if not his_forums or meeting_on > today:
        return
    worker, police = _worker(case, Side.PERPETRATOR, by), _police(case)
    listing = forum_services.forum_listing_create(case=case, forum=his_forums[n % len(his_forums)],
                                                  meeting_on=meeting_on, by=worker)
    made["listings"] += 1
    turn = n % 3
    due = {0: today - timedelta(days=3 + n % 25), 1: today + timedelta(days=7 + n % 21), 2: meeting_on + timedelta(14)}
    _action(listing, Side.PERPETRATOR, "Police to share the latest incident log with the coordinator (demo)", police,
            due[turn], worker, made, done_on=min(meeting_on + timedelta(days=10), today) if turn == 2 else None)
    _action(listing, Side.PERPETRATOR, "Coordinator to agree a housing referral with him (demo)", case.provider,
            meeting_on + timedelta(days=28), worker, made)
    victim = case.members.filter(role=MemberRole.VICTIM).first()
    victim_forum = ForumType.objects.filter(side=Side.VICTIM).order_by("code").first()
    heard_on = case.referred_on + timedelta(days=21)
    if not (victim and victim_forum and case.victim_service and heard_on <= today):
        return
    if not (n % 4 == 0 or victim.risk_assessments.filter(marac_referral=True).exists()):
        return
    partner = _worker(case, Side.VICTIM, by)
    heard = forum_services.forum_listing_create(case=case, forum=victim_forum, member=victim, meeting_on=heard_on,
                                                by=partner)
    made["listings"] += 1
    _action(heard, Side.VICTIM, "Partner support to review the safety plan with her (demo)", case.victim_service,
            today - timedelta(days=2 + n % 10) if n % 2 == 0 else today + timedelta(days=5 + n % 9), partner, made)
    _action(heard, Side.VICTIM, "Police to add a warning marker for a priority response (demo)", police,
            heard_on + timedelta(days=7), partner, made, done_on=min(heard_on + timedelta(days=5), today))


def _workshops(by, today: date, made: dict) -> list[tuple[Workshop, Workshop]]:
    """Five Part A sessions three weeks apart, the first ten weeks before `today`, each with its
    Part B 29 or 33 days later, Wednesday and Thursday evenings at 6pm. Returns (Part A, Part B) pairs."""
    programme = Programme.objects.filter(slug=CARA_PROGRAMME).first()
    hampton = Organisation.objects.filter(name=CARA_FACILITATOR).first()
    if programme is None or hampton is None:
        return []
    existing = list(Workshop.objects.filter(programme=programme, facilitator=hampton).order_by("starts_at"))
    if existing:
        parts_a = [w for w in existing if w.part == WorkshopPart.A]
        parts_b = [w for w in existing if w.part == WorkshopPart.B]
        return list(zip(parts_a, parts_b))
    first = today - timedelta(days=FIRST_PART_A_DAYS_AGO)
    first -= timedelta(days=(first.weekday() - 2) % 7)  # a Wednesday
    zone = timezone.get_current_timezone()
    pairs = []
    for k in range(PART_A_SESSIONS):
        day_a = first + timedelta(weeks=3 * k)
        day_b = day_a + timedelta(days=PART_B_AFTER_DAYS[k % 2])
        pair = tuple(cara_services.workshop_create(
            programme=programme, part=part, starts_at=datetime.combine(day, time(18), tzinfo=zone),
            venue=CARA_VENUES[k % 2], facilitator=hampton, by=by) for part, day in ((WorkshopPart.A, day_a),
                                                                                     (WorkshopPart.B, day_b)))
        pairs.append(pair)
        made["workshops"] += 2
    return pairs


def _book(case: Case, n: int, pairs, by, today: date, made: dict) -> None:
    """In turn: both workshops attended; Part A attended and Part B booked; Part A missed (a breach,
    only where the police contact has no email address, so loading the demo sends no mail); booked
    on a Part A still to come. A full workshop leaves the case unbooked."""
    recorded_until = min(today, clock.today())  # attendance is recorded on or after the day
    part_a, part_b = pairs[n % len(pairs)]
    turn = n % 4
    if turn == 3:
        plan = [(next((a for a, _ in pairs if cara_services.workshop_day(a) > today), None), None)]
    elif turn == 2 and not case.police_contact_email:
        plan = [(part_a, False)]
    else:
        plan = [(part_a, True), (part_b, True if turn == 0 else None)]
    done = {"bookings": 0, "breaches": 0}
    try:
        with transaction.atomic():
            for workshop, attended in plan:
                if workshop is None:
                    break
                day = cara_services.workshop_day(workshop)
                booking = cara_services.workshop_booking_create(workshop=workshop, case=case, by=by,
                                                                booked_on=min(day - timedelta(days=10), today))
                done["bookings"] += 1
                if attended is None or day > recorded_until:
                    break
                cara_services.workshop_attendance_record(booking=booking, attended=attended, by=by,
                                                         version=booking.version)
                done["breaches"] += not attended
    except ValidationError:
        return  # a full workshop: nothing kept for this case
    for key, count in done.items():
        made[key] += count
