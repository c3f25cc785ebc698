"""The inbox list and the audit log as Wagtail listings (issue 7, weakness 11): every audit line
stays reachable by paging and filtering, so a co-recipient cannot bury an export or a deletion
under hundreds of "opened" lines; the inbox list costs the same queries for ten meldingen as for
ten thousand, and decrypts only the page it shows."""

import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.models import (
    AuditAction,
    AuditEntry,
    Melding,
    MeldingAccess,
    RecipientKey,
)
from wagtail_vertrouwen.channel.views.inbox import InboxView
from wagtail_vertrouwen.choices import Probleemgebied

from .channel import enter, send
from .factories import make_vp

INDEX = "wagtail_vertrouwen_inbox:index"
LOG = "wagtail_vertrouwen_inbox:audit_log"


def pages(client, url, **params):
    """Every row of a paged listing, following its pages as a person would."""
    rows, number = [], 1
    while True:
        response = client.get(reverse(url), {**params, "p": number})
        assert response.status_code == 200
        rows += list(response.context["object_list"])
        if not response.context["page_obj"].has_next():
            return rows
        number += 1


# The audit log -------------------------------------------------------------------------------


@pytest.fixture
def buried(form, recipient):
    """A co-recipient exported and deleted one melding, then opened another 600 times."""
    other = make_vp("tweede", form)
    for text in ("eerste", "tweede"):
        assert send(Client(), form, wat=text).status_code == 200
    first, second = Melding.objects.order_by("received_at")
    co = enter(Client(), other)
    assert co.get(reverse("wagtail_vertrouwen_inbox:export", args=[first.pk])).status_code == 200
    co.post(reverse("wagtail_vertrouwen_inbox:delete", args=[first.pk]), {"confirm": "on"})
    hidden = list(
        AuditEntry.objects.filter(
            melding_id=first.pk, action__in=[AuditAction.EXPORTED, AuditAction.DELETED]
        )
    )
    assert len(hidden) == 2
    AuditEntry.objects.filter(pk__in=[e.pk for e in hidden]).update(
        at=timezone.now() - timedelta(hours=1)
    )
    opened = AuditEntry.objects.bulk_create(
        AuditEntry(
            action=AuditAction.DECRYPTED,
            actor=other,
            actor_name=other.username,
            melding_id=second.pk,
            form=form,
        )
        for _ in range(600)
    )
    Readers = AuditEntry.readers.through
    Readers.objects.bulk_create(
        Readers(auditentry_id=entry.pk, user_id=user.pk)
        for entry in opened
        for user in (recipient, other)
    )
    return {"other": other, "first": first, "second": second, "hidden": hidden}


def test_an_export_and_a_deletion_cannot_be_buried_under_opened_lines(buried, recipient):
    client = enter(Client(), recipient)
    page = client.get(reverse(LOG))
    assert page.status_code == 200
    assert len(page.context["object_list"]) == 50  # a page, not a cut-off
    assert page.context["paginator"].count >= 602
    hidden = {entry.pk for entry in buried["hidden"]}
    assert not hidden & {entry.pk for entry in page.context["object_list"]}  # newest first
    # By paging: every line, the two oldest included, each exactly once.
    everything = pages(client, LOG)
    seen = [entry.pk for entry in everything]
    assert len(seen) == len(set(seen)) == page.context["paginator"].count
    assert hidden <= set(seen)
    # By filter: what happened, to which melding, by whom, when.
    for action in (AuditAction.EXPORTED, AuditAction.DELETED):
        found = pages(client, LOG, action=action)
        assert {e.action for e in found} == {action} and len(found) == 1
    about_first = pages(client, LOG, melding=buried["first"].pk)
    assert {e.action for e in about_first} >= {"received", "exported", "deleted"}
    assert {e.melding_id for e in about_first} == {buried["first"].pk}
    by_other = pages(client, LOG, actor=buried["other"].pk, action=[AuditAction.DELETED])
    assert [e.pk for e in by_other] == [e.pk for e in buried["hidden"] if e.action == "deleted"]
    exported = AuditEntry.objects.get(pk=buried["hidden"][0].pk)
    exported_at = timezone.localtime(exported.at).date()
    day = {"at_from": exported_at.isoformat(), "at_to": exported_at.isoformat()}
    dated = pages(client, LOG, action="exported", **day)
    assert len(dated) == 1
    before = {"at_to": (exported_at - timedelta(days=1)).isoformat()}
    assert pages(client, LOG, action="exported", **before) == []


