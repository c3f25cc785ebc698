"""The cryptography of the confidential melding channel: the only module that touches PyNaCl.

It implements the shape of DESIGN.md ("A crypto shape that satisfies I1-I3") with libsodium's
primitives only; nothing here is home-made cryptography:

- a recipient (vertrouwenspersoon) has an X25519 key pair; the private key is stored only
  *wrapped*: encrypted with a key derived by Argon2id from the recipient's secret, and again
  with a key derived from a one-time recovery code;
- each melding has a random content key; its fields are encrypted with XChaCha20-Poly1305
  (AEAD), bound by associated data to the melding and the field, and the content key is sealed
  (libsodium sealed box) to each recipient's public key;
- attachments are encrypted as a libsodium secretstream (XChaCha20-Poly1305) in chunks, each
  with its own random key, so neither side holds a whole file in memory;
- an unlocked private key is kept between requests only encrypted with a key that the
  browser's cookie holds;
- at most ``KDF_CONCURRENCY`` Argon2id derivations run at once in one process (``Busy`` when
  no slot frees up within ``KDF_WAIT_SECONDS``): each holds 64 MiB while it runs.

Stored formats start with a version byte, so parameters can change later. Text forms are
unpadded URL-safe base64. Exceptions never carry key material or plaintext.
"""

from __future__ import annotations

import base64
import json
import secrets
import struct
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import BinaryIO

import nacl.bindings as sodium
import nacl.encoding
import nacl.exceptions
import nacl.hash
import nacl.public
import nacl.pwhash.argon2id as argon2id
import nacl.utils

FORMAT_VERSION = 1
KEY_BYTES = 32
CHUNK_SIZE = 64 * 1024

_AEAD_NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
_STREAM_ABYTES = sodium.crypto_secretstream_xchacha20poly1305_ABYTES
_STREAM_HEADER_BYTES = sodium.crypto_secretstream_xchacha20poly1305_HEADERBYTES
_TAG_MESSAGE = sodium.crypto_secretstream_xchacha20poly1305_TAG_MESSAGE
_TAG_FINAL = sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL

_WRAP_BY_SECRET = 1
_WRAP_BY_RECOVERY_CODE = 2
_WRAP_HEADER = struct.Struct(">BBIQ")  # version, kind, opslimit, memlimit

#: Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
_RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_RECOVERY_ALIASES = {"I": "1", "L": "1", "O": "0"}
RECOVERY_CODE_BYTES = 20  # 160 bits


class CryptoError(Exception):
    """Base of this module's errors. Messages never contain secrets or plaintext."""


class DecryptionError(CryptoError):
    """Ciphertext that is damaged, truncated, reordered, for another key or another context."""


class WrongSecret(DecryptionError):
    """The password or recovery code does not open this wrapped key."""


class InvalidRecoveryCode(WrongSecret):
    """The text entered is not a recovery code at all."""


class Busy(Exception):
    """No key-derivation slot of this process came free within ``KDF_WAIT_SECONDS``: nothing
    was derived. Answer "try again in a moment" (503, ``Retry-After``). Not a ``CryptoError``
    on purpose: nothing is wrong with the secret or the data, and an ``except CryptoError``
    that means "this does not open" must not take it for a wrong code or passphrase."""


@dataclass(frozen=True)
class KdfLimits:
    """Argon2id cost. Stored with every wrapped key, so it can be raised for new keys."""

    opslimit: int
    memlimit: int


#: For the recipient's secret: 3 passes over 64 MiB (stronger than OWASP's minimum for
#: Argon2id, and fit for a login on a small server; see docs/reference/crypto.md).
DEFAULT_KDF = KdfLimits(opslimit=argon2id.OPSLIMIT_MODERATE, memlimit=argon2id.MEMLIMIT_INTERACTIVE)
#: For recovery codes, which carry 160 random bits: stretching adds nothing but time.
RECOVERY_KDF = KdfLimits(opslimit=argon2id.OPSLIMIT_MIN, memlimit=argon2id.MEMLIMIT_MIN)
#: For tests only.
FAST_KDF = KdfLimits(opslimit=argon2id.OPSLIMIT_MIN, memlimit=argon2id.MEMLIMIT_MIN)


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError) as error:
        raise DecryptionError("not a valid encoding") from error


