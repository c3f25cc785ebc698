"""50 melders at once while one part of the served site fails (issue 11, item 3).

Each test serves the example site for real (``stack.Stack``: gunicorn, the task worker,
PostgreSQL and S3 behind fault proxies, mail as files), lets 50 melders send meldingen through
the melding API and the form page (some with a photo) and some of them write a message from
their mailbox, and meanwhile breaks one thing:

- the S3 endpoint stops and comes back (a new moto process);
- PostgreSQL refuses connections, and cuts the open ones, for a second (twice);
- a gunicorn worker is killed (SIGKILL) in the middle of a request (three times);
- the task worker is killed (SIGKILL) while it runs a notification, and started again.

Afterwards (``check``): every confirmed melding and message is stored once, complete, and
readable with each recipient's private key; an error response stored nothing and said why, in
the melder's language, with the typed text kept on the form page; every melder got through in
the end; nothing is stored half (objects without rows, rows without objects, meldingen without
a key envelope per recipient); and each recipient got exactly one mail per melding, and one
per melding whose melder wrote, once the queue has drained: one Message-ID each (the send
ledger's, ``services.notices``), never a second mail of a notice under another. A second copy
of the same message (same Message-ID) is allowed only for a notification whose task the queue
shows as run again: its worker was killed after the mail server took the mail and before the
ledger row was committed, the one window the ledger leaves. Such copies are counted and
reported.
"""

import re
import threading
import time
import uuid
from collections import Counter

import pytest
from django.utils import translation

from .melders import Melders

pytestmark = pytest.mark.load

MELDERS = 50
#: Seconds after which the purge takes an attachment object without its row for an orphan.
ORPHAN_GRACE = 3


def run(stack, faults, *, file_every=3, spread=7.5):
    """Run the melders with ``faults(stack, clock, notes)`` in a thread beside them; returns
    (melders, notes, seconds)."""
    started = time.monotonic()
    melders = Melders(stack.base_url, stack.data, run_id=uuid.uuid4().hex[:6], started=started)
    notes = {}

    def clock():
        return time.monotonic() - started

    threads = [
        threading.Thread(
            target=melders.melder,
            args=(n,),
            kwargs={
                "start_at": n * spread / MELDERS,
                "via_form": n % 5 == 4,
                "with_file": n % file_every == 0,
                "writes": n % 2 == 1,
                "message_file": n % 4 == 1,
            },
            name=f"melder-{n}",
        )
        for n in range(MELDERS)
    ]
    breaker = threading.Thread(target=faults, args=(stack, clock, notes), name="faults")
    for thread in [*threads, breaker]:
        thread.start()
    for thread in [*threads, breaker]:
        thread.join(240)
    assert not any(t.is_alive() for t in [*threads, breaker]), "the scenario did not end"
    return melders, notes, clock()


# What may be said ----------------------------------------------------------------------------


def allowed_messages() -> set[str]:
    """Every refusal the melding and mailbox APIs and the form page may give under faults, in
    Dutch (the melders send ``Accept-Language: nl``)."""
    from wagtail_vertrouwen import unreachable
    from wagtail_vertrouwen.channel.views import api, form, mailbox_api

    found = set()
    with translation.override("nl"):
        for table in (api.REFUSALS, form.REFUSALS, mailbox_api.REFUSALS):
            found.update(str(message) for message in table.values())
        found.update(str(m) for m in (mailbox_api.FAULT, getattr(api, "UNAVAILABLE", "")))
        found.add(str(unreachable.MESSAGE))  # any page while the database is away
        for name in ("UNAVAILABLE", "CHALLENGE_INVALID"):
            for module in (api, form, mailbox_api):
                if hasattr(module, name):
                    found.add(str(getattr(module, name)))
    found.discard("")
    return found


# The checks ----------------------------------------------------------------------------------


