"""The OpenAPI 3.1 description of the melding submission endpoint."""

from ..choices import Probleemgebied
from . import conf
from .forms.melding import (
    ANDERS_GEBIED,
    MAX_LONG_TEXT,
    MAX_MEDIUM_TEXT,
    MAX_SHORT_TEXT,
    ContactWens,
    Wie,
)


def _text(max_length, description):
    return {"type": "string", "maxLength": max_length, "description": description}


def document(server: str = "/") -> dict:
    answers = {
        "type": "object",
        "required": ["probleemgebied", "wie", "wat", "contact", "challenge"],
        "properties": {
            "probleemgebied": {"type": "string", "enum": [*Probleemgebied.values, ANDERS_GEBIED]},
            "wie": {"type": "string", "enum": Wie.values},
            "wat": _text(MAX_LONG_TEXT, "What happened."),
            "wanneer": _text(MAX_SHORT_TEXT, "When it happened."),
            "betrokkenen": _text(MAX_MEDIUM_TEXT, "Who was involved."),
            "wens": _text(MAX_MEDIUM_TEXT, "What the melder would like to happen."),
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
    page_id = {"name": "page_id", "in": "path", "required": True, "schema": {"type": "integer"}}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "wagtail-vertrouwen melding API",
            "version": "1",
            "description": (
                "Submit a confidential melding. It is encrypted on arrival for the "
                "designated vertrouwenspersonen only; nothing can be read back through this API."
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
                        "200": {"description": "What a client needs to show the form."},
                        "404": {"description": "No live melding form with this id."},
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
                        "201": {"description": "Stored and the recipients notified."},
                        "400": errors,
                        "404": {"description": "No live melding form with this id."},
                        "413": errors,
                        "409": errors,
                        "415": errors,
                        "429": errors,
                        "500": errors,
                        "503": errors,
                    },
                },
            }
        },
    }