def _aead_encrypt(key: bytes, plaintext: bytes, associated: bytes) -> bytes:
    nonce = nacl.utils.random(_AEAD_NONCE_BYTES)
    return nonce + sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
        plaintext, associated, nonce, key
    )


def _aead_decrypt(key: bytes, blob: bytes, associated: bytes) -> bytes:
    if len(blob) < _AEAD_NONCE_BYTES:
        raise DecryptionError("ciphertext too short")
    nonce, ciphertext = blob[:_AEAD_NONCE_BYTES], blob[_AEAD_NONCE_BYTES:]
    try:
        return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(ciphertext, associated, nonce, key)
    except nacl.exceptions.CryptoError as error:
        raise DecryptionError("cannot decrypt") from error


# Recipient keys ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RecipientKeys:
    """What a new recipient's key set-up produces. Show ``recovery_code`` once, store none."""

    public_key: bytes
    wrapped_by_secret: str
    wrapped_by_recovery_code: str
    recovery_code: str


def new_recovery_code() -> str:
    """160 random bits as eight groups of four characters, e.g. ``7KQ2-...``."""
    number = int.from_bytes(secrets.token_bytes(RECOVERY_CODE_BYTES), "big")
    characters = []
    for _ in range(RECOVERY_CODE_BYTES * 8 // 5):
        number, index = divmod(number, 32)
        characters.append(_RECOVERY_ALPHABET[index])
    code = "".join(reversed(characters))
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise_recovery_code(entered: str) -> str:
    """Accept what people type: any case, spaces or hyphens, I/L for 1 and O for 0."""
    cleaned = "".join(ch for ch in entered.upper() if ch not in " -\t\n")
    cleaned = "".join(_RECOVERY_ALIASES.get(ch, ch) for ch in cleaned)
    if len(cleaned) != RECOVERY_CODE_BYTES * 8 // 5 or any(
        ch not in _RECOVERY_ALPHABET for ch in cleaned
    ):
        raise InvalidRecoveryCode("that is not a recovery code")
    return cleaned


# Derivations at once ------------------------------------------------------------------------
#
# An Argon2id derivation holds its ``memlimit`` (64 MiB for a recipient's secret and a melder's
# code) for its whole run, about a tenth of a second, and libsodium runs it without Python's
# GIL: a process that serves requests on threads (gunicorn's gthread workers, runserver) runs as
# many at once as requests arrive, about 90 MiB of RSS each, so a burst of mailbox logins or
# meldingen from outside could exhaust the memory. A bounded semaphore per process caps them at
# ``KDF_CONCURRENCY``; a request that finds every slot taken waits up to ``KDF_WAIT_SECONDS`` and
# then gets ``Busy``. Per process, not per machine: size memory for processes x slots.

_slots_lock = threading.Lock()
#: One semaphore per configured size (in production only ever one; tests change the setting).
_slots: dict[int, threading.BoundedSemaphore] = {}


@contextmanager
def _derivation_slot():
    from . import conf  # conf imports this module

    concurrency, wait = conf.kdf_bounds()
    with _slots_lock:
        semaphore = _slots.get(concurrency)
        if semaphore is None:
            semaphore = _slots[concurrency] = threading.BoundedSemaphore(concurrency)
    if not semaphore.acquire(timeout=wait):
        raise Busy("every key-derivation slot of this process stayed taken")
    try:
        yield
    finally:
        semaphore.release()


def _derive(secret: bytes, salt: bytes, limits: KdfLimits, *, bounded: bool = True) -> bytes:
    """Argon2id; ``Busy`` when ``bounded`` and no slot came free in time (nothing derived)."""
    if not bounded:
        return _kdf(secret, salt, limits)
    with _derivation_slot():
        return _kdf(secret, salt, limits)


