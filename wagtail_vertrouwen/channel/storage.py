"""Encrypted attachment storage over any Django storage (the file system, or S3 through
django-storages): only ciphertext is written, under a random name without extension.

Plaintext never touches a disk here: an upload arrives in memory (see
``forms.uploads.MemoryOnlyUploadHandler``), is encrypted chunk by chunk into a spooled buffer
that holds only ciphertext, and is decrypted chunk by chunk when a recipient downloads it.
"""

import secrets
import tempfile

from django.core.files import File
from django.core.files.storage import storages

from . import conf, crypto

SPOOL_BYTES = 1024 * 1024


def attachment_storage():
    return storages[conf.get("ATTACHMENT_STORAGE")]


def new_storage_name() -> str:
    return f"{conf.get('ATTACHMENT_LOCATION')}/{secrets.token_hex(20)}"


def store(source, key: bytes) -> tuple[str, int]:
    """Encrypt ``source`` (a readable binary file) with ``key``; returns (name, stored bytes)."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as ciphertext:
        size = crypto.encrypt_stream(source, ciphertext, key)
        ciphertext.seek(0)
        name = attachment_storage().save(new_storage_name(), File(ciphertext, name="blob"))
    return name, size


def open_plaintext(name: str, key: bytes):
    """The decrypted bytes of a stored attachment, chunk by chunk. The object is opened at
    once, so a missing one raises here (FileNotFoundError), before any response starts."""
    ciphertext = attachment_storage().open(name, "rb")

    def chunks():
        with ciphertext:
            yield from crypto.decrypt_chunks(ciphertext, key)

    return chunks()


def delete(name: str) -> None:
    attachment_storage().delete(name)
