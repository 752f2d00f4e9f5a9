"""Dansk demotekst (da-dk). Helt opdigtet."""

TEXT = {
    "example": "(eksempel)",
    "home": {
        "title": "Forside",
        "seo_title": "Forebyggelse og fortrolig hjælp",
        "search_description": (
            "Hvad loven siger om seksuelle billeder af børn, også billeder lavet "
            "med AI, og hvor du kan få fortrolig hjælp. En demoside med opdigtet "
            "indhold."
        ),
        "intro": (
            "Hvad loven siger, og hvor du kan få fortrolig hjælp, hvis du er "
            "bekymret for dine egne tanker eller din adfærd. Dette er en demoside: "
            "alt indhold er opdigtet."
        ),
    },
    "index": {
        "title": "Kampagner",
        "slug": "kampagner",
        "seo_title": "Aktuelle kampagner",
        "search_description": "Kampagner om loven og om fortrolig hjælp. Demoindhold.",
        "intro": (
            "Kampagner på dit sprog og i din region. Al tekst på denne demoside er "
            "opdigtet."
        ),
    },
    "campaign": {
        "title": "AI gør det ikke lovligt",
        "slug": "ai-goer-det-ikke-lovligt",
        "seo_title": "AI gør det ikke lovligt: loven og hvor du kan få hjælp",
        "search_description": (
            "Det er strafbart at lave seksuelle billeder af børn med AI-værktøjer. "
            "Læs, hvad loven siger, og hvor du kan få fortrolig hjælp. En "
            "demokampagne."
        ),
        "hero": {
            "headline": "Lavet med AI. Stadig en forbrydelse.",
            "standfirst": (
                "Det er ulovligt at bruge AI-værktøjer til at lave seksuelle "
                "billeder af børn, og det gør reel skade. Hvis du er bekymret for "
                "dine egne tanker eller din adfærd, kan du få fortrolig hjælp."
            ),
            "alt_text": (
                "Abstrakt komposition af overlappende cirkler og bånd i dybblå, "
                "blågrøn og rav."
            ),
        },
        "key_message": {
            "heading": "Loven er ligeglad med, hvilket værktøj du brugte",
            "text": (
                "<p>Det er strafbart at lave, besidde eller dele seksuelle billeder "
                "af børn. I mange lande gælder det også billeder, der er lavet eller "
                "ændret med AI-værktøjer, selv når barnet på billedet ikke "
                "findes.</p>"
                "<p>Billederne er ikke harmløse: De normaliserer seksuelle overgreb "
                "på børn og kan være lavet ud fra fotos af rigtige børn.</p>"
            ),
        },
        "statistic": {
            "value": "2 ud af 3",
            "label": (
                "Eksempeltal: personer, der kontaktede en demorådgivning, og som "
                "siger, at det hjalp dem at tale om det tidligt og bevare kontrollen"
            ),
            "source": (
                "Eksempel-rådgivningsnetværk, demorapport (opdigtet, ikke "
                "forskningsdata)"
            ),
        },
        "legal": {
            "heading": "Hvad loven siger",
            "intro": (
                "Et kort resumé for din region. Demotekst, ikke juridisk rådgivning."
            ),
        },
        "help": {
            "heading": "Tal fortroligt med nogen",
            "text": (
                "Hvis du er bekymret for dine tanker, din trang eller det, du gør "
                "online, kan du tale med en uddannet rådgiver uden at oplyse dit "
                "navn. Når du søger hjælp tidligt, bevarer du kontrollen."
            ),
        },
        "faq": {
            "heading": "Spørgsmål og svar",
            "questions": [
                (
                    "Er det ulovligt, hvis et AI-værktøj lavede billedet, og der "
                    "ikke var et rigtigt barn involveret?",
                    "<p>I mange lande, ja. Love om materiale med seksuelt misbrug af "
                    "børn omfatter ofte billeder, som en computer har skabt eller "
                    "ændret, også med AI. Læs resuméet for din region ovenfor; det "
                    "er en demotekst, ikke juridisk rådgivning.</p>",
                ),
                (
                    "Jeg er bekymret for mine egne tanker. Hvem kan jeg tale med?",
                    "<p>Rådgivningerne på denne side er fortrolige og dømmer ikke. "
                    "Du behøver ikke oplyse dit navn. Mange oplever, at det hjælper "
                    "at tale om det tidligt, før noget sker.</p>",
                ),
                (
                    "Bliver jeg meldt, hvis jeg kontakter en rådgivning?",
                    "<p>Hver rådgivning forklarer sine regler om fortrolighed i "
                    "starten af samtalen, og du kan spørge til dem, før du fortæller "
                    "noget om dig selv. Rådgivningerne i denne demo er eksempler, "
                    "ikke rigtige tilbud.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Det er et ansvarligt skridt at bede om hjælp. Dem, der ringer til "
                "os, bliver lyttet til, ikke dømt, og mange fortæller os, at de "
                "ville ønske, de havde ringet før."
            ),
            "attribution": "En rådgiver på en hjælpelinje (eksempel)",
            "role": "Opdigtet rolle til denne demo",
        },
    },
    "legal": {
        "title": {"DK": "Loven i Danmark"},
        "place": {"DK": "I Danmark"},
        "body": (
            "<p>%(place)s er det strafbart at lave, besidde eller dele seksuelle "
            "billeder af børn. Det gælder også billeder, der er lavet eller ændret "
            "med AI-værktøjer.</p>"
            "<ul><li>Straffen kan være fængsel og en plettet straffeattest.</li>"
            "<li>Det kan også være strafbart at bede en anden person eller et "
            "AI-værktøj om at lave sådan et billede.</li>"
            "<li>At dele et billede, også privat eller for sjov, kan være en "
            "selvstændig forbrydelse.</li></ul>"
            "<p><b>Demotekst, ikke juridisk rådgivning.</b> Teksten er opdigtet til "
            "en demonstration; også datoen for gennemgangen er en del af "
            "demoen.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Fortrolig hjælpelinje",
            "description": (
                "For voksne, der er bekymrede for deres egne seksuelle tanker eller "
                "deres adfærd over for børn. Uddannede rådgivere lytter uden at "
                "dømme."
            ),
            "anonymity_note": (
                "Du behøver ikke oplyse dit navn. Samtaler bliver ikke optaget."
            ),
        },
        "chat": {
            "name": "Anonym chat og selvhjælp",
            "description": (
                "Onlinechat og et selvhjælpsprogram for dem, der vil holde op med at "
                "se eller lave seksuelle billeder af børn."
            ),
            "anonymity_note": (
                "Anonym: ingen konto, intet navn. Chats gemmes ikke, når de er slut."
            ),
        },
        "family": {
            "name": "Støtte til familie og venner",
            "description": (
                "For alle, der er bekymrede for tankerne eller adfærden hos en, de "
                "står nær."
            ),
            "anonymity_note": "Fortroligt. Du bestemmer selv, hvad du fortæller.",
        },
    },
}
