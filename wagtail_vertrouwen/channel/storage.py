"""Encrypted attachment storage over any Django storage (the file system, or S3 through
django-storages): only ciphertext is written, under a random name without extension.

Plaintext never touches a disk here: an upload arrives in memory (see
``forms.uploads.MemoryOnlyUploadHandler``), is encrypted chunk by chunk into a spooled buffer
that holds only ciphertext, and is decrypted chunk by chunk when a recipient downloads it.

A storage that cannot be reached (S3 down, a connection cut) raises ``Unavailable``, so that
the views can answer "try again in a moment" rather than report a fault. An object is written
before the row that names it is committed; when the process dies in between, the object is
left without a row, and ``stored_objects`` lets the daily purge find and remove it
(``services.submit.remove_orphan_objects``).
"""

import posixpath
import re
import secrets
import tempfile
from datetime import UTC

from django.core.files import File
from django.core.files.storage import storages
from django.utils import timezone

from . import conf, crypto

SPOOL_BYTES = 1024 * 1024


class Unavailable(Exception):
    """The storage could not be reached (for a moment, as far as we know)."""


def _unavailable_errors() -> tuple:
    """The exceptions that mean "not reachable" rather than "refused": the network's, and
    botocore's when django-storages' S3 backend is installed."""
    errors = [ConnectionError, TimeoutError]
    try:
        from botocore import exceptions as boto
    except ImportError:
        pass
    else:
        errors += [boto.ConnectionError, boto.HTTPClientError]
    return tuple(errors)


def _is_unavailable(error: Exception) -> bool:
    if isinstance(error, _unavailable_errors()):
        return True
    # S3 answering 5xx (503 SlowDown, 500 InternalError) is a passing state too.
    response = getattr(error, "response", None)
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode") if response else None
    return isinstance(status, int) and status >= 500


def attachment_storage():
    return storages[conf.get("ATTACHMENT_STORAGE")]


def new_storage_name() -> str:
    location = normalised_location() or conf.get("ATTACHMENT_LOCATION")
    return f"{location}/{secrets.token_hex(20)}"


def store(source, key: bytes) -> tuple[str, int]:
    """Encrypt ``source`` (a readable binary file) with ``key``; returns (name, stored bytes)."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES) as ciphertext:
        size = crypto.encrypt_stream(source, ciphertext, key)
        ciphertext.seek(0)
        try:
            name = attachment_storage().save(new_storage_name(), File(ciphertext, name="blob"))
        except Exception as error:
            if _is_unavailable(error):
                raise Unavailable(str(error)) from error
            raise
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


#: The name every attachment object is stored under, inside the location: 40 random hex
#: characters, no extension (``store``). Nothing else in the folder is ever looked at.
_OBJECT_NAME = re.compile(r"[0-9a-f]{40}")


def normalised_location() -> str | None:
    """``ATTACHMENT_LOCATION`` as the storage names it (``vertrouwen/``, ``./vertrouwen`` and
    ``vertrouwen`` are one folder), or None when it is the storage's top or outside it."""
    location = posixpath.normpath(conf.get("ATTACHMENT_LOCATION") or ".").strip("/")
    if location in ("", ".") or location.startswith(".."):
        return None
    return location


def stored_objects():
    """(name, last modified, as an aware UTC datetime) of every attachment object: only names
    of the channel's own form in its own folder, spelled as the rows name them."""
    location = normalised_location()
    if location is None:
        raise ValueError("ATTACHMENT_LOCATION is not a folder of its own")
    backend = attachment_storage()
    try:
        _folders, files = backend.listdir(location)
    except FileNotFoundError:  # the file system before the first attachment
        return
    for file_name in files:
        if not _OBJECT_NAME.fullmatch(file_name):
            continue
        name = f"{location}/{file_name}"
        try:
            modified = backend.get_modified_time(name)
        except FileNotFoundError:  # removed meanwhile
            continue
        if timezone.is_naive(modified):  # USE_TZ = False: the default time zone's time
            modified = timezone.make_aware(modified)
        yield name, modified.astimezone(UTC)