def _kdf(secret: bytes, salt: bytes, limits: KdfLimits) -> bytes:
    return argon2id.kdf(KEY_BYTES, secret, salt, opslimit=limits.opslimit, memlimit=limits.memlimit)


def _wrap(private_key: bytes, secret: bytes, kind: int, limits: KdfLimits) -> str:
    salt = nacl.utils.random(argon2id.SALTBYTES)
    header = _WRAP_HEADER.pack(FORMAT_VERSION, kind, limits.opslimit, limits.memlimit) + salt
    key = _derive(secret, salt, limits, bounded=_bounded(kind))
    sealed = _aead_encrypt(key, private_key, header)
    return _b64encode(header + sealed)


def _bounded(kind: int) -> bool:
    """Whether a derivation of this kind takes a slot. A recovery code's (``RECOVERY_KDF``:
    8 KiB, one pass) costs next to nothing, and runs right after a commit (``services.keys``
    opens the new recovery-code wrapping after storing it): refusing it there would lose a
    recovery code that was shown nowhere yet."""
    return kind != _WRAP_BY_RECOVERY_CODE


def _unwrap(wrapped: str, secret: bytes, kind: int) -> nacl.public.PrivateKey:
    blob = _b64decode(wrapped)
    start = _WRAP_HEADER.size + argon2id.SALTBYTES
    if len(blob) < start:
        raise DecryptionError("not a wrapped key")
    version, found_kind, opslimit, memlimit = _WRAP_HEADER.unpack_from(blob)
    if version != FORMAT_VERSION or found_kind != kind:
        raise DecryptionError("not a wrapped key of this kind")
    header, salt = blob[:start], blob[_WRAP_HEADER.size : start]
    try:
        key = _derive(secret, salt, KdfLimits(opslimit, memlimit), bounded=_bounded(kind))
    except (nacl.exceptions.CryptoError, ValueError) as error:  # absurd stored limits
        raise DecryptionError("not a wrapped key") from error
    try:
        return nacl.public.PrivateKey(_aead_decrypt(key, blob[start:], header))
    except DecryptionError as error:
        raise WrongSecret("the secret does not open this key") from error


def wrap_with_secret(
    private_key: nacl.public.PrivateKey, secret: str, limits: KdfLimits = DEFAULT_KDF
) -> str:
    """The private key encrypted with a key derived from the recipient's secret."""
    return _wrap(bytes(private_key), secret.encode("utf-8"), _WRAP_BY_SECRET, limits)


def wrap_with_recovery_code(private_key: nacl.public.PrivateKey, code: str) -> str:
    normalised = normalise_recovery_code(code).encode("ascii")
    return _wrap(bytes(private_key), normalised, _WRAP_BY_RECOVERY_CODE, RECOVERY_KDF)


def unwrap_with_secret(wrapped: str, secret: str) -> nacl.public.PrivateKey:
    return _unwrap(wrapped, secret.encode("utf-8"), _WRAP_BY_SECRET)


def unwrap_with_recovery_code(wrapped: str, code: str) -> nacl.public.PrivateKey:
    return _unwrap(wrapped, normalise_recovery_code(code).encode("ascii"), _WRAP_BY_RECOVERY_CODE)


def generate_recipient_keys(secret: str, limits: KdfLimits = DEFAULT_KDF) -> RecipientKeys:
    """A new key pair, wrapped with the recipient's secret and with a fresh recovery code."""
    private_key = nacl.public.PrivateKey.generate()
    code = new_recovery_code()
    return RecipientKeys(
        public_key=bytes(private_key.public_key),
        wrapped_by_secret=wrap_with_secret(private_key, secret, limits),
        wrapped_by_recovery_code=wrap_with_recovery_code(private_key, code),
        recovery_code=code,
    )


def change_secret(
    wrapped: str, old_secret: str, new_secret: str, limits: KdfLimits = DEFAULT_KDF
) -> str:
    """Re-wrap after a password change. The key pair, and so access to meldingen, stays."""
    return wrap_with_secret(unwrap_with_secret(wrapped, old_secret), new_secret, limits)


