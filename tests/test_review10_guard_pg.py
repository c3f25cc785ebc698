"""The adversarial review of issue 10: the guard tables under parallel requests. Meaningful on
PostgreSQL: DATABASE_URL=postgres://postgres@127.0.0.1:5432/review10_db."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from tests.channel import answers, page_challenge
from tests.factories import make_form, make_vp
from wagtail_vertrouwen.channel.models import GuardCount, Melding, SpentChallenge
from wagtail_vertrouwen.channel.services import challenge

THREADS = 8

#: SQLite's in-memory test database (shared cache) says "database table is locked" to threads:
#: a test artefact, not the behaviour of a file database. Run these on PostgreSQL.
pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL (DATABASE_URL)"
)


def parallel(work):
    barrier = threading.Barrier(THREADS)
    results, errors = [None] * THREADS, []

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


@pytest.mark.django_db(transaction=True)
def test_parallel_claims_of_one_solution():
    client = Client()
    form = make_form()
    make_vp("lezer", form)
    payload = page_challenge(client, form)
    results, errors = parallel(lambda _i: challenge.claim(payload))
    assert not errors, errors
    assert results.count(True) == 1
    assert SpentChallenge.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_parallel_counts_lose_nothing():
    results, errors = parallel(lambda _i: challenge.count_up("rate:x", 7, 60))
    assert not errors, errors
    assert sorted(results) == list(range(1, THREADS + 1))
    assert GuardCount.objects.get().count == THREADS


@pytest.mark.django_db(transaction=True)
def test_parallel_posts_of_one_melding_store_it_once_without_500():
    form = make_form()
    make_vp("lezer", form)
    data = {**answers(), "challenge": page_challenge(Client(), form)}
    url = reverse("wagtail_vertrouwen:melding_submit", args=[form.pk])
    host = form.get_site().hostname
    results, errors = parallel(lambda _i: Client().post(url, data, HTTP_HOST=host).status_code)
    assert not errors, errors
    assert 500 not in results, results
    assert Melding.objects.count() == 1, results
    assert results.count(200) == 1, results


@pytest.mark.django_db(transaction=True)
def test_parallel_distinct_meldingen_at_the_rate_limit(settings):
    form = make_form()
    make_vp("lezer", form)
    settings.WAGTAIL_VERTROUWEN_RATE_LIMIT_PER_HOUR = 3
    url = reverse("wagtail_vertrouwen:melding_submit", args=[form.pk])
    host = form.get_site().hostname
    payloads = [{**answers(), "challenge": page_challenge(Client(), form)} for _ in range(THREADS)]
    results, errors = parallel(
        lambda i: Client().post(url, payloads[i], HTTP_HOST=host).status_code
    )
    assert not errors, errors
    assert 500 not in results, results
    assert Melding.objects.count() <= 3, results
    assert connection.vendor in ("postgresql", "sqlite")
