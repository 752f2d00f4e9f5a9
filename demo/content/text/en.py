"""English demo text (en, en-gb, en-ca, en-au, en-nz). Invented for the demo."""

TEXT = {
    "example": "(example)",
    "home": {
        "title": "Home",
        "seo_title": "Prevention and confidential help",
        "search_description": (
            "Facts about the law on sexual images of children, including images "
            "made with AI, and where to find confidential help. A demo site with "
            "invented content."
        ),
        "intro": (
            "What the law says, and where to find confidential help if you are "
            "worried about your own thoughts or behaviour. This is a demo site: "
            "all of its content is invented."
        ),
    },
    "index": {
        "title": "Campaigns",
        "slug": "campaigns",
        "seo_title": "Current campaigns",
        "search_description": (
            "Campaigns about the law and about confidential help. Demo content."
        ),
        "intro": (
            "Campaigns running in your language and region. All text on this demo "
            "site is invented."
        ),
    },
    "campaign": {
        "title": "AI does not make it legal",
        "slug": "ai-does-not-make-it-legal",
        "seo_title": "AI does not make it legal: the law and where to get help",
        "search_description": (
            "Creating sexual images of children with AI tools is a crime. Read what "
            "the law says and where to find confidential help. A demo campaign."
        ),
        "hero": {
            "headline": "Made with AI. Still a crime.",
            "standfirst": (
                "Using AI tools to create sexual images of children is illegal and "
                "causes real harm. If you are worried about your own thoughts or "
                "behaviour, confidential help is available."
            ),
            "alt_text": (
                "Abstract composition of overlapping circles and bands in deep "
                "blue, teal and amber."
            ),
        },
        "key_message": {
            "heading": "The law does not care which tool you used",
            "text": (
                "<p>Making, possessing or sharing sexual images of children is a "
                "crime. In many countries this also covers images made or altered "
                "with AI tools, even when the child in the image does not exist.</p>"
                "<p>These images are not harmless: they normalise the sexual abuse "
                "of children, and they can be made from photos of real children.</p>"
            ),
        },
        "statistic": {
            "value": "2 in 3",
            "label": (
                "Example figure: people who contacted a demo helpline and said "
                "that talking early helped them stay in control"
            ),
            "source": (
                "Example Helpline Network, demo report (invented, not research data)"
            ),
        },
        "legal": {
            "heading": "What the law says",
            "intro": (
                "A short summary for your region. Demo wording, not legal advice."
            ),
        },
        "help": {
            "heading": "Talk to someone in confidence",
            "text": (
                "If you are worried about your thoughts, urges or what you do "
                "online, you can talk to a trained counsellor without giving your "
                "name. Reaching out early helps you stay in control."
            ),
        },
        "faq": {
            "heading": "Questions and answers",
            "questions": [
                (
                    "Is it illegal if an AI tool made the image and no real child "
                    "was involved?",
                    "<p>In many countries, yes. Laws on child sexual abuse material "
                    "often cover images that a computer generated or altered, "
                    "including with AI. Read the summary for your region above; it "
                    "is demo wording, not legal advice.</p>",
                ),
                (
                    "I am worried about my own thoughts. Who can I talk to?",
                    "<p>The helplines on this page are confidential and do not "
                    "judge. You do not have to give your name. Many people find it "
                    "helps to talk early, before anything happens.</p>",
                ),
                (
                    "Will contacting a helpline get me reported?",
                    "<p>Each helpline explains its confidentiality rules at the "
                    "start of a conversation, and you can ask about them before you "
                    "say anything about yourself. The helplines in this demo are "
                    "examples, not real services.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Asking for help is a responsible step. People who call us are "
                "listened to, not judged, and many tell us they wish they had "
                "called sooner."
            ),
            "attribution": "A helpline counsellor (example)",
            "role": "Invented role for this demo",
        },
    },
    "legal": {
        "title": {
            "INT": "The law in most countries",
            "GB": "The law in the United Kingdom",
            "CA": "The law in Canada",
            "AU": "The law in Australia",
            "NZ": "The law in New Zealand",
        },
        "place": {
            "INT": "In most countries",
            "GB": "In the United Kingdom",
            "CA": "In Canada",
            "AU": "In Australia",
            "NZ": "In New Zealand",
        },
        "body": (
            "<p>%(place)s, making, possessing or sharing sexual images of children "
            "is a crime. This includes images made or altered with AI tools.</p>"
            "<ul><li>Penalties can include prison and a criminal record.</li>"
            "<li>Asking another person, or an AI tool, to make such an image can "
            "also be an offence.</li>"
            "<li>Sharing an image, even privately or as a joke, can be a separate "
            "offence.</li></ul>"
            "<p><b>Demo wording, not legal advice.</b> This text was invented for a "
            "demonstration; its review date is part of the demo too.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Confidential helpline",
            "description": (
                "For adults worried about their own sexual thoughts or behaviour "
                "towards children. Trained counsellors listen without judging."
            ),
            "anonymity_note": (
                "You do not have to give your name. Calls are not recorded."
            ),
        },
        "chat": {
            "name": "Anonymous chat and self-help",
            "description": (
                "Online chat and a self-help programme for people who want to stop "
                "viewing or making sexual images of children."
            ),
            "anonymity_note": (
                "Anonymous: no account, no name. Chats are not kept after they end."
            ),
        },
        "family": {
            "name": "Support for family and friends",
            "description": (
                "For anyone worried about the thoughts or behaviour of someone "
                "close to them."
            ),
            "anonymity_note": "Confidential. You decide what you share.",
        },
    },
}