def restore_with_recovery_code(
    wrapped_by_recovery_code: str, code: str, new_secret: str, limits: KdfLimits = DEFAULT_KDF
) -> RecipientKeys:
    """Lost secret: open with the recovery code, wrap anew, and issue a new recovery code."""
    private_key = unwrap_with_recovery_code(wrapped_by_recovery_code, code)
    new_code = new_recovery_code()
    return RecipientKeys(
        public_key=bytes(private_key.public_key),
        wrapped_by_secret=wrap_with_secret(private_key, new_secret, limits),
        wrapped_by_recovery_code=wrap_with_recovery_code(private_key, new_code),
        recovery_code=new_code,
    )


# Meldingen --------------------------------------------------------------------------------


def new_content_key() -> bytes:
    return nacl.utils.random(KEY_BYTES)


def _field_context(context: str) -> bytes:
    return bytes([FORMAT_VERSION]) + b"wagtail-vertrouwen/field/" + context.encode("utf-8")


def encrypt_field(content_key: bytes, plaintext: str | bytes, context: str) -> bytes:
    """Encrypt one value. ``context`` (e.g. ``"melding/<uuid>/answers"``) must be given again
    to decrypt, so a ciphertext cannot be moved to another field or melding."""
    data = plaintext.encode("utf-8") if isinstance(plaintext, str) else plaintext
    return bytes([FORMAT_VERSION]) + _aead_encrypt(content_key, data, _field_context(context))


def decrypt_field(content_key: bytes, blob: bytes, context: str) -> bytes:
    if not blob or blob[0] != FORMAT_VERSION:
        raise DecryptionError("unknown format")
    return _aead_decrypt(content_key, blob[1:], _field_context(context))


def encrypt_json(content_key: bytes, document, context: str) -> bytes:
    return encrypt_field(content_key, json.dumps(document, ensure_ascii=False), context)


def decrypt_json(content_key: bytes, blob: bytes, context: str):
    return json.loads(decrypt_field(content_key, blob, context).decode("utf-8"))


def seal_content_key(content_key: bytes, public_key: bytes) -> bytes:
    """The content key, readable only with the private key of ``public_key``."""
    box = nacl.public.SealedBox(nacl.public.PublicKey(public_key))
    return bytes([FORMAT_VERSION]) + box.encrypt(content_key)


def open_content_key(sealed: bytes, private_key: nacl.public.PrivateKey) -> bytes:
    if not sealed or sealed[0] != FORMAT_VERSION:
        raise DecryptionError("unknown format")
    try:
        return nacl.public.SealedBox(private_key).decrypt(sealed[1:])
    except nacl.exceptions.CryptoError as error:
        raise DecryptionError("not sealed to this key") from error


# The melder's code -------------------------------------------------------------------------
#
# The melder gets a code once: 16 digits (about 53 bits), written as four groups of four, as
# GlobaLeaks does. One Argon2id derivation of it, with the installation's own salt, gives two
# keys through keyed BLAKE2b with different personalisations: a *lookup* value that the
# server stores to find the melding, and a *wrap* key that encrypts the melding's content key
# for the melder. Neither reveals the other, and the code itself is stored nowhere.

MELDER_CODE_DIGITS = 16
_MELDER_LOOKUP = b"vertrouwen-look"  # BLAKE2b personalisation: at most 16 bytes
_MELDER_WRAP = b"vertrouwen-wrap"
#: For the melder's code: 2 passes over 64 MiB, about 0.1 s on a small server, at every login.
MELDER_KDF = KdfLimits(
    opslimit=argon2id.OPSLIMIT_INTERACTIVE, memlimit=argon2id.MEMLIMIT_INTERACTIVE
)
INSTALLATION_SALT_BYTES = argon2id.SALTBYTES


class InvalidMelderCode(WrongSecret):
    """The text entered cannot be a melder's code (not 16 digits)."""


