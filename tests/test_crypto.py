"""The crypto core of the confidential channel, attacked claim by claim (no database)."""

import io
import os

import pytest

from wagtail_vertrouwen.channel import crypto
from wagtail_vertrouwen.channel.crypto import FAST_KDF, DecryptionError, WrongSecret

MARKER = "MARKER-7f3a-geheim"


@pytest.fixture(scope="module")
def keys():
    return crypto.generate_recipient_keys("correct horse battery", limits=FAST_KDF)


def flip(data: bytes | str, index: int) -> bytes | str:
    if isinstance(data, str):
        raw = crypto._b64decode(data)
        return crypto._b64encode(raw[:index] + bytes([raw[index] ^ 1]) + raw[index + 1 :])
    return data[:index] + bytes([data[index] ^ 1]) + data[index + 1 :]


class TestRecipientKeys:
    def test_the_secret_opens_the_key(self, keys):
        private = crypto.unwrap_with_secret(keys.wrapped_by_secret, "correct horse battery")
        assert bytes(private.public_key) == keys.public_key

    def test_a_wrong_secret_does_not(self, keys):
        with pytest.raises(WrongSecret):
            crypto.unwrap_with_secret(keys.wrapped_by_secret, "correct horse batterY")

    def test_the_recovery_code_opens_the_key_however_it_is_typed(self, keys):
        sloppy = keys.recovery_code.lower().replace("-", " ").replace("0", "o")
        private = crypto.unwrap_with_recovery_code(keys.wrapped_by_recovery_code, sloppy)
        assert bytes(private.public_key) == keys.public_key

    def test_a_recovery_code_with_one_character_changed_does_not(self, keys):
        code = keys.recovery_code
        other = "A" if code[0] != "A" else "B"
        with pytest.raises(WrongSecret):
            crypto.unwrap_with_recovery_code(keys.wrapped_by_recovery_code, other + code[1:])

    @pytest.mark.parametrize("entered", ["", "1234", "U" * 32, "x" * 400])
    def test_text_that_is_no_recovery_code_is_refused(self, keys, entered):
        with pytest.raises(crypto.InvalidRecoveryCode):
            crypto.unwrap_with_recovery_code(keys.wrapped_by_recovery_code, entered)

    def test_recovery_codes_carry_160_bits_in_an_unambiguous_alphabet(self):
        codes = {crypto.new_recovery_code() for _ in range(200)}
        assert len(codes) == 200
        for code in codes:
            groups = code.split("-")
            assert len(groups) == 8 and all(len(group) == 4 for group in groups)
            assert not set(code) & set("ILOU")

    def test_each_wrapping_opens_only_with_its_own_kind_of_secret(self, keys):
        with pytest.raises(DecryptionError):
            crypto.unwrap_with_secret(keys.wrapped_by_recovery_code, keys.recovery_code)

    @pytest.mark.parametrize("index", [0, 1, 5, 14, 20, 40, -1])
    def test_any_changed_byte_of_a_wrapped_key_is_detected(self, keys, index):
        raw = crypto._b64decode(keys.wrapped_by_secret)
        with pytest.raises(DecryptionError):
            crypto.unwrap_with_secret(
                flip(keys.wrapped_by_secret, index % len(raw)), "correct horse battery"
            )

    def test_lowering_the_stored_cost_does_not_open_the_key(self):
        stronger = crypto.KdfLimits(opslimit=2, memlimit=FAST_KDF.memlimit)
        keys = crypto.generate_recipient_keys("s3cret", limits=stronger)
        raw = bytearray(crypto._b64decode(keys.wrapped_by_secret))
        raw[2:6] = (1).to_bytes(4, "big")  # opslimit 2 -> 1
        with pytest.raises(WrongSecret):
            crypto.unwrap_with_secret(crypto._b64encode(bytes(raw)), "s3cret")

    def test_password_change_keeps_the_key_and_retires_the_old_password(self, keys):
        new = crypto.change_secret(
            keys.wrapped_by_secret, "correct horse battery", "nieuw wachtwoord", FAST_KDF
        )
        assert bytes(crypto.unwrap_with_secret(new, "nieuw wachtwoord").public_key) == (
            keys.public_key
        )
        with pytest.raises(WrongSecret):
            crypto.unwrap_with_secret(new, "correct horse battery")
        with pytest.raises(WrongSecret):
            crypto.change_secret(keys.wrapped_by_secret, "fout", "x", FAST_KDF)

    def test_restore_with_recovery_code_issues_a_new_code(self, keys):
        restored = crypto.restore_with_recovery_code(
            keys.wrapped_by_recovery_code, keys.recovery_code, "nieuw", FAST_KDF
        )
        assert restored.public_key == keys.public_key
        assert restored.recovery_code != keys.recovery_code
        crypto.unwrap_with_recovery_code(restored.wrapped_by_recovery_code, restored.recovery_code)
        with pytest.raises(WrongSecret):
            crypto.unwrap_with_recovery_code(restored.wrapped_by_recovery_code, keys.recovery_code)

    def test_wrapped_keys_never_contain_the_private_key(self, keys):
        private = crypto.unwrap_with_secret(keys.wrapped_by_secret, "correct horse battery")
        for wrapped in (keys.wrapped_by_secret, keys.wrapped_by_recovery_code):
            assert bytes(private) not in crypto._b64decode(wrapped)


