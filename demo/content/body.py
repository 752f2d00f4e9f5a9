"""The campaign page's StreamField, built from one language's text.

Every block has the same id in every language, as a translation copied
from the source page would: wagtail-localize matches segments by block id.
"""

from . import demo_uuid

#: Invented, like the figure it points to; example.org is reserved (RFC 2606).
STATISTIC_SOURCE_URL = "https://example.org/demo-figures/"


def _block_id(name: str) -> str:
    return str(demo_uuid(f"campaign-body/{name}"))


def _block(block_type: str, value: dict, name: str | None = None) -> dict:
    return {"type": block_type, "value": value, "id": _block_id(name or block_type)}


def campaign_body(text: dict, image_id: int) -> list[dict]:
    """The body in StreamField's stored (JSON) form."""
    page = text["campaign"]
    hero, key, statistic = page["hero"], page["key_message"], page["statistic"]
    legal, help_, faq, quote = page["legal"], page["help"], page["faq"], page["quote"]
    questions = [
        _block(
            "item",
            {"question": question, "answer": answer},
            name=f"faq/question-{number}",
        )
        for number, (question, answer) in enumerate(faq["questions"], start=1)
    ]
    return [
        _block(
            "hero",
            {
                "headline": hero["headline"],
                "standfirst": hero["standfirst"],
                "image": image_id,
                "alt_text": hero["alt_text"],
            },
        ),
        _block("key_message", {"heading": key["heading"], "text": key["text"]}),
        _block(
            "statistic",
            {
                "value": statistic["value"],
                "label": statistic["label"],
                "source": statistic["source"],
                "source_url": STATISTIC_SOURCE_URL,
            },
        ),
        _block(
            "legal_consequences",
            {"heading": legal["heading"], "intro": legal["intro"]},
        ),
        _block(
            "help_call_to_action",
            {"heading": help_["heading"], "text": help_["text"]},
        ),
        _block("faq", {"heading": faq["heading"], "questions": questions}),
        _block(
            "quote",
            {
                "quote": quote["quote"],
                "attribution": quote["attribution"],
                "role": quote["role"],
            },
        ),
    ]