def new_melder_code() -> str:
    """16 random digits as four groups of four, e.g. ``0412 7785 3021 9954``."""
    digits = f"{secrets.randbelow(10**MELDER_CODE_DIGITS):0{MELDER_CODE_DIGITS}d}"
    return " ".join(digits[i : i + 4] for i in range(0, MELDER_CODE_DIGITS, 4))


def normalise_melder_code(entered: str) -> str:
    """The 16 digits of what a melder typed: spaces, hyphens, dots and other separators are
    ignored, and digits of any script count (Arabic-Indic ``٠١٢`` as ``012``).
    ``InvalidMelderCode`` for anything else."""
    import unicodedata

    if not isinstance(entered, str) or len(entered) > 100:
        raise InvalidMelderCode("that is not a code")
    digits = []
    for ch in entered:
        if ch.isspace() or ch in "-./_,\u2010\u2011\u2012\u2013\u2014\u2212":
            continue
        value = unicodedata.digit(ch, None)
        if value is None:
            raise InvalidMelderCode("that is not a code")
        digits.append(str(value))
    if len(digits) != MELDER_CODE_DIGITS:
        raise InvalidMelderCode("that is not a code")
    return "".join(digits)


@dataclass(frozen=True)
class MelderKeys:
    """``lookup`` is stored (hex) to find the melding; ``wrap_key`` is never stored."""

    lookup: str
    wrap_key: bytes


def melder_keys(code: str, installation_salt: bytes, limits: KdfLimits = MELDER_KDF) -> MelderKeys:
    """Both derivations of a melder's code; ``InvalidMelderCode`` when it is not one."""
    normalised = normalise_melder_code(code).encode("ascii")
    master = _derive(normalised, installation_salt, limits)
    lookup = nacl.hash.blake2b(
        b"", key=master, person=_MELDER_LOOKUP, digest_size=32, encoder=nacl.encoding.RawEncoder
    )
    wrap_key = nacl.hash.blake2b(
        b"",
        key=master,
        person=_MELDER_WRAP,
        digest_size=KEY_BYTES,
        encoder=nacl.encoding.RawEncoder,
    )
    return MelderKeys(lookup=lookup.hex(), wrap_key=wrap_key)


def wrap_content_key(content_key: bytes, wrap_key: bytes, context: str) -> bytes:
    """The content key for the melder, readable with ``wrap_key`` (from the code) only."""
    return encrypt_field(wrap_key, content_key, f"{context}/melder-key")


def unwrap_content_key(wrapped: bytes, wrap_key: bytes, context: str) -> bytes:
    return decrypt_field(wrap_key, wrapped, f"{context}/melder-key")


# Attachments ------------------------------------------------------------------------------


def new_stream_key() -> bytes:
    return sodium.crypto_secretstream_xchacha20poly1305_keygen()


def encrypt_stream(
    source: BinaryIO, target: BinaryIO, key: bytes, chunk_size: int = CHUNK_SIZE
) -> int:
    """Encrypt ``source`` into ``target`` chunk by chunk; returns the bytes written.

    Layout: version byte, secretstream header, then one ciphertext per chunk of ``chunk_size``
    plaintext bytes (the last one shorter, tagged FINAL). An empty file is one FINAL chunk.
    """
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    header = sodium.crypto_secretstream_xchacha20poly1305_init_push(state, key)
    written = target.write(bytes([FORMAT_VERSION]) + header)
    chunk = source.read(chunk_size)
    while True:
        following = source.read(chunk_size)
        tag = _TAG_MESSAGE if following else _TAG_FINAL
        written += target.write(
            sodium.crypto_secretstream_xchacha20poly1305_push(state, chunk, tag=tag)
        )
        if not following:
            return written
        chunk = following