def test_the_log_pages_sort_oldest_first_too(buried, recipient):
    client = enter(Client(), recipient)
    oldest = client.get(reverse(LOG), {"ordering": "at"}).context["object_list"]
    hidden = {entry.pk for entry in buried["hidden"]}
    assert {entry.pk for entry in oldest[:2]} == hidden  # an hour older than the rest
    times = [entry.at for entry in oldest]
    assert times == sorted(times)


def test_the_melding_page_shows_the_newest_lines_and_leads_to_all(buried, recipient):
    client = enter(Client(), recipient)
    second = buried["second"]
    page = client.get(reverse("wagtail_vertrouwen_inbox:detail", args=[second.pk]))
    html = page.content.decode()
    assert len(page.context["log"]) == 10 and page.context["log_count"] >= 601
    link = reverse(LOG) + f"?melding={second.pk}"
    assert link in html
    everything = pages(client, LOG, melding=second.pk)
    assert len(everything) == page.context["log_count"]


def test_the_log_filters_stay_within_what_the_recipient_may_see(buried, form):
    """A filter widens nothing: a stranger to the melding sees none of its lines."""
    from .factories import make_form, make_school

    stranger = make_vp("vreemde", make_form(make_school("ander.test", "Andere school")))
    client = enter(Client(), stranger)
    found = pages(client, LOG, melding=buried["first"].pk)
    assert found == []
    actors = client.get(reverse(LOG)).context["filters"].form.fields["actor"].queryset
    assert buried["other"] not in actors


def test_bad_filter_values_are_no_500(buried, recipient):
    client = enter(Client(), recipient)
    for params in (
        {"melding": "geen-uuid"},
        {"at_after": "gisteren"},
        {"actor": "999999"},
        {"action": "weggegooid"},
        {"p": "abc"},
        {"p": "99999"},
        {"ordering": "password"},
    ):
        assert client.get(reverse(LOG), params).status_code == 200, params
        assert client.get(reverse(INDEX), params).status_code == 200, params


def test_a_deletion_by_a_co_recipient_stays_in_the_others_log(form, recipient):
    other = make_vp("tweede", form)
    assert send(Client(), form, wat="verdwijnt").status_code == 200
    melding = Melding.objects.get()
    enter(Client(), other).post(
        reverse("wagtail_vertrouwen_inbox:delete", args=[melding.pk]), {"confirm": "on"}
    )
    log = enter(Client(), recipient).get(reverse(LOG))
    seen = {(e.action, e.actor_name) for e in log.context["object_list"]}
    assert (AuditAction.DELETED, "tweede") in seen and (AuditAction.RECEIVED, "") in seen


# The inbox list ------------------------------------------------------------------------------


def test_listing_writes_one_audit_line_however_many_meldingen(form, recipient):
    for number in range(3):
        send(Client(), form, wat=f"melding {number}")
    client = enter(Client(), recipient)
    before = AuditEntry.objects.count()
    client.get(reverse(INDEX))
    assert AuditEntry.objects.count() == before + 1
    assert AuditEntry.objects.latest("pk").detail == "3"


