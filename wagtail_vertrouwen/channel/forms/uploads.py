"""Attachments as the melder sends them: kept in memory only, recognised by their content."""

import io
import re
import unicodedata
from dataclasses import dataclass

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image, UnidentifiedImageError

from .. import conf

#: What a melder may attach, decided by the bytes: photos, screenshots and PDFs.
ALLOWED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "application/pdf": "pdf",
}
IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
SNIFF_BYTES = 8192


class MemoryOnlyUploadHandler(MemoryFileUploadHandler):
    """Keep every upload in memory, whatever its size, so no plaintext reaches a temporary
    file. Bytes beyond the per-file or total limit are read and discarded, not kept: the file
    still arrives, with its true ``size``, so the form can say it is too large (I6)."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        super().handle_raw_input(input_data, META, content_length, boundary, encoding)
        self.activated = True  # also above FILE_UPLOAD_MAX_MEMORY_SIZE
        self.total = 0

    def new_file(self, *args, **kwargs):
        self.received = 0
        super().new_file(*args, **kwargs)  # raises StopFutureHandlers: it takes the file

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        self.total += len(raw_data)
        if self.received > conf.get("ATTACHMENT_MAX_BYTES") or self.total > conf.get(
            "ATTACHMENTS_TOTAL_MAX_BYTES"
        ):
            return None  # consumed and dropped; file_complete reports the real size
        return super().receive_data_chunk(raw_data, start)


@dataclass
class Upload:
    """A checked attachment, ready to be encrypted."""

    name: str
    content_type: str
    size: int
    file: io.BytesIO


def file_size_label(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size // 1024} kB"


def clean_name(name: str) -> str:
    """The name as the melder's device gave it, minus path parts and control characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isprintable()).strip()
    return cleaned[:200] or "bijlage"


#: A name's last extension, as Windows and browsers read it.
EXTENSION = re.compile(r"\.[^.]{1,16}$")
#: Characters no Windows file name may hold; a browser would replace them anyway.
RESERVED_CHARACTERS = re.compile(r'[<>:"/\\|?*]')
#: Names Windows gives to devices, with any extension.
RESERVED_NAMES = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))} | {
    f"LPT{n}" for n in range(1, 10)
}
MAX_STEM = 100
FALLBACK_STEM = "bijlage"


def _visible(ch: str) -> str:
    """Control and formatting characters go; any kind of space becomes a plain one."""
    kind = unicodedata.category(ch)
    if kind.startswith("C"):
        return ""
    return " " if kind.startswith("Z") else ch


def safe_name(name: str, content_type: str) -> str:
    """The name an attachment is stored and downloaded under: the melder's name, with the
    extension of what the content was found to be (``verklaring.bat`` holding a PDF becomes
    ``verklaring.pdf``), so it opens as what it is on the vertrouwenspersoon's computer.

    Formatting characters (such as U+202E, which shows ``fdp.exe`` as ``exe.pdf``), control
    characters, path parts, trailing dots and spaces (which Windows drops, so ``a.exe.``
    would run) and device names are removed; the name is cut to a sane length."""
    extension = ALLOWED_TYPES.get(content_type, "bin")
    base = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(_visible(ch) for ch in base)
    base = RESERVED_CHARACTERS.sub("_", base).rstrip(". ")
    stem = EXTENSION.sub("", base).strip(". ")  # the claimed type goes: the content decides
    stem = stem[:MAX_STEM].rstrip(". ")
    if not stem or stem.split(".")[0].upper() in RESERVED_NAMES:
        stem = FALLBACK_STEM
    return f"{stem}.{extension}"


def check_upload(uploaded) -> Upload:
    """Read one uploaded file and check its size and type by content."""
    name = clean_name(uploaded.name or "")
    limit = conf.get("ATTACHMENT_MAX_BYTES")
    data = uploaded.read(limit + 1)
    # ``uploaded.size`` is what arrived; ``data`` is what the upload handler kept. They differ
    # when the handler dropped bytes above a limit: then the file is too large, never cut off.
    if len(data) > limit or uploaded.size > limit or len(data) != uploaded.size:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s. Make it smaller, or leave it out."),
            code="too_large",
            params={"name": name, "limit": file_size_label(limit)},
        )
    if not data:
        raise ValidationError(_("“%(name)s” is empty."), code="empty", params={"name": name})
    kind = filetype.guess(data[:SNIFF_BYTES])
    content_type = kind.mime if kind else None
    if content_type not in ALLOWED_TYPES or not _content_is_sound(content_type, data):
        raise ValidationError(
            _(
                "“%(name)s” is not a photo, a screenshot or a PDF file. You can add JPEG, "
                "PNG, GIF, WebP and PDF files."
            ),
            code="type",
            params={"name": name},
        )
    return Upload(
        name=safe_name(uploaded.name or "", content_type),
        content_type=content_type,
        size=len(data),
        file=io.BytesIO(data),
    )


def _content_is_sound(content_type: str, data: bytes) -> bool:
    if content_type in IMAGE_TYPES:
        try:
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
        except (
            UnidentifiedImageError,
            Image.DecompressionBombError,
            OSError,
            ValueError,
            SyntaxError,
        ):
            return False  # a decompression bomb is no photo either
        return True
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-2048:]


def check_uploads(files) -> list[Upload]:
    """Check all attachments of one melding; every problem is reported, not only the first."""
    max_count = conf.get("ATTACHMENT_MAX_COUNT")
    if len(files) > max_count:
        raise ValidationError(
            ngettext(
                "You can add at most %(count)d file.",
                "You can add at most %(count)d files.",
                max_count,
            )
            % {"count": max_count},
            code="too_many",
        )
    total_limit = conf.get("ATTACHMENTS_TOTAL_MAX_BYTES")
    if sum(uploaded.size for uploaded in files) > total_limit:  # the sizes as sent
        raise ValidationError(
            _("The files together are larger than %(limit)s. Leave some out."),
            code="total_too_large",
            params={"limit": file_size_label(total_limit)},
        )
    uploads, errors = [], []
    for uploaded in files:
        try:
            uploads.append(check_upload(uploaded))
        except ValidationError as error:
            errors.append(error)
    if errors:
        raise ValidationError(errors)
    return uploads