def check(stack, melders, *, drain_seconds=60):
    """Everything the module's docstring promises; returns the verification and figures."""
    problems = []
    states = stack.wait_for_queue(drain_seconds)
    # The daily purge, with a short grace: it removes the objects that requests which died
    # before their commit left behind (and only those: checked below).
    last = max(e.at for e in melders.exchanges) + melders.started
    time.sleep(max(0.0, last + ORPHAN_GRACE + 1 - time.monotonic()))
    purged = stack.purge(ORPHAN_GRACE)
    found = re.search(r"removed (\d+) attachment object", purged)
    orphans_removed = int(found.group(1)) if found else 0
    verified = stack.run_site_json("verify")
    meldingen = verified["meldingen"]
    by_marker = Counter(m["wat"].split(" ", 1)[0] for m in meldingen)
    confirmed = [s for s in melders.stored if s.kind == "melding"]
    messages = [s for s in melders.stored if s.kind == "message"]
    no_response = {e.marker for e in melders.exchanges if e.status is None and e.marker}
    refused = {
        e.marker
        for e in melders.exchanges
        if e.purpose in {"melding", "message"} and e.status is not None and e.status >= 400
    }

    # Every melder got through in the end.
    problems += melders.gave_up
    writers = {n for n in range(MELDERS) if n % 2 == 1}
    if len(confirmed) != MELDERS:
        problems.append(f"{len(confirmed)} of {MELDERS} meldingen confirmed")
    if {s.melder for s in messages} != writers:
        problems.append(f"messages confirmed for {sorted(s.melder for s in messages)}")

    # Confirmed: stored once, complete, readable by each recipient (errors come from site.py).
    for melding in meldingen:
        for error in melding["errors"]:
            problems.append(f"melding {melding['wat'][:30]}: {error}")
        if len(melding["recipients"]) != 2:
            problems.append(f"melding {melding['wat'][:30]}: envelopes {melding['recipients']}")
    stored_by_marker = {m["wat"].split(" ", 1)[0]: m for m in meldingen}
    for stored in confirmed:
        count = by_marker.get(stored.marker, 0)
        if count != 1:
            problems.append(f"confirmed {stored.marker} stored {count} times")
            continue
        files = [(f["name"], f["sha256"]) for f in stored_by_marker[stored.marker]["files"]]
        if files != stored.files:
            problems.append(f"{stored.marker}: files {files} != sent {stored.files}")
    # Stored without a confirmation: only where the answer was lost with a killed worker.
    for marker in by_marker.keys() - {s.marker for s in confirmed}:
        if marker not in no_response:
            problems.append(f"{marker} stored, but its sender was told it was not")
    # Messages: a confirmed one once, with its file; a refused one not at all.
    written = Counter()
    written_files = {}
    for melding in meldingen:
        for message in melding.get("messages", []):
            if message["from_melder"]:
                written[message["text"]] += 1
                written_files[message["text"]] = [
                    (f["name"], f["sha256"]) for f in message["files"]
                ]
    for stored in messages:
        if written[stored.marker] != 1:
            problems.append(f"confirmed message {stored.marker} stored {written[stored.marker]}x")
        elif written_files[stored.marker] != stored.files:
            problems.append(f"message {stored.marker}: files {written_files[stored.marker]}")
    for marker in refused:
        if by_marker.get(marker) or written.get(marker):
            problems.append(f"{marker} was refused but stored")
    for marker in written.keys() - {s.marker for s in messages} - no_response:
        problems.append(f"message {marker} stored, but its sender was told it was not")

    # Every error answer said why, in Dutch; the form page kept the text.
    allowed = allowed_messages()
    for exchange in melders.exchanges:
        if exchange.status is None or exchange.status < 400:
            continue
        label = f"{exchange.purpose} ({exchange.via}) → {exchange.status}"
        if not exchange.messages:
            problems.append(f"{label} without a message: {exchange.body[:200]!r}")
        for message in exchange.messages:
            if message not in allowed:
                problems.append(f"{label}: unexpected message {message!r}")
        if exchange.via == "form" and exchange.purpose == "melding" and not exchange.kept_input:
            problems.append(f"{label}: the form came back without the typed text")
        # A part of the site that cannot be reached is no fault of the request: "try again in
        # a moment" (503, Retry-After), as the OpenAPI document says.
        if exchange.status != 503 or not exchange.retry_after:
            problems.append(f"{label}, Retry-After {exchange.retry_after}: not 503 with a wait")

    # Nothing stored half.
    for name in verified["orphan_objects"]:
        problems.append(f"an attachment object without its row: {name}")
    for name in verified["rows_without_object"]:
        problems.append(f"an attachment row without its object: {name}")

    # The queue drained; each recipient was told once per melding (and once per melding
    # whose melder wrote: one notice until the recipients read).
    if states.get("READY") or states.get("RUNNING") or states.get("FAILED"):
        problems.append(f"task queue not drained: {states} ({verified['tasks']})")
    copies = Counter(stack.mails())  # (recipient, subject, Message-ID): how many written
    messages_to = Counter((to, subject) for to, subject, _message_id in copies)
    subjects = stack.data["subjects"]
    with_messages = sum(
        1 for m in meldingen if any(x["from_melder"] for x in m.get("messages", []))
    )
    for to, subject, message_id in copies:
        if not re.fullmatch(r"<[0-9a-f]{32}@[^<>@\s]+>", message_id):
            problems.append(f"{to}: {subject!r} without the ledger's Message-ID: {message_id!r}")
    # Exactly one message per notice. A copy of the same message may go out only where its
    # task was run again because the worker was killed after the mail server took the mail
    # and before the ledger row was committed.
    duplicates = 0
    for recipient in stack.data["recipients"]:
        reruns = verified["reruns"].get(str(recipient["id"]), {})
        for kind, expected in (("new_melding", len(meldingen)), ("new_message", with_messages)):
            key = (recipient["email"], subjects[kind])
            got = messages_to[key]
            again = sum(n - 1 for (to, sub, _id), n in copies.items() if (to, sub) == key)
            duplicates += again
            if got != expected or again > reruns.get(f"notify_{kind}", 0):
                problems.append(
                    f"{recipient['email']}: {got} {kind} messages for {expected}, {again} "
                    f"sent twice (tasks run again: {reruns})"
                )

    figures = summary(melders, meldingen, verified)
    figures["orphans_removed_by_purge"] = orphans_removed
    figures["task_worker_crashes"] = stack.worker_crashes
    figures["notifications_run_again"] = verified["reruns"]
    figures["mails_sent_twice"] = duplicates
    assert not problems, "\n".join(problems[:60] + ["", str(figures), stack.log_text()[-15000:]])
    return verified, figures