def many_meldingen(form, recipient, count, *, status="nieuw", read=False, answers=None):
    """``count`` meldingen sealed to ``recipient``, quickly: one content key sealed once, each
    melding's answers encrypted for its own id (the associated data binds them to it)."""
    content_key = crypto.new_content_key()
    sealed = crypto.seal_content_key(
        content_key, bytes(RecipientKey.objects.get(user=recipient).public_key)
    )
    answers = answers or {"probleemgebied": "ongewenst_gedrag", "wie": "leerling", "wat": "geheim"}
    site = form.get_site()
    now = timezone.now()
    meldingen = []
    for number in range(count):
        pk = uuid.uuid4()
        meldingen.append(
            Melding(
                id=pk,
                form=form,
                site=site,
                received_at=now - timedelta(minutes=number),
                content=crypto.encrypt_json(content_key, answers, f"melding/{pk}"),
                status=status,
                retention_days=365,
            )
        )
    Melding.objects.bulk_create(meldingen, batch_size=2000)
    MeldingAccess.objects.bulk_create(
        (
            MeldingAccess(
                melding=m, recipient=recipient, sealed_key=sealed, read_at=now if read else None
            )
            for m in meldingen
        ),
        batch_size=2000,
    )
    return meldingen


def queries(client, url, **params):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    response.queries = [query["sql"] for query in captured]
    return response, len(captured)


def test_the_list_takes_the_same_queries_for_ten_or_ten_thousand(form, recipient):
    client = enter(Client(), recipient)
    many_meldingen(form, recipient, 10)
    client.get(reverse(INDEX))  # warm caches of the admin (menus, site) first
    small, few = queries(client, reverse(INDEX))
    assert len(small.context["object_list"]) == 10
    # Session, user, device, permissions (2), profile, the gate (designation, key), count, page,
    # the audit line and its reader, locales, page and collection permissions for the menu.
    # The menu's "Meldingen" asks the gate's answer again (policy.request_is_recipient); the
    # session is not written (the unlock's last-seen time is renewed once a minute).
    assert few == 15, "\n".join(sql[:70] for sql in small.queries)
    assert not [sql for sql in small.queries if "django_session" in sql and "UPDATE" in sql]

    started = time.monotonic()
    many_meldingen(form, recipient, 9_990)
    made_in = time.monotonic() - started
    assert made_in < 60, made_in  # about 2 s on SQLite
    large, lots = queries(client, reverse(INDEX))
    assert lots == few
    rows = large.context["object_list"]
    assert len(rows) == 50 and large.context["paginator"].count == 10_000
    assert {str(row.gebied) for row in rows} == {str(Probleemgebied.ONGEWENST_GEDRAG.label)}
    assert AuditEntry.objects.filter(action=AuditAction.LISTED).latest("pk").detail == "50"

    second, on_page_two = queries(client, reverse(INDEX), p=2)
    assert on_page_two == few
    assert len(second.context["object_list"]) == 50
    assert not {r.pk for r in rows} & {r.pk for r in second.context["object_list"]}
    last = client.get(reverse(INDEX), {"p": 200})
    assert len(last.context["object_list"]) == 50 and not last.context["page_obj"].has_next()


def test_unread_first_then_by_date_and_the_status_filter(form, recipient):
    read_old = many_meldingen(form, recipient, 3, read=True)
    unread = many_meldingen(form, recipient, 2)
    closed = many_meldingen(form, recipient, 2, status="afgesloten")
    Melding.objects.filter(pk__in=[m.pk for m in unread]).update(
        received_at=timezone.now() - timedelta(days=30)  # older, but unread
    )
    client = enter(Client(), recipient)
    rows = client.get(reverse(INDEX)).context["object_list"]
    assert [r.unread for r in rows] == [True] * 4 + [False] * 3
    assert {r.melding.pk for r in rows[2:4]} == {m.pk for m in unread}  # unread, oldest last
    oldest_first = client.get(reverse(INDEX), {"ordering": "received"}).context["object_list"]
    times = [r.melding.received_at for r in oldest_first]
    assert times == sorted(times)
    newest_first = client.get(reverse(INDEX), {"ordering": "-received"}).context["object_list"]
    assert [r.pk for r in newest_first] == [r.pk for r in reversed(oldest_first)]
    only_closed = client.get(reverse(INDEX), {"status": "afgesloten"}).context["object_list"]
    assert {r.melding.pk for r in only_closed} == {m.pk for m in closed}
    assert read_old  # (the three read ones are last in the default order)


