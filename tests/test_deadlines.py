"""Deadlines nobody forgets (issue 9, item 4): what is due per melding, with a frozen clock; the
inbox's waiting and due columns, its filters and its sort, at a constant query count."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.db.models import F
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.models import Melding, MeldingAccess, MeldingStatus, RecipientKey
from wagtail_vertrouwen.channel.services import deadlines
from wagtail_vertrouwen.channel.services.submit import submit

from .channel import answers, enter, reader
from .factories import make_form, make_school, make_vp

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning


def index_url():
    return reverse("wagtail_vertrouwen_inbox:index")


def states(melding, now=None):
    melding.refresh_from_db()
    return {d.kind: d.state for d in deadlines.open_deadlines(melding, now)}


@pytest.fixture
def whistle_form(db):
    """A form under the klokkenluidersregeling that would otherwise allow 14 days."""
    return make_form(
        make_school("klok.test", "Klokschool"),
        klokkenluidersregeling=True,
        acknowledge_within_days=14,
    )


# What is due, per melding --------------------------------------------------------------------


def test_the_acknowledgement_is_due_then_overdue_and_the_first_message_clears_it(recipient, form):
    with time_machine.travel(START, tick=False) as clock:
        melding = submit(form, form.get_site(), answers())
        assert melding.acknowledge_by == START + timedelta(days=7)
        assert melding.feedback_by is None  # no klokkenluidersregeling: no feedback deadline
        assert states(melding) == {"acknowledge": "later"}
        clock.move_to(START + timedelta(days=4, hours=23))
        assert states(melding) == {"acknowledge": "later"}
        clock.move_to(START + timedelta(days=5, hours=1))
        assert states(melding) == {"acknowledge": "soon"}
        clock.move_to(START + timedelta(days=7, minutes=1))
        assert states(melding) == {"acknowledge": "overdue"}
        reader(recipient).reply(melding, "We hebben je melding ontvangen.")
        melding.refresh_from_db()
        assert melding.acknowledged_at == START + timedelta(days=7, minutes=1)
        assert states(melding) == {}


def test_the_klokkenluidersregeling_means_7_days_and_3_months(whistle_form):
    user = make_vp("klok-vp", whistle_form)
    with time_machine.travel(START, tick=False) as clock:
        melding = submit(whistle_form, whistle_form.get_site(), answers(wie="medewerker"))
        assert melding.acknowledge_by == START + timedelta(days=7)  # not the form's 14
        assert melding.feedback_by == datetime(2026, 6, 2, 9, 0, tzinfo=UTC)
        clock.move_to(START + timedelta(days=8))
        assert states(melding) == {"acknowledge": "overdue", "feedback": "later"}
        reader(user).reply(melding, "Ontvangen.")  # acknowledges; not yet the feedback
        assert states(melding) == {"feedback": "later"}
        clock.move_to(datetime(2026, 5, 31, 10, 0, tzinfo=UTC))
        assert states(melding) == {"feedback": "soon"}
        clock.move_to(datetime(2026, 6, 2, 9, 1, tzinfo=UTC))
        assert states(melding) == {"feedback": "overdue"}
        reader(user).reply(melding, "Dit hebben we gedaan.", feedback=True)
        assert states(melding) == {}


def test_next_contact_reminders_count_in_days(recipient, form):
    with time_machine.travel(START, tick=False):
        melding = submit(form, form.get_site(), answers())
        reader(recipient).reply(melding, "Ontvangen.")
        today = timezone.localdate()
        for offset, state in ((5, "later"), (3, "later"), (2, "soon"), (0, "soon")):
            reader(recipient).set_next_contact(melding, today + timedelta(days=offset))
            assert states(melding) == {"next_contact": state}, offset
    with time_machine.travel(START + timedelta(days=1), tick=False):
        assert states(melding) == {"next_contact": "overdue"}  # the day has passed


def test_a_next_contact_date_in_the_past_or_on_a_closed_melding_is_refused(recipient, form):
    from django.core.exceptions import ValidationError

    melding = submit(form, form.get_site(), answers())
    with pytest.raises(ValidationError):
        reader(recipient).set_next_contact(melding, timezone.localdate() - timedelta(days=1))
    reader(recipient).set_status(melding, MeldingStatus.AFGESLOTEN)
    with pytest.raises(ValidationError):
        reader(recipient).set_next_contact(melding, timezone.localdate() + timedelta(days=1))
    reader(recipient).set_next_contact(melding, None)  # clearing is always fine
    melding.refresh_from_db()
    assert melding.next_contact_by is None


def test_closing_clears_every_reminder(whistle_form):
    user = make_vp("klok-vp", whistle_form)
    with time_machine.travel(START, tick=False) as clock:
        melding = submit(whistle_form, whistle_form.get_site(), answers())
        reader(user).set_next_contact(melding, timezone.localdate() + timedelta(days=1))
        clock.move_to(START + timedelta(days=100))
        assert set(states(melding)) == {"acknowledge", "feedback", "next_contact"}
        assert Melding.objects.filter(deadlines.overdue_q()).exists()
        reader(user).set_status(melding, MeldingStatus.AFGESLOTEN)
        assert states(melding) == {}
        assert melding.next_contact_by is None
        assert not Melding.objects.filter(deadlines.overdue_q() | deadlines.soon_q()).exists()


# The database's rules are the same as Python's -----------------------------------------------


def _bare(form, **fields):
    return Melding.objects.create(
        form=form, site=form.get_site(), content=b"", retention_days=30, **fields
    )


def test_the_database_conditions_agree_with_open_deadlines(form):
    now = START
    today = date(2026, 3, 2)
    hour, day = timedelta(hours=1), timedelta(days=1)
    cases = [
        {"acknowledge_by": now - hour},
        {"acknowledge_by": now + hour},
        {"acknowledge_by": now + 2 * day - hour},
        {"acknowledge_by": now + 2 * day + hour},
        {"acknowledge_by": now - day, "acknowledged_at": now - 2 * day},
        {"feedback_by": now - 2 * hour, "acknowledge_by": now + 5 * day},
        {"feedback_by": now + day},
        {"feedback_by": now - day, "feedback_at": now - 2 * day},
        {"next_contact_by": today - day},
        {"next_contact_by": today},
        {"next_contact_by": today + 2 * day},
        {"next_contact_by": today + 3 * day},
        {"acknowledge_by": now - day, "status": MeldingStatus.AFGESLOTEN},
        {"next_contact_by": today - day, "status": MeldingStatus.AFGESLOTEN},
        {},
    ]
    meldingen = [_bare(form, **fields) for fields in cases]
    overdue = set(Melding.objects.filter(deadlines.overdue_q(now)).values_list("pk", flat=True))
    soon = set(Melding.objects.filter(deadlines.soon_q(now)).values_list("pk", flat=True))
    for melding, fields in zip(meldingen, cases, strict=True):
        found = {d.state for d in deadlines.open_deadlines(melding, now)}
        assert (melding.pk in overdue) == ("overdue" in found), fields
        assert (melding.pk in soon) == ("soon" in found), fields
    assert overdue and soon  # the cases cover both

    # Sorted by the earliest open deadline, none last, as open_deadlines orders them.
    ordered = list(
        Melding.objects.annotate(due_at=deadlines.due_expression())
        .order_by(F("due_at").asc(nulls_last=True), "pk")
        .values_list("pk", "due_at")
    )
    with_due = [pk for pk, due in ordered if due is not None]
    expected = sorted(
        (m for m in meldingen if deadlines.first_deadline(m, now)),
        key=lambda m: (deadlines.first_deadline(m, now).moment, m.pk),
    )
    assert with_due == [m.pk for m in expected]


# The inbox list ------------------------------------------------------------------------------


def many(form, recipient, count, **fields):
    """``count`` meldingen sealed to ``recipient`` with the given timing fields, quickly."""
    content_key = crypto.new_content_key()
    sealed = crypto.seal_content_key(
        content_key, bytes(RecipientKey.objects.get(user=recipient).public_key)
    )
    site, made = form.get_site(), []
    for number in range(count):
        pk = uuid.uuid4()
        made.append(
            Melding(
                id=pk,
                form=form,
                site=site,
                received_at=timezone.now() - timedelta(minutes=number),
                content=crypto.encrypt_json(
                    content_key,
                    {"probleemgebied": "ongewenst_gedrag", "wie": "ouder", "wat": "geheim"},
                    f"melding/{pk}",
                ),
                retention_days=365,
                **fields,
            )
        )
    Melding.objects.bulk_create(made)
    MeldingAccess.objects.bulk_create(
        MeldingAccess(melding=m, recipient=recipient, sealed_key=sealed) for m in made
    )
    return made


def rows(client, **params):
    response = client.get(index_url(), params)
    assert response.status_code == 200
    return list(response.context["object_list"])


def test_the_list_shows_waiting_and_due_filters_and_sorts(form, recipient):
    now = timezone.now()
    overdue = many(
        form,
        recipient,
        1,
        acknowledge_by=now - timedelta(days=1),
        waiting_since=now - timedelta(days=3, hours=1),
    )
    soon = many(form, recipient, 1, next_contact_by=timezone.localdate() + timedelta(days=1))
    later = many(
        form,
        recipient,
        1,
        acknowledge_by=now + timedelta(days=6),
        waiting_since=now - timedelta(hours=5),
    )
    closed = many(
        form,
        recipient,
        1,
        acknowledge_by=now - timedelta(days=30),
        status=MeldingStatus.AFGESLOTEN,
    )
    nothing = many(form, recipient, 1)
    client = enter(Client(), recipient)

    listed = {row.melding_id: row for row in rows(client)}
    assert listed[overdue[0].pk].due.overdue
    assert "3" in listed[overdue[0].pk].waiting
    assert listed[soon[0].pk].due.soon and listed[soon[0].pk].waiting == ""
    assert listed[later[0].pk].due.state == "later"
    assert listed[closed[0].pk].due is None and listed[nothing[0].pk].due is None
    html = client.get(index_url()).content.decode()
    from .channel import nl

    assert nl("Overdue") in html and nl("Due within 2 days") in html

    def ids(**params):
        return [row.melding_id for row in rows(client, **params)]

    assert ids(due="overdue") == [overdue[0].pk]
    assert ids(due="soon") == [soon[0].pk]
    assert set(ids(due="waiting")) == {overdue[0].pk, later[0].pk}
    assert ids(due="nonsense") and client.get(index_url(), {"due": "x"}).status_code == 200

    by_due = ids(ordering="due")
    assert by_due[:3] == [overdue[0].pk, soon[0].pk, later[0].pk]
    assert set(by_due[3:]) == {closed[0].pk, nothing[0].pk}  # no open deadline: last
    by_due_desc = ids(ordering="-due")
    assert by_due_desc[:3] == [later[0].pk, soon[0].pk, overdue[0].pk]
    assert ids(ordering="waiting")[:2] == [overdue[0].pk, later[0].pk]


def _count(client, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(index_url(), params)
    assert response.status_code == 200
    return len(captured), len(response.context["object_list"])


@pytest.mark.parametrize(
    "params", [{}, {"ordering": "due"}, {"due": "overdue"}, {"due": "waiting"}, {"due": "soon"}]
)
def test_the_list_costs_the_same_queries_for_one_or_twenty(form, recipient, params):
    client = enter(Client(), recipient)
    now = timezone.now()
    fields = {
        "acknowledge_by": now - timedelta(days=1),
        "next_contact_by": timezone.localdate() + timedelta(days=1),
        "feedback_by": now + timedelta(days=1),
        "waiting_since": now - timedelta(days=2),
    }
    many(form, recipient, 1, **fields)
    client.get(index_url(), params)  # warm the admin's caches first
    one, shown = _count(client, **params)
    assert shown == 1
    many(form, recipient, 19, **fields)
    twenty, shown = _count(client, **params)
    assert shown == 20
    assert twenty == one


def test_the_melding_page_shows_its_deadlines(form, recipient):
    from .channel import nl

    now = timezone.now()
    melding = many(form, recipient, 1, acknowledge_by=now - timedelta(hours=2))[0]
    client = enter(Client(), recipient)
    page = client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[melding.pk]))
    assert [d.kind for d in page.context["deadlines"]] == ["acknowledge"]
    html = page.content.decode()
    assert nl("Acknowledgement") in html and nl("Overdue") in html


def test_a_message_is_the_next_contact_and_clears_its_date(recipient, form):
    from wagtail_vertrouwen.channel.models import AuditAction, AuditEntry

    melding = submit(form, form.get_site(), answers())
    day = timezone.localdate() + timedelta(days=3)
    reader(recipient).set_next_contact(melding, day)
    client = enter(Client(), recipient)
    response = client.post(
        reverse("wagtail_vertrouwen_inbox:reply", args=[melding.pk]), {"text": "Hoe gaat het?"}
    )
    assert response.status_code == 302
    melding.refresh_from_db()
    assert melding.next_contact_by is None
    details = list(
        AuditEntry.objects.filter(action=AuditAction.DEADLINE_SET)
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == [day.isoformat(), ""]
    # A date set after the message stays until the next one.
    later = timezone.localdate() + timedelta(days=7)
    reader(recipient).set_next_contact(melding, later)
    melding.refresh_from_db()
    assert states(melding) == {"next_contact": "later"}
