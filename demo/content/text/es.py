"""Texto de demostración en español (es-es). Totalmente inventado."""

TEXT = {
    "example": "(ejemplo)",
    "home": {
        "title": "Inicio",
        "seo_title": "Prevención y ayuda confidencial",
        "search_description": (
            "Qué dice la ley sobre las imágenes sexuales de menores, incluidas las "
            "creadas con IA, y dónde encontrar ayuda confidencial. Un sitio de "
            "demostración con contenido inventado."
        ),
        "intro": (
            "Qué dice la ley y dónde encontrar ayuda confidencial si te preocupan "
            "tus propios pensamientos o tu conducta. Este es un sitio de "
            "demostración: todo su contenido es inventado."
        ),
    },
    "index": {
        "title": "Campañas",
        "slug": "campanas",
        "seo_title": "Campañas en curso",
        "search_description": (
            "Campañas sobre la ley y sobre la ayuda confidencial. Contenido de "
            "demostración."
        ),
        "intro": (
            "Campañas en tu idioma y en tu región. Todos los textos de este sitio "
            "de demostración son inventados."
        ),
    },
    "campaign": {
        "title": "La IA no lo hace legal",
        "slug": "la-ia-no-lo-hace-legal",
        "seo_title": "La IA no lo hace legal: la ley y dónde pedir ayuda",
        "search_description": (
            "Crear imágenes sexuales de menores con herramientas de IA es un "
            "delito. Descubre qué dice la ley y dónde encontrar ayuda confidencial. "
            "Una campaña de demostración."
        ),
        "hero": {
            "headline": "Hecho con IA. Sigue siendo un delito.",
            "standfirst": (
                "Usar herramientas de IA para crear imágenes sexuales de menores es "
                "ilegal y causa un daño real. Si te preocupan tus propios "
                "pensamientos o tu conducta, hay ayuda confidencial."
            ),
            "alt_text": (
                "Composición abstracta de círculos y franjas superpuestos en azul "
                "oscuro, verde azulado y ámbar."
            ),
        },
        "key_message": {
            "heading": "A la ley no le importa qué herramienta usaste",
            "text": (
                "<p>Crear, poseer o compartir imágenes sexuales de menores es un "
                "delito. En muchos países esto también incluye las imágenes creadas "
                "o modificadas con herramientas de IA, incluso cuando el menor que "
                "aparece no existe.</p>"
                "<p>Estas imágenes no son inofensivas: normalizan el abuso sexual "
                "infantil y pueden crearse a partir de fotos de menores reales.</p>"
            ),
        },
        "statistic": {
            "value": "2 de cada 3",
            "label": (
                "Cifra de ejemplo: personas que contactaron con una línea de ayuda "
                "de demostración y dicen que hablar pronto les ayudó a mantener el "
                "control"
            ),
            "source": (
                "Red de líneas de ayuda de ejemplo, informe de demostración "
                "(inventado, no son datos de investigación)"
            ),
        },
        "legal": {
            "heading": "Qué dice la ley",
            "intro": (
                "Un breve resumen para tu región. Texto de demostración, no "
                "asesoramiento jurídico."
            ),
        },
        "help": {
            "heading": "Habla con alguien de forma confidencial",
            "text": (
                "Si te preocupan tus pensamientos, tus impulsos o lo que haces en "
                "internet, puedes hablar con un profesional formado sin dar tu "
                "nombre. Pedir ayuda pronto te ayuda a mantener el control."
            ),
        },
        "faq": {
            "heading": "Preguntas y respuestas",
            "questions": [
                (
                    "¿Es ilegal si la imagen la creó una herramienta de IA y no "
                    "participó ningún menor real?",
                    "<p>En muchos países, sí. Las leyes sobre material de abuso "
                    "sexual infantil suelen incluir imágenes generadas o modificadas "
                    "por ordenador, también con IA. Lee más arriba el resumen para "
                    "tu región; es un texto de demostración, no asesoramiento "
                    "jurídico.</p>",
                ),
                (
                    "Me preocupan mis propios pensamientos. ¿Con quién puedo hablar?",
                    "<p>Las líneas de ayuda de esta página son confidenciales y no "
                    "juzgan. No tienes que dar tu nombre. A muchas personas les "
                    "ayuda hablar pronto, antes de que ocurra nada.</p>",
                ),
                (
                    "¿Me denunciarán si contacto con una línea de ayuda?",
                    "<p>Cada línea de ayuda explica sus normas de confidencialidad "
                    "al inicio de la conversación, y puedes preguntar por ellas "
                    "antes de contar nada sobre ti. Las líneas de ayuda de esta "
                    "demostración son ejemplos, no servicios reales.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Pedir ayuda es un paso responsable. A quienes nos llaman los "
                "escuchamos sin juzgarlos, y muchos nos dicen que ojalá hubieran "
                "llamado antes."
            ),
            "attribution": "Una orientadora de una línea de ayuda (ejemplo)",
            "role": "Papel inventado para esta demostración",
        },
    },
    "legal": {
        "title": {"ES": "La ley en España"},
        "place": {"ES": "En España"},
        "body": (
            "<p>%(place)s, crear, poseer o compartir imágenes sexuales de menores "
            "es un delito. Esto incluye las imágenes creadas o modificadas con "
            "herramientas de IA.</p>"
            "<ul><li>Las penas pueden incluir prisión y antecedentes penales.</li>"
            "<li>Pedir a otra persona, o a una herramienta de IA, que cree una "
            "imagen así también puede ser delito.</li>"
            "<li>Compartir una imagen, aunque sea en privado o en broma, puede ser "
            "un delito distinto.</li></ul>"
            "<p><b>Texto de demostración, no asesoramiento jurídico.</b> Este texto "
            "se ha inventado para una demostración; la fecha de revisión también "
            "forma parte de ella.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Línea de ayuda confidencial",
            "description": (
                "Para personas adultas preocupadas por sus propios pensamientos o "
                "conductas sexuales hacia menores. Profesionales formados escuchan "
                "sin juzgar."
            ),
            "anonymity_note": "No tienes que dar tu nombre. Las llamadas no se graban.",
        },
        "chat": {
            "name": "Chat anónimo y autoayuda",
            "description": (
                "Chat en línea y programa de autoayuda para quienes quieren dejar de "
                "ver o crear imágenes sexuales de menores."
            ),
            "anonymity_note": (
                "Anónimo: sin cuenta ni nombre. Los chats no se guardan al terminar."
            ),
        },
        "family": {
            "name": "Apoyo para familiares y amistades",
            "description": (
                "Para cualquier persona preocupada por los pensamientos o la "
                "conducta de alguien cercano."
            ),
            "anonymity_note": "Confidencial. Tú decides qué compartes.",
        },
    },
}
