"""Deutscher Demo-Text (de-de, de-be). Vollständig erfunden."""

TEXT = {
    "example": "(Beispiel)",
    "home": {
        "title": "Startseite",
        "seo_title": "Prävention und vertrauliche Hilfe",
        "search_description": (
            "Was das Gesetz zu sexuellen Bildern von Kindern sagt, auch zu Bildern "
            "aus KI-Werkzeugen, und wo es vertrauliche Hilfe gibt. Eine "
            "Demo-Website mit erfundenen Inhalten."
        ),
        "intro": (
            "Was das Gesetz sagt und wo Sie vertrauliche Hilfe finden, wenn Sie "
            "sich wegen Ihrer eigenen Gedanken oder Ihres Verhaltens Sorgen machen. "
            "Dies ist eine Demo-Website: Alle Inhalte sind erfunden."
        ),
    },
    "index": {
        "title": "Kampagnen",
        "slug": "kampagnen",
        "seo_title": "Aktuelle Kampagnen",
        "search_description": (
            "Kampagnen zum Gesetz und zu vertraulicher Hilfe. Demo-Inhalte."
        ),
        "intro": (
            "Kampagnen in Ihrer Sprache und Region. Alle Texte auf dieser "
            "Demo-Website sind erfunden."
        ),
    },
    "campaign": {
        "title": "KI macht es nicht legal",
        "slug": "ki-macht-es-nicht-legal",
        "seo_title": "KI macht es nicht legal: das Gesetz und wo es Hilfe gibt",
        "search_description": (
            "Sexuelle Bilder von Kindern mit KI-Werkzeugen zu erstellen, ist eine "
            "Straftat. Lesen Sie, was das Gesetz sagt und wo Sie vertrauliche Hilfe "
            "finden. Eine Demo-Kampagne."
        ),
        "hero": {
            "headline": "Mit KI gemacht. Trotzdem eine Straftat.",
            "standfirst": (
                "Wer mit KI-Werkzeugen sexuelle Bilder von Kindern erstellt, macht "
                "sich strafbar und richtet echten Schaden an. Wenn Sie sich wegen "
                "Ihrer eigenen Gedanken oder Ihres Verhaltens Sorgen machen, gibt es "
                "vertrauliche Hilfe."
            ),
            "alt_text": (
                "Abstrakte Komposition aus sich überlagernden Kreisen und Bändern in "
                "Dunkelblau, Petrol und Bernstein."
            ),
        },
        "key_message": {
            "heading": "Das Gesetz fragt nicht nach dem Werkzeug",
            "text": (
                "<p>Sexuelle Bilder von Kindern herzustellen, zu besitzen oder zu "
                "verbreiten, ist eine Straftat. In vielen Ländern gilt das auch für "
                "Bilder, die mit KI-Werkzeugen erstellt oder verändert wurden, "
                "selbst wenn das abgebildete Kind nicht existiert.</p>"
                "<p>Diese Bilder sind nicht harmlos: Sie verharmlosen sexuelle "
                "Gewalt gegen Kinder und können aus Fotos echter Kinder erzeugt "
                "werden.</p>"
            ),
        },
        "statistic": {
            "value": "2 von 3",
            "label": (
                "Beispielzahl: Menschen, die sich an eine Demo-Beratungsstelle "
                "gewandt haben und sagen, dass frühes Reden ihnen half, die "
                "Kontrolle zu behalten"
            ),
            "source": (
                "Beispiel-Beratungsnetz, Demo-Bericht (erfunden, keine Forschungsdaten)"
            ),
        },
        "legal": {
            "heading": "Was das Gesetz sagt",
            "intro": (
                "Eine kurze Zusammenfassung für Ihre Region. Demo-Text, keine "
                "Rechtsberatung."
            ),
        },
        "help": {
            "heading": "Sprechen Sie vertraulich mit jemandem",
            "text": (
                "Wenn Sie sich wegen Ihrer Gedanken, Ihrer Impulse oder Ihres "
                "Verhaltens im Internet Sorgen machen, können Sie mit geschulten "
                "Fachleuten sprechen, ohne Ihren Namen zu nennen. Wer früh Hilfe "
                "sucht, behält die Kontrolle."
            ),
        },
        "faq": {
            "heading": "Fragen und Antworten",
            "questions": [
                (
                    "Ist es strafbar, wenn eine KI das Bild erstellt hat und kein "
                    "echtes Kind beteiligt war?",
                    "<p>In vielen Ländern ja. Gesetze gegen Darstellungen sexuellen "
                    "Kindesmissbrauchs erfassen oft auch Bilder, die ein Computer "
                    "erzeugt oder verändert hat, auch mit KI. Lesen Sie oben die "
                    "Zusammenfassung für Ihre Region; sie ist ein Demo-Text und "
                    "keine Rechtsberatung.</p>",
                ),
                (
                    "Ich mache mir Sorgen wegen meiner eigenen Gedanken. Mit wem "
                    "kann ich sprechen?",
                    "<p>Die Beratungsstellen auf dieser Seite sind vertraulich und "
                    "urteilen nicht. Sie müssen Ihren Namen nicht nennen. Vielen "
                    "Menschen hilft es, früh darüber zu sprechen, bevor etwas "
                    "passiert.</p>",
                ),
                (
                    "Werde ich angezeigt, wenn ich mich an eine Beratungsstelle wende?",
                    "<p>Jede Beratungsstelle erklärt zu Beginn des Gesprächs ihre "
                    "Regeln zur Vertraulichkeit, und Sie können danach fragen, bevor "
                    "Sie etwas über sich erzählen. Die Beratungsstellen in dieser "
                    "Demo sind Beispiele, keine echten Angebote.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Um Hilfe zu bitten, ist ein verantwortungsvoller Schritt. Wer uns "
                "anruft, wird angehört, nicht verurteilt, und viele sagen uns, sie "
                "hätten gern früher angerufen."
            ),
            "attribution": "Eine Beraterin am Hilfetelefon (Beispiel)",
            "role": "Für diese Demo erfundene Rolle",
        },
    },
    "legal": {
        "title": {
            "BE": "Die Rechtslage in Belgien",
            "DE": "Die Rechtslage in Deutschland",
        },
        "place": {"BE": "In Belgien", "DE": "In Deutschland"},
        "body": (
            "<p>%(place)s ist es strafbar, sexuelle Bilder von Kindern "
            "herzustellen, zu besitzen oder zu verbreiten. Das gilt auch für "
            "Bilder, die mit KI-Werkzeugen erstellt oder verändert wurden.</p>"
            "<ul><li>Die Strafen können Freiheitsstrafe und einen Eintrag im "
            "Strafregister umfassen.</li>"
            "<li>Auch wer einen anderen Menschen oder ein KI-Werkzeug auffordert, "
            "ein solches Bild zu erstellen, kann sich strafbar machen.</li>"
            "<li>Ein Bild weiterzugeben, auch privat oder als Scherz, kann eine "
            "eigene Straftat sein.</li></ul>"
            "<p><b>Demo-Text, keine Rechtsberatung.</b> Dieser Text wurde für eine "
            "Demonstration erfunden; auch das Prüfdatum gehört zur Demo.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Vertrauliches Hilfetelefon",
            "description": (
                "Für Erwachsene, die sich wegen ihrer eigenen sexuellen Gedanken "
                "oder ihres Verhaltens gegenüber Kindern Sorgen machen. Geschulte "
                "Fachleute hören zu, ohne zu urteilen."
            ),
            "anonymity_note": (
                "Sie müssen Ihren Namen nicht nennen. Gespräche werden nicht "
                "aufgezeichnet."
            ),
        },
        "chat": {
            "name": "Anonymer Chat und Selbsthilfe",
            "description": (
                "Online-Chat und Selbsthilfeprogramm für Menschen, die aufhören "
                "wollen, sexuelle Bilder von Kindern anzusehen oder zu erstellen."
            ),
            "anonymity_note": (
                "Anonym: kein Konto, kein Name. Chats werden nach dem Ende nicht "
                "gespeichert."
            ),
        },
        "family": {
            "name": "Unterstützung für Angehörige und Freunde",
            "description": (
                "Für alle, die sich um die Gedanken oder das Verhalten eines "
                "nahestehenden Menschen sorgen."
            ),
            "anonymity_note": "Vertraulich. Sie entscheiden, was Sie erzählen.",
        },
    },
}