def test_the_listings_and_their_result_fragments_sit_behind_the_gate(form, recipient):
    urls = [
        reverse(INDEX),
        reverse("wagtail_vertrouwen_inbox:index_results"),
        reverse(LOG),
        reverse("wagtail_vertrouwen_inbox:audit_log_results"),
    ]
    outsider = Client()  # in the admin, with TOTP, but no recipient
    outsider.force_login(make_vp("buiten"))
    unverified = enter(Client(), recipient, otp=False, unlocked=False)
    locked = enter(Client(), recipient, unlocked=False)
    reader = enter(Client(), recipient)
    for url in urls:
        assert outsider.get(url).status_code == 404, url
        assert unverified.get(url).context["reason"] == "otp", url
        assert locked.get(url).context["reason"] == "unlock", url
        response = reader.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url


def test_the_default_order_is_read_from_an_index(form, recipient):
    """Unread first, then the last read: the first page of 10,000 comes from an index
    (``MeldingAccess.Meta.indexes``) instead of sorting them all (issue 11: 42 ms to 0.4 ms on
    PostgreSQL with 10,000)."""
    table = MeldingAccess._meta.db_table
    with connection.cursor() as cursor:
        index = connection.introspection.get_constraints(cursor, table)["vw_meldingaccess_inbox"]
    assert index["columns"] == ["recipient_id", "read_at", "id"]
    assert index["orders"] == ["ASC", "DESC", "DESC"]
    if connection.vendor != "postgresql":
        return
    many_meldingen(form, recipient, 2_000, read=True)
    many_meldingen(form, recipient, 100)
    with connection.cursor() as cursor:
        cursor.execute(f'ANALYZE "{table}"')
    first_page = (
        MeldingAccess.objects.filter(recipient=recipient)
        .select_related("melding", "melding__site")
        .order_by(*InboxView.orderings["unread"])[:50]
    )
    assert "vw_meldingaccess_inbox" in first_page.explain()
    assert all(access.read_at is None for access in first_page)


def test_read_meldingen_follow_the_unread_ones_the_last_read_on_top(form, recipient):
    first, second, third = many_meldingen(form, recipient, 3, read=True)
    unread = many_meldingen(form, recipient, 2)
    now = timezone.now()
    for melding, hours in ((first, 3), (second, 1), (third, 2)):
        MeldingAccess.objects.filter(melding=melding).update(read_at=now - timedelta(hours=hours))
    rows = enter(Client(), recipient).get(reverse(INDEX)).context["object_list"]
    assert [r.melding.pk for r in rows] == [
        unread[1].pk,  # the last to reach the inbox
        unread[0].pk,
        second.pk,  # read an hour ago
        third.pk,
        first.pk,
    ]