def decrypt_chunks(source: BinaryIO, key: bytes, chunk_size: int = CHUNK_SIZE):
    """Yield the plaintext of what ``encrypt_stream`` wrote, chunk by chunk, each one
    authenticated before it is yielded.

    Raises ``DecryptionError`` for a wrong key, any changed byte, chunks dropped, reordered or
    repeated, a missing final chunk (truncation), or data after it. Chunks already yielded
    before the error must then be discarded by the caller.
    """
    start = source.read(1 + _STREAM_HEADER_BYTES)
    if len(start) != 1 + _STREAM_HEADER_BYTES or start[0] != FORMAT_VERSION:
        raise DecryptionError("not an encrypted attachment")
    state = sodium.crypto_secretstream_xchacha20poly1305_state()
    try:
        sodium.crypto_secretstream_xchacha20poly1305_init_pull(state, start[1:], key)
    except (nacl.exceptions.CryptoError, ValueError) as error:
        raise DecryptionError("cannot decrypt") from error
    while True:
        ciphertext = source.read(chunk_size + _STREAM_ABYTES)
        if not ciphertext:
            raise DecryptionError("the attachment is truncated")
        try:
            plaintext, tag = sodium.crypto_secretstream_xchacha20poly1305_pull(state, ciphertext)
        except (nacl.exceptions.CryptoError, ValueError) as error:
            raise DecryptionError("cannot decrypt") from error
        if tag not in (_TAG_MESSAGE, _TAG_FINAL):
            raise DecryptionError("unexpected chunk")
        if tag == _TAG_FINAL and source.read(1):
            raise DecryptionError("data after the end of the attachment")
        yield plaintext
        if tag == _TAG_FINAL:
            return


def decrypt_stream(
    source: BinaryIO, target: BinaryIO, key: bytes, chunk_size: int = CHUNK_SIZE
) -> int:
    """Decrypt what ``encrypt_stream`` wrote into ``target``; returns the bytes written.

    Raises ``DecryptionError`` as ``decrypt_chunks`` does; plaintext already written to
    ``target`` before the error must then be discarded by the caller.
    """
    return sum(target.write(chunk) for chunk in decrypt_chunks(source, key, chunk_size))


# Session unlock ---------------------------------------------------------------------------

_SESSION_CONTEXT = bytes([FORMAT_VERSION]) + b"wagtail-vertrouwen/session-key"


@dataclass(frozen=True)
class SessionUnlock:
    """``cookie_secret`` goes only to the browser; ``session_blob`` only to the session."""

    cookie_secret: str
    session_blob: str


def lock_for_session(private_key: nacl.public.PrivateKey) -> SessionUnlock:
    """Keep an unlocked key between requests without it being readable from the session."""
    cookie_key = nacl.utils.random(KEY_BYTES)
    blob = _aead_encrypt(cookie_key, bytes(private_key), _SESSION_CONTEXT)
    return SessionUnlock(cookie_secret=_b64encode(cookie_key), session_blob=_b64encode(blob))


def unlock_from_session(session_blob: str, cookie_secret: str) -> nacl.public.PrivateKey:
    cookie_key = _b64decode(cookie_secret)
    if len(cookie_key) != KEY_BYTES:
        raise DecryptionError("not a session key")
    return nacl.public.PrivateKey(
        _aead_decrypt(cookie_key, _b64decode(session_blob), _SESSION_CONTEXT)
    )


# The melder's mailbox session ----------------------------------------------------------------

_MAILBOX_CONTEXT = bytes([FORMAT_VERSION]) + b"wagtail-vertrouwen/mailbox-session"


def lock_content_key(content_key: bytes) -> SessionUnlock:
    """Keep a melder's opened content key between requests: the server keeps only
    ``session_blob``; ``cookie_secret`` (or the API token) goes only to the melder."""
    cookie_key = nacl.utils.random(KEY_BYTES)
    blob = _aead_encrypt(cookie_key, content_key, _MAILBOX_CONTEXT)
    return SessionUnlock(cookie_secret=_b64encode(cookie_key), session_blob=_b64encode(blob))


def unlock_content_key(session_blob: str, cookie_secret: str) -> bytes:
    cookie_key = _b64decode(cookie_secret)
    if len(cookie_key) != KEY_BYTES:
        raise DecryptionError("not a session key")
    return _aead_decrypt(cookie_key, _b64decode(session_blob), _MAILBOX_CONTEXT)
