"""The daily digest (issue 9, item 4): each recipient hears once a day, without content, what is
due within two days, what is overdue and which meldingen are purged within 72 hours; nobody
with nothing due gets a mail. Frozen clock throughout."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail_vertrouwen.channel.models import MeldingStatus
from wagtail_vertrouwen.channel.services import digest
from wagtail_vertrouwen.channel.services.submit import submit
from wagtail_vertrouwen.channel.tasks import inbox_url, send_deadline_digest
from wagtail_vertrouwen.choices import Probleemgebied

from .channel import FailingMailBackend, answers, mails_to, nl, reader
from .factories import make_form, make_school, make_vp

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MARKER = "DIGESTMARKER-93"
SUBJECT = "Deadlines in your meldingen inbox"


def send_melding(form, **overrides):
    return submit(
        form,
        form.get_site(),
        answers(
            probleemgebied="huiselijk_geweld",
            wat=f"{MARKER} wat er gebeurde",
            naam=f"{MARKER} naam",
            betrokkenen=f"{MARKER} betrokkenen",
            **overrides,
        ),
    )


def run(now=None):
    mail.outbox.clear()
    count = digest.send_digests()
    return count, list(mail.outbox)


def line(label, moment):
    """A digest line as the site's language renders it."""
    from django.template.defaultfilters import date as date_filter

    with translation.override("nl"):
        return f"- {nl(label)}: {date_filter(timezone.localtime(moment), 'DATETIME_FORMAT')}"


@pytest.fixture
def whistle_form(db):
    return make_form(make_school("klok.test", "Klokschool"), klokkenluidersregeling=True)