class TestMeldingContent:
    def test_round_trip(self):
        key = crypto.new_content_key()
        blob = crypto.encrypt_json(key, {"wat": MARKER, "wie": "ouder"}, "melding/1/answers")
        assert MARKER.encode() not in blob
        assert crypto.decrypt_json(key, blob, "melding/1/answers") == {
            "wat": MARKER,
            "wie": "ouder",
        }

    def test_a_ciphertext_cannot_move_to_another_field_or_melding(self):
        key = crypto.new_content_key()
        blob = crypto.encrypt_field(key, MARKER, "melding/1/name")
        for context in ("melding/1/contact", "melding/2/name", "melding/1/name "):
            with pytest.raises(DecryptionError):
                crypto.decrypt_field(key, blob, context)

    def test_another_key_cannot_read_it(self):
        blob = crypto.encrypt_field(crypto.new_content_key(), MARKER, "c")
        with pytest.raises(DecryptionError):
            crypto.decrypt_field(crypto.new_content_key(), blob, "c")

    @pytest.mark.parametrize("index", [0, 1, 10, 25, 30, -1])
    def test_any_changed_byte_is_detected(self, index):
        key = crypto.new_content_key()
        blob = crypto.encrypt_field(key, MARKER, "c")
        with pytest.raises(DecryptionError):
            crypto.decrypt_field(key, flip(blob, index % len(blob)), "c")

    def test_truncated_or_empty_ciphertext_is_refused(self):
        key = crypto.new_content_key()
        blob = crypto.encrypt_field(key, MARKER, "c")
        for broken in (b"", blob[:1], blob[:20], blob[:-1]):
            with pytest.raises(DecryptionError):
                crypto.decrypt_field(key, broken, "c")

    def test_the_same_text_encrypts_differently_each_time(self):
        key = crypto.new_content_key()
        assert crypto.encrypt_field(key, MARKER, "c") != crypto.encrypt_field(key, MARKER, "c")


class TestSealing:
    def test_only_the_designated_recipient_opens_the_content_key(self):
        alice = crypto.generate_recipient_keys("a", limits=FAST_KDF)
        bob = crypto.generate_recipient_keys("b", limits=FAST_KDF)
        content_key = crypto.new_content_key()
        sealed = crypto.seal_content_key(content_key, alice.public_key)
        alice_private = crypto.unwrap_with_secret(alice.wrapped_by_secret, "a")
        bob_private = crypto.unwrap_with_secret(bob.wrapped_by_secret, "b")
        assert crypto.open_content_key(sealed, alice_private) == content_key
        with pytest.raises(DecryptionError):
            crypto.open_content_key(sealed, bob_private)
        with pytest.raises(DecryptionError):
            crypto.open_content_key(flip(sealed, 30), alice_private)


def encrypt_bytes(data, key, chunk_size=crypto.CHUNK_SIZE):
    target = io.BytesIO()
    crypto.encrypt_stream(io.BytesIO(data), target, key, chunk_size)
    return target.getvalue()


def decrypt_bytes(blob, key, chunk_size=crypto.CHUNK_SIZE):
    target = io.BytesIO()
    crypto.decrypt_stream(io.BytesIO(blob), target, key, chunk_size)
    return target.getvalue()