def summary(melders, meldingen, verified) -> dict:
    statuses = Counter(
        f"{e.purpose}/{e.via}:{e.status if e.status is not None else 'no response'}"
        for e in melders.exchanges
    )
    return {
        "exchanges": len(melders.exchanges),
        "statuses": dict(sorted(statuses.items())),
        "meldingen": len(meldingen),
        "objects": verified["objects"],
        "tasks": verified["tasks"],
    }


def failed_during(melders, start, end) -> list:
    """The requests that were under way while the fault lasted and failed."""
    return [
        e
        for e in melders.exchanges
        if e.at <= end and e.done >= start and (e.status is None or e.status >= 500)
    ]


# The faults ----------------------------------------------------------------------------------


def test_s3_endpoint_stops_and_comes_back(stack):
    """S3 stops answering the moment it has stored an attachment (the app never hears so),
    moto is killed and started again about three seconds later with the bucket as it was."""

    def faults(stack, clock, notes):
        time.sleep(3)
        notes["at_an_upload"] = stack.s3_down_at_an_upload(timeout=5)
        notes["down_at"] = clock()
        notes["objects_carried"] = stack.restart_moto()
        time.sleep(max(0, notes["down_at"] + 3 - clock()))  # down for about three seconds
        stack.s3_proxy.accept()
        notes["up_at"] = clock()

    melders, notes, seconds = run(stack, faults, file_every=2)
    verified, figures = check(stack, melders)
    hit = failed_during(melders, notes["down_at"], notes["up_at"])
    print(f"\nS3 down {notes['down_at']:.1f}–{notes['up_at']:.1f} s; run {seconds:.1f} s")
    print(figures)
    assert notes["at_an_upload"] and hit, "the outage hit no request: the test proved nothing"
    assert figures["orphans_removed_by_purge"] >= 1, "the cut upload left no object behind"


def test_database_refuses_connections_for_a_second(stack):
    def faults(stack, clock, notes):
        notes["windows"] = []
        for at in (3, 6):
            time.sleep(max(0, at - clock()))
            start = clock()
            stack.db_proxy.refuse()
            time.sleep(1)
            stack.db_proxy.accept()
            notes["windows"].append((start, clock()))
        notes["cut"] = stack.db_proxy.cut

    melders, notes, seconds = run(stack, faults)
    verified, figures = check(stack, melders)
    print(f"\nDB refused {notes['windows']}, {notes['cut']} connections cut; run {seconds:.1f} s")
    print(figures)
    assert any(failed_during(melders, s, e) for s, e in notes["windows"]), "no request was hit"


def test_a_gunicorn_worker_killed_mid_request(stack):
    """Three kills: one just after S3 stored a worker's attachment (before its commit: the
    object is left without a row, for the purge to remove), two of a worker that is busy
    with the database in the middle of a request."""

    def faults(stack, clock, notes):
        notes["killed"] = []
        time.sleep(2)
        pid = stack.kill_gunicorn_worker_after_upload(timeout=5)
        notes["after_upload"] = pid
        if pid is not None:
            notes["killed"].append((round(clock(), 1), pid, "after its upload"))
        for at in (5, 7.5):
            time.sleep(max(0, at - clock()))
            pid = stack.busy_gunicorn_worker(timeout=3)
            if pid is not None:
                stack.kill_gunicorn_worker(pid)
                notes["killed"].append((round(clock(), 1), pid, "busy"))

    melders, notes, seconds = run(stack, faults)
    verified, figures = check(stack, melders)
    print(f"\nkilled gunicorn workers {notes['killed']}; run {seconds:.1f} s")
    print(figures)
    assert notes["after_upload"], "no worker was killed between its upload and its commit"
    assert len(notes["killed"]) == 3, "not every kill found a worker in the middle of a request"
    assert any(e.status is None for e in melders.exchanges), "no request lost its answer"
    assert figures["orphans_removed_by_purge"] >= 1, "the kill after an upload left no object"


def test_the_task_worker_killed_and_restarted(stack):
    def faults(stack, clock, notes):
        time.sleep(3)
        notes["running_at_kill"] = stack.kill_worker_mid_task(timeout=6)
        notes["killed_at"] = clock()
        time.sleep(1.5)
        stack.restart_worker()
        notes["restarted_at"] = clock()

    melders, notes, seconds = run(stack, faults)
    verified, figures = check(stack, melders, drain_seconds=90)
    print(
        f"\ntask worker killed at {notes['killed_at']:.1f} s with "
        f"{notes['running_at_kill']} task(s) running, back at {notes['restarted_at']:.1f} s; "
        f"run {seconds:.1f} s"
    )
    print(figures)
    assert notes["running_at_kill"], "the worker was not killed in the middle of a task"
