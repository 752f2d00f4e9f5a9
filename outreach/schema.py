"""The OpenAPI 3 description of the partner API, written by hand.

Kept next to the view it describes; tests/outreach/test_schema.py runs
schemathesis against the served copy, so a drift shows as a failure.
"""

from django.urls import reverse

_ERROR = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {"error": {"type": "string"}, "message": {"type": "string"}},
}
_NULLABLE_URL = {"type": "string", "format": "uri", "nullable": True}
_HELPLINE = {
    "type": "object",
    "required": ["name", "phone", "web_url", "chat_url", "open_now", "hours"],
    "properties": {
        "name": {"type": "string"},
        "description": {"type": "string"},
        "phone": {
            "type": "object",
            "nullable": True,
            "required": ["e164", "national"],
            "properties": {
                "e164": {"type": "string", "pattern": r"^\+[1-9][0-9]{1,14}$"},
                "national": {"type": "string"},
                "display": {"type": "string"},
            },
        },
        "web_url": _NULLABLE_URL,
        "chat_url": _NULLABLE_URL,
        "languages": {"type": "string"},
        "anonymity_note": {"type": "string"},
        "open_now": {"type": "boolean", "description": "In the region's time."},
        "always_open": {"type": "boolean"},
        "hours": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["weekday", "opens", "closes"],
                "properties": {
                    "weekday": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 6,
                        "description": "0 is Monday.",
                    },  # fmt: skip
                    "opens": {"type": "string", "example": "09:00"},
                    "closes": {
                        "type": "string",
                        "description": "At or before opens: past midnight.",
                    },  # fmt: skip
                },
            },
        },
        "is_example": {"type": "boolean"},
    },
}
_WARNING = {
    "type": "object",
    "required": ["campaign", "region", "locale", "variant", "helplines"],
    "properties": {
        "campaign": {
            "type": "object",
            "required": ["id", "title", "url"],
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "region": {
            "type": "object",
            "required": ["code", "name", "time_zone"],
            "properties": {
                "code": {"type": "string"},
                "name": {"type": "string"},
                "time_zone": {"type": "string"},
            },
        },
        "locale": {"type": "string", "example": "nl-be"},
        "content_locale": {
            "type": "string",
            "description": "The language of the wording (the source language "
            "while a translation is missing).",
        },
        "variant": {
            "type": "object",
            "required": ["id", "headline", "text", "call_to_action"],
            "properties": {
                "id": {"type": "integer"},
                "headline": {"type": "string"},
                "text": {"type": "string", "maxLength": 280},
                "call_to_action": {
                    "type": "object",
                    "required": ["label", "url"],
                    "properties": {
                        "label": {"type": "string"},
                        "url": {"type": "string", "format": "uri"},
                    },
                },
            },
        },
        "helplines": {"type": "array", "items": _HELPLINE},
    },
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
        },
    }


def schema(request=None) -> dict:
    path = reverse("outreach_api")
    server = request.build_absolute_uri("/").rstrip("/") if request else ""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Campaign warnings for partner platforms",
            "version": "1.0.0",
            "description": "The live campaign warning for a region, in its "
            "language, with the region's helplines. No cookie, no tracking: "
            "see docs/privacy.md.",
        },
        "servers": [{"url": server}] if server else [],
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Error": _ERROR, "Warning": _WARNING},
        },
        "paths": {
            path: {
                "get": {
                    "operationId": "getWarning",
                    "summary": "The live warning for a region",
                    "security": [{"bearer": []}],
                    "parameters": [
                        {
                            "name": "region",
                            "in": "query",
                            "required": True,
                            "description": "ISO 3166-1 alpha-2 code, or INT.",
                            "schema": {
                                "type": "string",
                                "minLength": 1,
                                "example": "BE",
                            },
                        },
                        {
                            "name": "lang",
                            "in": "query",
                            "required": False,
                            "description": "A language tag (nl, nl-BE); the "
                            "region's first language when absent or not served.",
                            "schema": {"type": "string", "example": "nl-BE"},
                        },
                    ],
                    "responses": {
                        "200": {
                            "description": "The warning, counted as one impression.",
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Warning"}
                                }
                            },
                        },
                        "400": _error("No region given."),
                        "401": _error("No API key, or an unknown one."),
                        "403": _error("The partner is not active."),
                        "404": _error("Unknown region, or nothing live there."),
                        "429": {
                            **_error("Over the partner's rate limit."),
                            "headers": {
                                "Retry-After": {
                                    "description": "Seconds to wait.",
                                    "schema": {"type": "integer"},
                                }
                            },
                        },
                    },
                }
            }
        },
    }
