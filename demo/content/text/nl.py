"""Nederlandse demotekst (nl-be). Volledig verzonnen."""

TEXT = {
    "example": "(voorbeeld)",
    "home": {
        "title": "Startpagina",
        "seo_title": "Preventie en vertrouwelijke hulp",
        "search_description": (
            "Wat de wet zegt over seksuele beelden van kinderen, ook als ze met AI "
            "gemaakt zijn, en waar u vertrouwelijke hulp vindt. Een demosite met "
            "verzonnen inhoud."
        ),
        "intro": (
            "Wat de wet zegt en waar u vertrouwelijke hulp vindt als u zich zorgen "
            "maakt over uw eigen gedachten of gedrag. Dit is een demosite: alle "
            "inhoud is verzonnen."
        ),
    },
    "index": {
        "title": "Campagnes",
        "slug": "campagnes",
        "seo_title": "Lopende campagnes",
        "search_description": (
            "Campagnes over de wet en over vertrouwelijke hulp. Demo-inhoud."
        ),
        "intro": (
            "Campagnes in uw taal en regio. Alle teksten op deze demosite zijn "
            "verzonnen."
        ),
    },
    "campaign": {
        "title": "AI maakt het niet legaal",
        "slug": "ai-maakt-het-niet-legaal",
        "seo_title": "AI maakt het niet legaal: de wet en waar u hulp vindt",
        "search_description": (
            "Seksuele beelden van kinderen maken met AI-tools is een misdrijf. Lees "
            "wat de wet zegt en waar u vertrouwelijke hulp vindt. Een democampagne."
        ),
        "hero": {
            "headline": "Gemaakt met AI. Nog altijd een misdrijf.",
            "standfirst": (
                "AI-tools gebruiken om seksuele beelden van kinderen te maken is "
                "strafbaar en richt echte schade aan. Maakt u zich zorgen over uw "
                "eigen gedachten of gedrag? Er is vertrouwelijke hulp."
            ),
            "alt_text": (
                "Abstracte compositie van overlappende cirkels en banden in "
                "donkerblauw, blauwgroen en amber."
            ),
        },
        "key_message": {
            "heading": "Welk hulpmiddel u ook gebruikt, de wet geldt",
            "text": (
                "<p>Seksuele beelden van kinderen maken, bezitten of delen is een "
                "misdrijf. In veel landen geldt dat ook voor beelden die met "
                "AI-tools gemaakt of bewerkt zijn, zelfs als het kind op het beeld "
                "niet bestaat.</p>"
                "<p>Deze beelden zijn niet onschuldig: ze normaliseren seksueel "
                "misbruik van kinderen en kunnen gemaakt worden op basis van foto's "
                "van echte kinderen.</p>"
            ),
        },
        "statistic": {
            "value": "2 op 3",
            "label": (
                "Voorbeeldcijfer: mensen die een demohulplijn contacteerden en "
                "zeggen dat vroeg praten hen hielp de controle te houden"
            ),
            "source": (
                "Voorbeeldnetwerk van hulplijnen, demorapport (verzonnen, geen "
                "onderzoeksdata)"
            ),
        },
        "legal": {
            "heading": "Wat de wet zegt",
            "intro": (
                "Een korte samenvatting voor uw regio. Demotekst, geen juridisch "
                "advies."
            ),
        },
        "help": {
            "heading": "Praat erover, in vertrouwen",
            "text": (
                "Maakt u zich zorgen over uw gedachten, uw drang of wat u online "
                "doet? U kunt met een opgeleide hulpverlener praten zonder uw naam "
                "te geven. Wie vroeg hulp zoekt, houdt de controle."
            ),
        },
        "faq": {
            "heading": "Vragen en antwoorden",
            "questions": [
                (
                    "Is het strafbaar als een AI-tool het beeld maakte en er geen "
                    "echt kind bij betrokken was?",
                    "<p>In veel landen wel. Wetten tegen beelden van seksueel "
                    "misbruik van kinderen gelden vaak ook voor beelden die een "
                    "computer gemaakt of bewerkt heeft, ook met AI. Lees hierboven "
                    "de samenvatting voor uw regio; het is een demotekst, geen "
                    "juridisch advies.</p>",
                ),
                (
                    "Ik maak me zorgen over mijn eigen gedachten. Met wie kan ik "
                    "praten?",
                    "<p>De hulplijnen op deze pagina zijn vertrouwelijk en oordelen "
                    "niet. U hoeft uw naam niet te geven. Veel mensen vinden het "
                    "nuttig om er vroeg over te praten, voordat er iets "
                    "gebeurt.</p>",
                ),
                (
                    "Word ik aangegeven als ik een hulplijn contacteer?",
                    "<p>Elke hulplijn legt bij het begin van het gesprek haar regels "
                    "over vertrouwelijkheid uit, en u kunt ernaar vragen voordat u "
                    "iets over uzelf vertelt. De hulplijnen in deze demo zijn "
                    "voorbeelden, geen echte diensten.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Hulp vragen is een verantwoordelijke stap. Wie ons belt, wordt "
                "gehoord, niet veroordeeld, en velen zeggen ons dat ze liever "
                "eerder hadden gebeld."
            ),
            "attribution": "Een hulpverlener van een hulplijn (voorbeeld)",
            "role": "Verzonnen rol voor deze demo",
        },
    },
    "legal": {
        "title": {"BE": "De wet in België"},
        "place": {"BE": "In België"},
        "body": (
            "<p>%(place)s is het maken, bezitten of delen van seksuele beelden van "
            "kinderen een misdrijf. Dat geldt ook voor beelden die met AI-tools "
            "gemaakt of bewerkt zijn.</p>"
            "<ul><li>De straffen kunnen een gevangenisstraf en een strafblad "
            "omvatten.</li>"
            "<li>Iemand anders, of een AI-tool, vragen om zo'n beeld te maken kan "
            "ook strafbaar zijn.</li>"
            "<li>Een beeld delen, ook privé of als grap, kan een afzonderlijk "
            "misdrijf zijn.</li></ul>"
            "<p><b>Demotekst, geen juridisch advies.</b> Deze tekst is verzonnen "
            "voor een demonstratie; ook de datum van nazicht hoort bij de demo.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Vertrouwelijke hulplijn",
            "description": (
                "Voor volwassenen die zich zorgen maken over hun eigen seksuele "
                "gedachten of gedrag tegenover kinderen. Opgeleide hulpverleners "
                "luisteren zonder te oordelen."
            ),
            "anonymity_note": (
                "U hoeft uw naam niet te geven. Gesprekken worden niet opgenomen."
            ),
        },
        "chat": {
            "name": "Anonieme chat en zelfhulp",
            "description": (
                "Online chat en een zelfhulpprogramma voor mensen die willen stoppen "
                "met het bekijken of maken van seksuele beelden van kinderen."
            ),
            "anonymity_note": (
                "Anoniem: geen account, geen naam. Chats worden na afloop niet bewaard."
            ),
        },
        "family": {
            "name": "Steun voor familie en vrienden",
            "description": (
                "Voor iedereen die zich zorgen maakt over de gedachten of het "
                "gedrag van iemand in zijn omgeving."
            ),
            "anonymity_note": "Vertrouwelijk. U beslist wat u vertelt.",
        },
    },
}
