"""The OpenAPI 3.1 description of the melding submission endpoint and the melder's mailbox."""

from ..choices import Probleemgebied
from . import conf
from .forms.melding import (
    ANDERS_GEBIED,
    MAX_LONG_TEXT,
    MAX_MEDIUM_TEXT,
    MAX_SHORT_TEXT,
    OTHER_LANGUAGE,
    SHIPPED_LANGUAGES,
    ContactWens,
    OverMedewerker,
    Wie,
)
from .forms.uploads import ALLOWED_TYPES


def _text(max_length, description):
    return {"type": "string", "maxLength": max_length, "description": description}


def document(server: str = "/") -> dict:
    answers = {
        "type": "object",
        "required": ["probleemgebied", "wie", "wat", "contact", "challenge"],
        "properties": {
            "probleemgebied": {"type": "string", "enum": [*Probleemgebied.values, ANDERS_GEBIED]},
            "wie": {"type": "string", "enum": Wie.values},
            "taal": {
                "type": "string",
                "enum": ["", *SHIPPED_LANGUAGES, OTHER_LANGUAGE],
                "description": (
                    "Optional: the language the melder wrote in (stored encrypted with the "
                    "answers). Omitted: the language of the form's version ('initial' in GET); "
                    "empty: not said."
                ),
            },
            "wat": {**_text(MAX_LONG_TEXT, "What happened; not blank."), "minLength": 1},
            "wanneer": _text(MAX_SHORT_TEXT, "When it happened."),
            "betrokkenen": _text(MAX_MEDIUM_TEXT, "Who was involved."),
            "wens": _text(MAX_MEDIUM_TEXT, "What the melder would like to happen."),
            "over_medewerker": {
                "type": "string",
                "enum": ["", *OverMedewerker.values],
                "description": "Optional: is it about someone who works at the school?",
            },
            "contact": {"type": "string", "enum": ContactWens.values},
            "naam": _text(MAX_SHORT_TEXT, "Optional name; empty for an anonymous melding."),
            "email": {"type": "string", "format": "email", "maxLength": 254},
            "telefoon": _text(40, "Required when contact is 'telefoon'."),
            "niet_naar": {
                "type": "string",
                "description": "Id of one recipient (from GET) who must not receive it.",
            },
            "bevestiging_email": {
                "type": "string",
                "format": "email",
                "maxLength": 254,
                "description": "Gets a confirmation without content; not stored.",
            },
            "website": {
                "type": "string",
                "maxLength": 0,
                "description": "Honeypot: must be empty.",
            },
            "challenge": {
                "type": "string",
                "maxLength": 2000,
                "description": (
                    "Base64 of the JSON object {algorithm, challenge, number, salt, signature} "
                    "that solves the ALTCHA v1 challenge from GET (number an integer, the "
                    "others strings). Used up only when the melding is stored."
                ),
            },
        },
    }
    multipart = {
        "allOf": [
            answers,
            {
                "type": "object",
                "properties": {
                    "bijlagen": {
                        "type": "array",
                        "maxItems": conf.get("ATTACHMENT_MAX_COUNT"),
                        "items": {"type": "string", "format": "binary"},
                        "description": "JPEG, PNG, GIF, WebP or PDF, recognised by content.",
                    }
                },
            },
        ]
    }
    errors = {
        "description": "Rejected; translated messages per field ('__all__' for the whole melding).",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "errors": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                        }
                    },
                }
            }
        },
    }
    unavailable = unavailable_response(errors)
    # The ids the URLs take (``urls.PageIdConverter``): any other is no URL of this API.
    page_id = {
        "name": "page_id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1},
    }
    received = {
        "type": "object",
        "required": ["received", "message", "code", "mailbox_url"],
        "properties": {
            "received": {"type": "boolean"},
            "message": {"type": "string"},
            "code": {
                "type": "string",
                "pattern": "^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$",
                "description": "The melder's code: 16 digits in four groups. Shown once.",
            },
            "mailbox_url": {
                "type": "string",
                "format": "uri",
                "description": "The mailbox page on the school's site, to log in with the code.",
            },
            "mailbox_api_url": {"type": "string", "format": "uri"},
        },
    }
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "wagtail-vertrouwen melding API",
            "version": "1",
            "description": (
                "Submit a confidential melding. It is encrypted on arrival for the "
                "designated vertrouwenspersonen and for the melder's code, which the response "
                "carries once. Only with that code (the mailbox endpoints) can the melder read "
                "it back, follow the conversation and reply."
            ),
        },
        "servers": [{"url": server.rstrip("/")}],
        "paths": {
            "/api/meldingen/{page_id}/": {
                "parameters": [page_id],
                "get": {
                    "summary": (
                        "Choices, limits and a fresh proof-of-work challenge for a melding form"
                    ),
                    "responses": {
                        "200": {
                            "description": (
                                "What a client needs to show the form: the choices, what the "
                                "form preselects, the limits, a challenge, and `readers`, every "
                                "person who can read a melding sent now (name and role): a "
                                "client must show them before the melder writes."
                            )
                        },
                        "404": {"description": "No live melding form with this id."},
                        "503": unavailable,
                    },
                },
                "post": {
                    "summary": "Send a melding",
                    "requestBody": {
                        "required": True,
                        "content": {
                            "application/json": {"schema": answers},
                            "multipart/form-data": {"schema": multipart},
                        },
                    },
                    "responses": {
                        "201": {
                            "description": (
                                "Stored and the recipients notified. The melder's code is in "
                                "this response only: show it once and tell the melder to "
                                "write it down; it cannot be recovered."
                            ),
                            "content": {"application/json": {"schema": received}},
                        },
                        "400": errors,
                        "404": {"description": "No live melding form with this id."},
                        "413": errors,
                        "409": errors,
                        "415": errors,
                        "429": errors,
                        "500": {
                            **errors,
                            "description": (
                                "A fault on our side; nothing was stored. The same proof of "
                                "work may be sent again."
                            ),
                        },
                        "503": {
                            **unavailable,
                            "description": (
                                "Nothing was stored. Either the form cannot receive meldingen "
                                "yet (it has no recipients; no `Retry-After`), or "
                                + UNAVAILABLE_DESCRIPTION
                            ),
                        },
                    },
                },
            }
        },
    }
    document["paths"].update(mailbox_paths(errors, page_id))
    document["components"] = {
        "securitySchemes": {
            "mailbox": {
                "type": "http",
                "scheme": "bearer",
                "description": "The token from POST /api/postvak/{page_id}/login.",
            }
        }
    }
    return document


