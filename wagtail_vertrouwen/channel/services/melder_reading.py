"""What the melder reads in their mailbox, with the content key of their session
(``services.mailbox.Opened``): the melding as sent, its files, the conversation, and who can
read it. The recipients' side is ``services.reading``; both decrypt with the same content key.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import crypto, storage
from ..models import Bijlage
from ..policy import public_identity
from . import conversation


@dataclass
class ReaderInfo:
    """A recipient who can read the melding, as the melder sees her."""

    name: str
    #: When a colleague gave her access (a handover); None when it was sent to her.
    since: object = None


def answers(opened) -> dict:
    """The melding's answers as sent (including what only the recipients' tools use)."""
    melding = opened.melding
    return crypto.decrypt_json(opened.content_key, bytes(melding.content), melding.context)


def original_files(opened) -> list[conversation.BijlageInfo]:
    """The files sent with the melding itself, in their order."""
    return [
        conversation.bijlage_info(bijlage, opened.content_key)
        for bijlage in Bijlage.objects.filter(melding=opened.melding, message__isnull=True)
    ]


def file(opened, bijlage_id) -> conversation.BijlageInfo | None:
    """A file of this melding (sent with it or with a message), or None: a file of another
    melding is as absent as one that does not exist."""
    bijlage = Bijlage.objects.filter(melding=opened.melding, pk=bijlage_id).first()
    if bijlage is None:
        return None
    return conversation.bijlage_info(bijlage, opened.content_key)


def download(info: conversation.BijlageInfo):
    """The decrypted bytes of ``info``'s file, chunk by chunk (``FileNotFoundError`` when the
    stored object is gone)."""
    return storage.open_plaintext(info.bijlage.storage_name, info.key)


def messages(opened) -> list[conversation.Readable]:
    """The conversation, oldest first; each recipient's message gets ``author_name`` as the
    public form names her (name and work address, never the login name)."""
    readable = conversation.read(opened.melding, opened.content_key)
    from django.contrib.auth import get_user_model

    author_ids = {item.message.author_id for item in readable if item.message.author_id}
    authors = get_user_model()._default_manager.in_bulk(author_ids)
    for item in readable:
        author = authors.get(item.message.author_id)
        item.author_name = public_identity(author) if author is not None else ""
    return readable


def readers(melding) -> list[ReaderInfo]:
    """Who can read the melding now (``handover.parties``): those it was sent to, then those a
    colleague gave access, with since when. Not a copy sealed to a key its holder lost."""
    from .handover import parties

    return [
        ReaderInfo(name=public_identity(user), since=user.granted_at) for user in parties(melding)
    ]
