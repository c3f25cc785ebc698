"""The SHA-256 of proof-of-work.js, run in Chromium, against known answers (issue 11, item 2).

The proof of work hashes in plain JavaScript (a midstate over the salt's whole blocks, then
only the tail per candidate) instead of ``crypto.subtle``. Here its digests are compared with
the test vectors of FIPS 180-4 and with Python's ``hashlib`` for salts of every length around
the block boundaries (where the digits and the padding spill into a second block) and numbers
of every count of digits; its search in the Web Worker is checked with challenges made and
verified by the ``altcha`` library, as the server does. No Django server is needed: the page
and the script are served by Playwright's request routing on a loopback address.

Its speed against ``crypto.subtle`` is a benchmark, not a test: docs/performance.md ("The
melding page on a phone") has the figures and how they were measured.
"""

import hashlib
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import altcha
import pytest

import wagtail_vertrouwen

SCRIPT = (
    Path(wagtail_vertrouwen.__file__).parent
    / "channel/static/wagtail_vertrouwen/js/proof-of-work.js"
).read_text()
#: Nothing listens here: Playwright answers every request itself.
ORIGIN = "http://127.0.0.1:9"
PAGE = "<!doctype html><html lang='en'><title>proof of work</title><script src='/pow.js'></script>"

#: FIPS 180-4 examples (and the million "a" of FIPS 180-2).
VECTORS = [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ),
    (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
        "lmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ),
    ("a" * 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
]


def _serve(route):
    if route.request.url.endswith("/pow.js"):
        route.fulfill(body=SCRIPT, content_type="text/javascript")
    else:
        route.fulfill(body=PAGE, content_type="text/html")


@pytest.fixture
def page(new_context):
    context = new_context()
    context.route(ORIGIN + "/**", _serve)
    page = context.new_page()
    page.goto(ORIGIN + "/")
    assert page.evaluate("typeof vwProofOfWork.sha256") == "function"
    return page


def js_sha256(page, pairs):
    """The script's hex digests of ``prefix + str(n)`` (only ``prefix`` where n is None)."""
    return page.evaluate("pairs => pairs.map(p => vwProofOfWork.sha256(p[0], p[1]))", pairs)


def in_worker(page, challenges):
    """The numbers the script's Web Worker finds for ``challenges`` (one worker each)."""
    return page.evaluate(
        """async challenges => {
          const found = [];
          for (const data of challenges) {
            const worker = new Worker("/pow.js");
            found.push(await new Promise(resolve => {
              worker.onmessage = event => resolve(event.data);
              worker.postMessage(data);
            }));
            worker.terminate();
          }
          return found;
        }""",
        challenges,
    )


def as_json(made, max_number):
    return {
        "algorithm": made.algorithm,
        "challenge": made.challenge,
        "maxnumber": max_number,
        "salt": made.salt,
        "signature": made.signature,
    }


def test_the_fips_test_vectors(page):
    assert js_sha256(page, [[text, None] for text, _ in VECTORS]) == [
        digest for _, digest in VECTORS
    ]


def test_salt_plus_number_as_hashlib_for_every_tail_layout(page):
    """Salts of 0 … 200 bytes (ASCII and multi-byte UTF-8) with numbers of 1 … 16 digits: the
    digits start in every position of a block, and the padding and length end up in the first
    or in a second tail block. Each number is hashed after others of other lengths, as in a
    search that crosses 9 → 10, 99 → 100 …, and once more after an unpadded digest."""
    rng = random.Random(11)
    numbers = [0, 9, 10, 99, 100, 12_345, 999_999, 1_000_000, 16_000_000]
    numbers += [rng.randrange(10**k) for k in range(1, 16)] + [2**53 - 1]
    pairs = []
    for length in range(201):
        salt = "".join(rng.choice("0123456789abcdef?=&") for _ in range(length))
        if length % 7 == 3:  # a multi-byte character: bytes, not characters, count
            salt = salt[: length // 2] + "é€😀" + salt[length // 2 :]
        pairs += [[salt, n] for n in numbers] + [[salt, None]]
    expected = [
        hashlib.sha256((s + ("" if n is None else str(n))).encode()).hexdigest() for s, n in pairs
    ]
    assert js_sha256(page, pairs) == expected


def test_one_hasher_for_a_run_of_numbers_as_hashlib(page):
    """The search's own path: one hasher for consecutive numbers across 9 → 10 … 9999 →
    10000, with an ALTCHA salt of the melding form (one tail block) and of a mailbox login
    (longer than a block)."""
    expires = datetime.now(UTC) + timedelta(hours=2)
    salts = [
        altcha.create_challenge_v1(hmac_key="k", max_number=10, expires=expires).salt,
        altcha.create_challenge_v1(
            hmac_key="k",
            max_number=10,
            expires=expires,
            params={"for": "mailbox-login", "form": "5f0c6c1e-2b1d-4c1a-9c8e-0d1f2e3a4b5c"},
        ).salt,
    ]
    for salt in salts:
        digests = page.evaluate(
            """salt => {
              const out = [];
              for (const n of [0, 1, 9, 10, 11, 99, 100, 101, 9999, 10000, 10001, 3]) {
                out.push(vwProofOfWork.sha256(salt, n));
              }
              return out;
            }""",
            salt,
        )
        numbers = [0, 1, 9, 10, 11, 99, 100, 101, 9999, 10000, 10001, 3]
        assert digests == [hashlib.sha256(f"{salt}{n}".encode()).hexdigest() for n in numbers]


def test_the_worker_solves_altcha_challenges_the_library_accepts(page):
    expires = datetime.now(UTC) + timedelta(hours=2)
    made = [
        altcha.create_challenge_v1(
            hmac_key="key", max_number=20_000, number=number, expires=expires, params=params
        )
        for number in (0, 9, 10, 12_345, 20_000)
        for params in (None, {"for": "mailbox-login", "form": "x" * 40, "level": "2"})
    ]
    answers = in_worker(page, [as_json(m, 20_000) for m in made])
    for challenge, answer in zip(made, answers, strict=True):
        payload = {**as_json(challenge, 20_000), "number": answer["number"]}
        del payload["maxnumber"]
        assert altcha.verify_solution_v1(payload, "key", check_expires=True) == (True, None)


def test_no_answer_beyond_maxnumber_or_for_another_algorithm(page):
    expires = datetime.now(UTC) + timedelta(hours=2)
    beyond = altcha.create_challenge_v1(
        hmac_key="k", max_number=5_000, number=5_001, expires=expires
    )
    sha1 = altcha.create_challenge_v1(
        hmac_key="k", algorithm="SHA-1", max_number=50, number=7, expires=expires
    )
    broken = {**as_json(beyond, 5_000), "challenge": "not hex"}
    answers = in_worker(page, [as_json(beyond, 5_000), as_json(sha1, 50), broken])
    assert answers == [{"number": None}] * 3
    # … and on the page, in slices, the same.
    assert (
        page.evaluate(
            "data => vwProofOfWork.search(data, 5, () => Promise.resolve())",
            as_json(beyond, 5_000),
        )
        is None
    )
    found = altcha.create_challenge_v1(
        hmac_key="k", max_number=5_000, number=4_321, expires=expires
    )
    assert (
        page.evaluate(
            "data => vwProofOfWork.search(data, 5, () => Promise.resolve())", as_json(found, 5_000)
        )
        == 4_321
    )