def test_no_mail_when_nothing_is_due(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        send_melding(form)
        assert run() == (0, [])
        clock.move_to(START + timedelta(days=4))
        assert run() == (0, [])


def test_the_acknowledgement_due_then_overdue_then_answered(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        melding = send_melding(form)
        due = melding.acknowledge_by
        clock.move_to(START + timedelta(days=5, hours=12))
        count, sent = run()
        assert count == 1 and [m.to for m in sent] == [[recipient.email]]
        body = sent[0].body
        assert sent[0].subject == nl(SUBJECT)
        assert line("Acknowledgement", due) in body
        assert "(1)" in body and inbox_url() in body
        assert nl("Overdue (%(count)s):").split("(")[0] not in body

        clock.move_to(START + timedelta(days=7, hours=1))
        body = run()[1][0].body
        assert nl("Overdue (%(count)s):").replace("%(count)s", "1") in body
        assert line("Acknowledgement", due) in body

        reader(recipient).reply(melding, "Ontvangen.")
        assert run() == (0, [])


def test_the_klokkenluidersregeling_7_days_and_3_months(whistle_form):
    user = make_vp("klok-vp", whistle_form)
    with time_machine.travel(START, tick=False) as clock:
        melding = send_melding(whistle_form, wie="medewerker")
        clock.move_to(START + timedelta(days=6))
        assert line("Acknowledgement", START + timedelta(days=7)) in run()[1][0].body
        reader(user).reply(melding, "Ontvangen.")
        assert run() == (0, [])
        feedback_by = melding.feedback_by
        assert feedback_by == datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
        clock.move_to(feedback_by - timedelta(days=1))
        body = run()[1][0].body
        assert line("Feedback to the melder", feedback_by) in body
        assert nl("Due within 2 days (%(count)s):").replace("%(count)s", "1") in body
        clock.move_to(feedback_by + timedelta(days=1))
        body = run()[1][0].body
        assert nl("Overdue (%(count)s):").replace("%(count)s", "1") in body
        reader(user).reply(melding, "Dit is er gedaan.", feedback=True)
        assert run() == (0, [])


def test_next_contact_reminders(form, recipient):
    from django.template.defaultfilters import date as date_filter

    with time_machine.travel(START, tick=False) as clock:
        melding = send_melding(form)
        reader(recipient).reply(melding, "Ontvangen.")
        day = timezone.localdate() + timedelta(days=10)
        reader(recipient).set_next_contact(melding, day)
        assert run() == (0, [])
        with translation.override("nl"):
            expected = f"- {nl('Next contact')}: {date_filter(day, 'DATE_FORMAT')}"
        clock.move_to(START + timedelta(days=8))
        assert expected in run()[1][0].body  # two days ahead
        clock.move_to(START + timedelta(days=10))
        assert expected in run()[1][0].body  # the day itself
        clock.move_to(START + timedelta(days=11))
        body = run()[1][0].body
        assert expected in body and nl("Overdue (%(count)s):").replace("%(count)s", "1") in body


def test_the_purge_is_announced_72_hours_ahead(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        melding = send_melding(form)
        reader(recipient).reply(melding, "Ontvangen.")
        reader(recipient).set_status(melding, MeldingStatus.AFGESLOTEN)
        melding.refresh_from_db()
        purge_after = melding.purge_after
        assert purge_after is not None
        clock.move_to(purge_after - timedelta(hours=73))
        assert run() == (0, [])
        clock.move_to(purge_after - timedelta(hours=71))
        count, sent = run()
        assert count == 1
        body = sent[0].body
        with translation.override("nl"):
            from django.template.defaultfilters import date as date_filter

            shown = date_filter(timezone.localtime(purge_after), "DATETIME_FORMAT")
            assert f"- {shown}" in body
        assert nl("Export what you must keep before then.") in body
        clock.move_to(purge_after + timedelta(minutes=1))
        assert run() == (0, [])


def test_closing_clears_the_reminders(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        melding = send_melding(form)
        reader(recipient).set_next_contact(melding, timezone.localdate() + timedelta(days=1))
        clock.move_to(START + timedelta(days=9))
        assert run()[0] == 1
        reader(recipient).set_status(melding, MeldingStatus.AFGESLOTEN)
        assert run() == (0, [])  # the purge is a year away


def test_the_digest_holds_no_content(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        send_melding(form, over_medewerker="ja", email="melder@example.org", contact="email")
        clock.move_to(START + timedelta(days=8))
        sent = run()[1]
    assert len(sent) == 1
    text = sent[0].subject + sent[0].body + str(sent[0].extra_headers)
    area = Probleemgebied.HUISELIJK_GEWELD
    forbidden = [
        MARKER,
        "melder@example.org",
        area.value,
        str(area.label),
        form.title,
        form.get_site().site_name,
        "Urgent",
        nl("Urgent"),
    ]
    for language in ("nl", "en"):
        with translation.override(language):
            forbidden.append(str(area.label))
    for word in forbidden:
        assert word not in text, word


def test_each_recipient_gets_one_digest_of_her_own_meldingen(form, recipient):
    colleague = make_vp("collega", form)
    elsewhere = make_vp("elders", make_form(make_school("ander.test", "Andere school")))
    with time_machine.travel(START, tick=False) as clock:
        shared = [send_melding(form) for _ in range(3)]  # sealed to both
        reader(colleague).reply(shared[0], "Ontvangen.")  # acknowledged for both
        clock.move_to(START + timedelta(days=8))
        count, sent = run()
    assert count == 2
    assert len(mails_to(recipient.email)) == len(mails_to(colleague.email)) == 1
    assert mails_to(elsewhere.email) == []
    body = mails_to(recipient.email)[0].body
    assert nl("Overdue (%(count)s):").replace("%(count)s", "2") in body


def test_the_command_and_the_task_send_the_same(form, recipient):
    with time_machine.travel(START, tick=False) as clock:
        send_melding(form)
        clock.move_to(START + timedelta(days=8))
        expected = run()[1][0].body
        mail.outbox.clear()
        out = StringIO()
        call_command("vertrouwen_digest", stdout=out)
        assert out.getvalue().strip() == "1 digest(s) sent."
        assert [m.body for m in mail.outbox] == [expected]
        mail.outbox.clear()
        result = send_deadline_digest.enqueue()
        assert result.return_value == 1
        assert [m.body for m in mail.outbox] == [expected]
        clock.move_to(START + timedelta(days=1))
        mail.outbox.clear()
        out = StringIO()
        call_command("vertrouwen_digest", stdout=out)
        assert out.getvalue().strip() == "0 digest(s) sent." and mail.outbox == []


def test_a_failing_mail_server_is_no_crash(form, recipient, settings):
    settings.EMAIL_BACKEND = "tests.channel.FailingMailBackend"
    assert FailingMailBackend
    with time_machine.travel(START, tick=False) as clock:
        send_melding(form)
        clock.move_to(START + timedelta(days=8))
        assert digest.send_digests() == 0


def test_the_digest_takes_one_query(form, recipient, django_assert_num_queries):
    with time_machine.travel(START, tick=False) as clock:
        for _ in range(5):
            send_melding(form)
        clock.move_to(START + timedelta(days=8))
        with django_assert_num_queries(1):
            found = digest.collect()
    assert len(found) == 1 and len(found[0].overdue) == 5