def test_each_cell_of_the_list_says_what_it_should_and_escapes_what_a_melder_wrote(form, recipient):
    """The cells are built in Python (``views.cells``), not by templates: the same words,
    links, marks, local times and escaping as a template gives."""
    from django.utils.formats import date_format

    from .channel import nl

    now = timezone.now()
    script = '<img src=x onerror="alert(1)">'
    urgent, plain, mine = (
        many_meldingen(
            form,
            recipient,
            1,
            answers={"probleemgebied": "huiselijk_geweld", "wie": "ouder", "over_medewerker": "ja"},
        )[0],
        many_meldingen(form, recipient, 1, read=True)[0],
        many_meldingen(form, recipient, 1, answers={"probleemgebied": script, "wie": script})[0],
    )
    waiting_since = now - timedelta(days=3)
    Melding.objects.filter(pk=urgent.pk).update(
        waiting_since=waiting_since, acknowledge_by=now - timedelta(hours=1)
    )
    form.get_site().__class__.objects.filter(pk=form.get_site().pk).update(
        site_name="<b>School</b>"
    )
    client = enter(Client(), recipient)
    html = client.get(reverse(INDEX)).content.decode()

    with translation.override("nl"), timezone.override("Europe/Amsterdam"):  # the admin's
        since = date_format(timezone.localtime(waiting_since), "DATETIME_FORMAT")
        received = date_format(timezone.localtime(urgent.received_at), "SHORT_DATETIME_FORMAT")
    detail = reverse("wagtail_vertrouwen_inbox:detail", args=[urgent.pk])
    # Unread: a link to the melding, marked; read: the link without the mark.
    assert f'<a href="{detail}"><strong>{nl("Unread")} · </strong>{received}</a>' in html
    read_link = reverse("wagtail_vertrouwen_inbox:detail", args=[plain.pk])
    assert f'<a href="{read_link}">' in html
    assert f'<a href="{read_link}"><strong>' not in html
    # Urgent, with both reasons in its title; the wait with its local start in the title.
    with translation.override("nl"):
        area = str(Probleemgebied.HUISELIJK_GEWELD.label)
    staff = nl("About someone who works at the school")
    assert (
        f'<strong class="vw-urgent" title="{area}; {staff}">{nl("Urgent")}</strong> · {area}'
        in html
    )
    assert f'<span title="{nl("Waiting for an answer since %(date)s") % {"date": since}}">' in html
    assert f'<strong class="vw-overdue">{nl("Overdue")}</strong>' in html
    # What a melder wrote, and a school's name, are text, never markup.
    assert script not in html and "<b>School</b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
    assert "&lt;b&gt;School&lt;/b&gt;" in html
    assert str(mine.pk) in html


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 3, 29, 0, 59, 59, tzinfo=UTC),  # just before summer time
        datetime(2026, 10, 25, 1, 30, tzinfo=UTC),  # the hour that repeats
        datetime(2026, 12, 31, 23, 5, 7, 123456, tzinfo=UTC),  # a new year there
    ],
)
def test_the_lists_dates_read_as_djangos_in_every_language_django_formats(moment):
    """``cells.local_format`` parses each format once; what it writes is ``date_format``'s,
    in every language Django has formats for (escaped letters such as Spanish "\\d\\e"
    included), in the local time zone."""
    from django.conf.locale import LANG_INFO
    from django.utils.formats import date_format

    from wagtail_vertrouwen.channel.views.cells import local_format

    kinds = ("DATETIME_FORMAT", "SHORT_DATETIME_FORMAT", "DATE_FORMAT", "SHORT_DATE_FORMAT")
    languages = [code for code, info in LANG_INFO.items() if "fallback" not in info]
    assert len(languages) > 90
    with timezone.override("Europe/Amsterdam"):
        for language in languages:
            with translation.override(language):
                for kind in kinds:
                    expected = date_format(timezone.localtime(moment), kind)
                    assert local_format(moment, kind) == expected, (language, kind)
                    day = timezone.localtime(moment).date()  # a date goes through Django
                    if kind in ("DATE_FORMAT", "SHORT_DATE_FORMAT"):
                        assert local_format(day, kind) == date_format(day, kind)


def test_a_python_column_reads_what_wagtails_column_reads():
    """``PythonColumn`` reads plain attributes itself and leaves the rest to Wagtail: a method
    is called, a key is looked up, a callable accessor is called, a missing value is empty."""
    from types import SimpleNamespace

    from wagtail.admin.ui.tables import Column

    from wagtail_vertrouwen.channel.views.cells import PythonColumn

    row = SimpleNamespace(
        melding=SimpleNamespace(status="open", label=lambda: "Open", answers={"wie": "ouder"})
    )
    for accessor in ("melding.status", "melding.label", "melding.answers.wie", "melding.nothing"):
        ours, wagtails = PythonColumn("x", accessor=accessor), Column("x", accessor=accessor)
        assert ours.get_value(row) == wagtails.get_value(row), accessor
    assert [
        PythonColumn("x", accessor=a).get_value(row)
        for a in ("melding.status", "melding.label", "melding.answers.wie", "melding.nothing")
    ] == ["open", "Open", "ouder", None]
    assert PythonColumn("x", accessor=lambda r: r.melding.status.upper()).get_value(row) == "OPEN"
