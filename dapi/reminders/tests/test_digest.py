"""The daily digest (issue 18, item 6): `dapi remind` mails each user what needs their action, at
most once a day, never repeating an item that has not changed; `--dry-run` shows who would get what
and sends and records nothing; `--enqueue` hands the sending to the task worker."""

import io
from datetime import date

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError

from dapi.cases.forums.tests.test_forums import HIS_ACTION, VICTIM_ACTION, listed  # noqa: F401 (a fixture)
from dapi.cases.models import Case
from dapi.cases.tests.builders import PERPETRATOR_NAME, VICTIM_NAME
from dapi.decisions.models import Resolution
from dapi.reminders.models import Digest, DigestItem
from dapi.reminders.services import digests_send

DEMO_DAY = date(2024, 3, 15)


def remind(*args) -> str:
    out = io.StringIO()
    call_command("remind", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def mail_to(mailoutbox, username):
    return [m for m in mailoutbox if m.to == [f"{username}@demo.invalid"]]


def test_dry_run_lists_usernames_and_titles_and_sends_and_records_nothing(cast, mailoutbox):
    out = remind("--dry-run", "--today", "2024-03-15")
    assert "commissioner: would get" in out
    assert ("  - Hampshire domestic abuse perpetrator service (Hampshire and Southampton): funding ends 31 Mar 2024 "
            "(16 days) with no successor approved") in out
    assert "police-analyst: nothing to send (nothing new)" in out
    assert mailoutbox == [] and not Digest.objects.exists() and not DigestItem.objects.exists()


def test_each_user_gets_one_digest_of_their_own_items(cast, mailoutbox):
    out = remind("--today", "2024-03-15")
    assert "commissioner: sent" in out
    [mail] = mail_to(mailoutbox, "commissioner")
    assert "Cliff edge: Hampshire domestic abuse perpetrator service" in mail.body
    assert "http://127.0.0.1:8000/programmes/" in mail.body
    assert mail_to(mailoutbox, "police-analyst") == []  # nothing for them
    [panel] = mail_to(mailoutbox, "panel-member")
    assert "Resolution" in panel.body and "Cliff edge" not in panel.body
    digest = Digest.objects.get(user=cast["commissioner"])
    assert digest.sent_on == DEMO_DAY and digest.items.count() == mail.body.count("\n- ")


def test_a_second_run_the_same_day_sends_nothing(cast, mailoutbox):
    remind("--today", "2024-03-15")
    sent = len(mailoutbox)
    out = remind("--today", "2024-03-15")
    assert len(mailoutbox) == sent and "commissioner: nothing to send (already sent today)" in out
    assert Digest.objects.filter(user=cast["commissioner"]).count() == 1


def test_the_next_day_only_what_changed_is_sent_again(cast, mailoutbox):
    remind("--today", "2024-03-15")
    mailoutbox.clear()
    remind("--today", "2024-03-16")
    # Nothing changed: the cliff edges only count down a day, the rest stands as it was.
    assert mail_to(mailoutbox, "commissioner") == [] and mail_to(mailoutbox, "panel-member") == []
    assert not Digest.objects.filter(sent_on=date(2024, 3, 16), user__in=[cast["commissioner"],
                                                                            cast["panel-member"]]).exists()
    resolution = Resolution.objects.get(due_on=date(2023, 6, 30))
    Resolution.objects.filter(pk=resolution.pk).update(due_on=date(2024, 3, 20))
    mailoutbox.clear()
    remind("--today", "2024-03-17")
    [panel] = mail_to(mailoutbox, "panel-member")
    assert "due 20 Mar 2024" in panel.body and panel.body.count("\n- ") == 1
    [mail] = mail_to(mailoutbox, "commissioner")
    assert mail.body.count("\n- ") == 1 and "Resolution due:" in mail.body


def test_a_new_item_is_sent_the_day_it_appears(cast, mailoutbox):
    remind("--today", "2024-03-15")
    mailoutbox.clear()
    # Cleveland's runway (to 31 Jul 2024) is inside the horizon; a new agreement's deadline comes into reach.
    from dapi.funding.models import Agreement

    Agreement.objects.filter(title__startswith="Domestic Abuse Perpetrators Service").update(
        end=date(2024, 7, 31), break_notice_months=3)
    remind("--today", "2024-03-18")
    [mail] = mail_to(mailoutbox, "commissioner")
    assert "Break-clause notice: Domestic Abuse Perpetrators Service (Hampshire and Southampton): the last day to " \
           "give break-clause notice is 30 Apr 2024" in mail.body
    assert "Cliff edge: Hampshire domestic abuse perpetrator service" in mail.body  # its runway end moved


def test_the_digest_names_no_person_and_records_the_cases_it_names_as_read(cast, listed, mailoutbox):
    remind("--today", "2023-03-01")
    [mail] = mail_to(mailoutbox, "perpetrator-worker")
    assert f"on case {listed['case'].reference} due 20 Feb 2023" in mail.body
    every = " ".join(m.body for m in mailoutbox)
    for personal in (VICTIM_ACTION, HIS_ACTION, VICTIM_NAME, PERPETRATOR_NAME):
        assert personal not in every
    reads = LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Case), action=LogEntry.Action.ACCESS,
                                    object_pk=str(listed["case"].pk))
    assert reads.count() == 3  # the digests of his worker, his provider manager and her worker
    assert LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Digest),
                                   action=LogEntry.Action.CREATE).count() == Digest.objects.count() > 0


def test_a_user_without_an_email_address_gets_no_digest(cast, mailoutbox):
    cast["evaluator"].email = ""
    cast["evaluator"].save()
    outcomes = digests_send(today=DEMO_DAY)
    assert "evaluator" not in [o.username for o in outcomes]
    assert "commissioner" in [o.username for o in outcomes if o.sent]
    assert mail_to(mailoutbox, "evaluator") == []


def test_enqueue_hands_the_sending_to_the_task_worker(cast, mailoutbox):
    # Tests run tasks immediately (conftest); production queues them for `dapi db-worker`.
    remind("--enqueue", "--today", "2024-03-15")
    assert mail_to(mailoutbox, "commissioner") and Digest.objects.filter(sent_on=DEMO_DAY).exists()


@pytest.mark.parametrize("args,message", [
    (["--today", "15/03/2024"], "--today must be a date like 2024-03-15"),
    (["--dry-run", "--enqueue"], "cannot go together"),
])
def test_bad_input_is_refused_with_what_would_be_accepted(cast, mailoutbox, args, message):
    with pytest.raises(CommandError, match=message):
        remind(*args)
    assert mailoutbox == [] and not Digest.objects.exists()