class CountingWriter(io.BytesIO):
    def __init__(self):
        super().__init__()
        self.largest = 0

    def write(self, data):
        self.largest = max(self.largest, len(data))
        return super().write(data)


class TestAttachments:
    @pytest.mark.parametrize("size", [0, 1, 1000, crypto.CHUNK_SIZE, 3 * crypto.CHUNK_SIZE + 7])
    def test_round_trip_is_byte_identical(self, size):
        key = crypto.new_stream_key()
        data = os.urandom(size)
        blob = encrypt_bytes(data, key)
        assert decrypt_bytes(blob, key) == data

    def test_five_mebibytes_stream_in_chunks(self):
        key = crypto.new_stream_key()
        data = os.urandom(5 * 1024 * 1024)
        encrypted = CountingWriter()
        crypto.encrypt_stream(io.BytesIO(data), encrypted, key)
        assert encrypted.largest <= crypto.CHUNK_SIZE + 17 + 24 + 1
        decrypted = CountingWriter()
        crypto.decrypt_stream(io.BytesIO(encrypted.getvalue()), decrypted, key)
        assert decrypted.largest <= crypto.CHUNK_SIZE
        assert decrypted.getvalue() == data

    def test_the_marker_never_appears_in_the_ciphertext(self):
        data = (MARKER * 5000).encode()
        assert MARKER.encode() not in encrypt_bytes(data, crypto.new_stream_key())

    @pytest.mark.parametrize(
        "damage",
        [
            "final chunk dropped",
            "middle chunk dropped",
            "chunks swapped",
            "chunk repeated",
            "bytes appended",
            "header only",
            "nothing",
        ],
    )
    def test_truncation_reordering_and_trailing_data_are_detected(self, damage):
        key = crypto.new_stream_key()
        size = 16
        blob = encrypt_bytes(os.urandom(5 * size), key, size)
        head, step = blob[:25], size + 17
        parts = [blob[i : i + step] for i in range(25, len(blob), step)]
        assert len(parts) == 5 and decrypt_bytes(blob, key, size)
        broken = {
            "final chunk dropped": head + b"".join(parts[:-1]),
            "middle chunk dropped": head + b"".join(parts[:2] + parts[3:]),
            "chunks swapped": head + parts[1] + parts[0] + b"".join(parts[2:]),
            "chunk repeated": head + parts[0] + b"".join(parts),
            "bytes appended": blob + b"\x00",
            "header only": head,
            "nothing": b"",
        }[damage]
        with pytest.raises(DecryptionError):
            decrypt_bytes(broken, key, size)

    @pytest.mark.parametrize("where", ["version", "header", "first chunk", "last byte"])
    def test_any_changed_byte_is_detected(self, where):
        key = crypto.new_stream_key()
        blob = encrypt_bytes(os.urandom(100), key, 32)
        index = {"version": 0, "header": 10, "first chunk": 30, "last byte": len(blob) - 1}
        with pytest.raises(DecryptionError):
            decrypt_bytes(flip(blob, index[where]), key, 32)

    def test_another_key_cannot_read_it(self):
        blob = encrypt_bytes(b"x" * 100, crypto.new_stream_key())
        with pytest.raises(DecryptionError):
            decrypt_bytes(blob, crypto.new_stream_key())


class TestSessionUnlock:
    def test_the_session_alone_cannot_unlock_the_key(self, keys):
        private = crypto.unwrap_with_secret(keys.wrapped_by_secret, "correct horse battery")
        unlock = crypto.lock_for_session(private)
        assert bytes(private) not in crypto._b64decode(unlock.session_blob)
        again = crypto.unlock_from_session(unlock.session_blob, unlock.cookie_secret)
        assert bytes(again) == bytes(private)
        other = crypto.lock_for_session(private)
        with pytest.raises(DecryptionError):
            crypto.unlock_from_session(unlock.session_blob, other.cookie_secret)
        for bad_cookie in ("", "abc", "!!!!"):
            with pytest.raises(DecryptionError):
                crypto.unlock_from_session(unlock.session_blob, bad_cookie)


def test_only_this_module_imports_pynacl():
    from pathlib import Path

    package = Path(crypto.__file__).parent
    offenders = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "crypto.py"
        and ("import nacl" in path.read_text() or "from nacl" in path.read_text())
    ]
    assert offenders == []