#: When the database or the attachment storage cannot be reached, or the server is busy
#: deriving keys (``views.api.unavailable``).
UNAVAILABLE_DESCRIPTION = (
    "the database or the attachment storage cannot be reached for a moment, or the server is "
    "too busy deriving keys (melding, mailbox login): nothing was stored or changed. Send the "
    "same request again after the seconds in `Retry-After`; the melding endpoint adds a new "
    "`challenge` to solve for it (a solution sent with the failed request may stay held for a "
    "few minutes)."
)


def unavailable_response(errors: dict) -> dict:
    return {
        "description": UNAVAILABLE_DESCRIPTION[0].upper() + UNAVAILABLE_DESCRIPTION[1:],
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before sending again.",
                "schema": {"type": "integer", "minimum": 1},
            }
        },
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {
                        **errors["content"]["application/json"]["schema"]["properties"],
                        "challenge": {
                            "type": "object",
                            "description": "A new ALTCHA v1 challenge (melding endpoint only).",
                        },
                    },
                }
            }
        },
    }


def _json_body(schema):
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def mailbox_paths(errors: dict, page_id: dict) -> dict:
    """The melder's mailbox (``views/mailbox_api.py``)."""
    challenge_object = {
        "type": "object",
        "description": (
            "An ALTCHA v1 challenge {algorithm, challenge, maxnumber, salt, signature}: find "
            "the number n <= maxnumber with hash(salt + n) = challenge."
        ),
    }
    solution = {
        "type": "string",
        "maxLength": 2000,
        "description": (
            "Base64 of the JSON object {algorithm, challenge, number, salt, signature} that "
            "solves the challenge. Each is used once."
        ),
    }
    bijlage_id = {
        "name": "bijlage_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string", "format": "uuid"},
    }
    bearer = [{"mailbox": []}]
    unauthorised = {
        **errors,
        "description": "No session, or it ended (idle, too old, logged out) or is of another form.",
    }
    not_here = {"description": "No live, public, receiving melding form with this id."}
    unavailable = unavailable_response(errors)
    attachment = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "name": {"type": "string"},
            "content_type": {"type": "string"},
            "size": {"type": "integer"},
            "url": {"type": "string"},
        },
    }
    message = {
        "type": "object",
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "position": {"type": "integer"},
            "kind": {"type": "string", "enum": ["message", "identity"]},
            "from_melder": {"type": "boolean"},
            "author": {"type": "string", "description": "The vertrouwenspersoon's name."},
            "sent_at": {"type": "string", "format": "date-time"},
            "read_at": {
                "type": ["string", "null"],
                "format": "date-time",
                "description": "When the other side first read it.",
            },
            "text": {"type": "string"},
            "details": {"type": "object", "additionalProperties": {"type": "string"}},
            "attachments": {"type": "array", "items": attachment},
        },
    }
    date = {"type": ["string", "null"], "format": "date-time"}
    text_message = {
        "type": "object",
        "required": ["challenge"],
        "properties": {
            "kind": {"type": "string", "enum": ["message", "identity"], "default": "message"},
            "text": {
                "type": "string",
                "maxLength": 10_000,
                "description": "Required (non-blank) unless files are sent.",
            },
            "details": {
                "type": "object",
                "description": "For kind 'identity': at least one of naam, email, telefoon.",
                "properties": {
                    "naam": {"type": "string", "maxLength": 200},
                    "email": {"type": "string", "format": "email", "maxLength": 254},
                    "telefoon": {"type": "string", "maxLength": 40},
                },
            },
            "challenge": solution,
        },
    }
    with_files = {
        "type": "object",
        "required": ["challenge"],
        "properties": {
            "text": {"type": "string", "maxLength": 10_000},
            "challenge": solution,
            "bijlagen": {
                "type": "array",
                "maxItems": conf.get("ATTACHMENT_MAX_COUNT"),
                "items": {"type": "string", "format": "binary"},
                "description": "JPEG, PNG, GIF, WebP or PDF, recognised by content.",
            },
        },
    }
    return {
        "/api/postvak/{page_id}/login": {
            "parameters": [page_id],
            "get": {
                "summary": "A login challenge at the current difficulty",
                "description": (
                    "The difficulty grows with recent wrong codes at this form and at the "
                    "installation (no IP address is counted)."
                ),
                "responses": {
                    "200": {
                        "description": "A challenge to solve before logging in.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "challenge": challenge_object,
                                        "code_digits": {"type": "integer"},
                                    },
                                }
                            }
                        },
                    },
                    "404": not_here,
                    "405": errors,
                    "503": unavailable,
                },
            },
            "post": {
                "summary": "Log in to the mailbox with the melder's code",
                "requestBody": _json_body(
                    {
                        "type": "object",
                        "required": ["code", "challenge"],
                        "properties": {
                            "code": {
                                "type": "string",
                                "maxLength": 100,
                                "description": "16 digits; spaces, dashes and any script's "
                                "digits are accepted.",
                            },
                            "challenge": solution,
                        },
                    }
                ),
                "responses": {
                    "201": {
                        "description": "Logged in: a short session, no renewal after its end.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "token": {"type": "string"},
                                        "expires": {"type": "string", "format": "date-time"},
                                        "idle_expires": {
                                            "type": "string",
                                            "format": "date-time",
                                        },
                                        "idle_seconds": {"type": "integer"},
                                    },
                                }
                            }
                        },
                    },
                    "400": {
                        **errors,
                        "description": (
                            "Not a code, no or an unusable proof of work, or the proof of work "
                            "became harder (a new 'challenge' is in the response)."
                        ),
                    },
                    "403": {
                        **errors,
                        "description": "Wrong code (a new 'challenge' is in the response).",
                    },
                    "404": not_here,
                    "405": errors,
                    "503": unavailable,
                    "409": errors,
                    "413": errors,
                    "415": errors,
                },
            },
        },
        "/api/postvak/{page_id}/logout": {
            "parameters": [page_id],
            "post": {
                "summary": "End the session",
                "security": bearer,
                "responses": {
                    "204": {"description": "Logged out (also when there was no session)."},
                    "404": not_here,
                    "405": errors,
                    "503": unavailable,
                },
            },
        },
        "/api/postvak/{page_id}/": {
            "parameters": [page_id],
            "get": {
                "summary": "The melding, its status, deadlines, files and conversation",
                "description": "Marks the vertrouwenspersoon's messages as read.",
                "security": bearer,
                "responses": {
                    "200": {
                        "description": "The mailbox.",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "melding": {
                                            "type": "object",
                                            "properties": {
                                                "received": {
                                                    "type": "string",
                                                    "format": "date-time",
                                                },
                                                "answers": {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "object",
                                                        "properties": {
                                                            "name": {"type": "string"},
                                                            "label": {"type": "string"},
                                                            "value": {"type": "string"},
                                                        },
                                                    },
                                                },
                                                "attachments": {
                                                    "type": "array",
                                                    "items": attachment,
                                                },
                                            },
                                        },
                                        "status": {
                                            "type": "object",
                                            "properties": {
                                                "value": {
                                                    "type": "string",
                                                    "enum": [
                                                        "ontvangen",
                                                        "in_behandeling",
                                                        "afgerond",
                                                    ],
                                                },
                                                "label": {"type": "string"},
                                            },
                                        },
                                        "deadlines": {
                                            "type": "object",
                                            "properties": {
                                                "acknowledge_by": date,
                                                "acknowledged_at": date,
                                                "feedback_by": date,
                                                "feedback_at": date,
                                            },
                                        },
                                        "messages": {"type": "array", "items": message},
                                        "readers": {
                                            "type": "array",
                                            "items": {
                                                "type": "object",
                                                "properties": {
                                                    "name": {"type": "string"},
                                                    "since": date,
                                                },
                                            },
                                        },
                                        "notice": {"type": "boolean"},
                                        "challenge": challenge_object,
                                        "limits": {"type": "object"},
                                    },
                                }
                            }
                        },
                    },
                    "401": unauthorised,
                    "404": not_here,
                    "405": errors,
                    "503": unavailable,
                },
            },
        },
        "/api/postvak/{page_id}/berichten/": {
            "parameters": [page_id],
            "post": {
                "summary": "Send a message, files, or the melder's name or contact details",
                "security": bearer,
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": text_message},
                        "multipart/form-data": {"schema": with_files},
                    },
                },
                "responses": {
                    "201": {
                        "description": "Stored; the recipients are notified (without content).",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "message": message,
                                        "challenge": challenge_object,
                                    },
                                }
                            }
                        },
                    },
                    "400": errors,
                    "401": unauthorised,
                    "404": not_here,
                    "405": errors,
                    "503": unavailable,
                    "409": errors,
                    "410": {**errors, "description": "The melding was deleted meanwhile."},
                    "413": errors,
                    "415": errors,
                    "429": {
                        **errors,
                        "description": (
                            "Too many messages in the last hour, or the melding holds as many "
                            "files as it can; nothing was stored."
                        ),
                    },
                    "500": errors,
                },
            },
        },
        "/api/postvak/{page_id}/bijlagen/{bijlage_id}/": {
            "parameters": [page_id, bijlage_id],
            "get": {
                "summary": "One file of this melding (sent with it or with a message)",
                "security": bearer,
                "responses": {
                    "200": {
                        "description": "The file, as sent.",
                        # The type recognised from the content when it was sent.
                        "content": {
                            content_type: {"schema": {"type": "string", "format": "binary"}}
                            for content_type in ALLOWED_TYPES
                        },
                    },
                    "401": unauthorised,
                    "404": errors,
                    "405": errors,
                    "503": unavailable,
                },
            },
        },
    }
