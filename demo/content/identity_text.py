"""The demo's invented agency, in each language: clearly an example.

``ORGANISATION[language]`` fills the Organisation snippet of every locale of
that language; the footer marks it as invented (``is_example``).
"""

ORGANISATION = {
    "en": {
        "name": "Agency for Online Child Protection (example)",
        "short_name": "AOCP",
        "logo_alt": "Agency for Online Child Protection",
        "introduction": (
            "We are an invented public agency, made up for this demonstration. "
            "We explain what the law says about sexual images of children, "
            "including images made with AI, and where anyone can find "
            "confidential help, without giving their name."
        ),
        "contact": "Example Street 1, 0000 Example City\ninfo@agency.example.org",
        "legal_notice": (
            "Demonstration site. The agency, its address and every helpline "
            "shown here are invented; none of them is a real service."
        ),
    },
    "ar": {
        "name": "وكالة حماية الأطفال على الإنترنت (مثال)",
        "short_name": "و.ح.أ",
        "logo_alt": "وكالة حماية الأطفال على الإنترنت",
        "introduction": (
            "نحن وكالة عامة وهمية أُنشئت لهذا العرض التوضيحي. نشرح ما يقوله "
            "القانون عن الصور الجنسية للأطفال، بما فيها الصور المصنوعة بالذكاء "
            "الاصطناعي، وأين يمكن لأي شخص أن يجد مساعدة سرية دون ذكر اسمه."
        ),
        "contact": "شارع المثال 1، مدينة المثال\ninfo@agency.example.org",
        "legal_notice": (
            "موقع للعرض التوضيحي. الوكالة وعنوانها وجميع خطوط المساعدة المعروضة "
            "هنا وهمية؛ ليس أيٌّ منها خدمة حقيقية."
        ),
    },
    "da": {
        "name": "Styrelsen for Børns Sikkerhed Online (eksempel)",
        "short_name": "SBSO",
        "logo_alt": "Styrelsen for Børns Sikkerhed Online",
        "introduction": (
            "Vi er en opdigtet offentlig myndighed, lavet til denne demonstration. "
            "Vi forklarer, hvad loven siger om seksuelle billeder af børn, også "
            "billeder lavet med AI, og hvor alle kan få fortrolig hjælp uden at "
            "opgive deres navn."
        ),
        "contact": "Eksempelvej 1, 0000 Eksempelby\ninfo@agency.example.org",
        "legal_notice": (
            "Demonstrationsside. Styrelsen, dens adresse og alle viste hjælpelinjer "
            "er opdigtede; ingen af dem er en rigtig tjeneste."
        ),
    },
    "de": {
        "name": "Agentur für Kinderschutz im Netz (Beispiel)",
        "short_name": "AKN",
        "logo_alt": "Agentur für Kinderschutz im Netz",
        "introduction": (
            "Wir sind eine erfundene öffentliche Agentur, geschaffen für diese "
            "Demonstration. Wir erklären, was das Gesetz über sexuelle Bilder von "
            "Kindern sagt, auch über mit KI erzeugte Bilder, und wo jede und jeder "
            "vertrauliche Hilfe findet, ohne den eigenen Namen zu nennen."
        ),
        "contact": "Beispielstraße 1, 00000 Beispielstadt\ninfo@agency.example.org",
        "legal_notice": (
            "Demonstrationsseite. Die Agentur, ihre Anschrift und alle hier "
            "gezeigten Hilfetelefone sind erfunden; keines ist ein echter Dienst."
        ),
    },
    "es": {
        "name": "Agencia de Protección Infantil en Internet (ejemplo)",
        "short_name": "APII",
        "logo_alt": "Agencia de Protección Infantil en Internet",
        "introduction": (
            "Somos una agencia pública inventada para esta demostración. "
            "Explicamos lo que dice la ley sobre las imágenes sexuales de menores, "
            "también las creadas con IA, y dónde cualquier persona puede encontrar "
            "ayuda confidencial sin dar su nombre."
        ),
        "contact": "Calle Ejemplo 1, 00000 Ciudad Ejemplo\ninfo@agency.example.org",
        "legal_notice": (
            "Sitio de demostración. La agencia, su dirección y todas las líneas de "
            "ayuda que aparecen aquí son inventadas; ninguna es un servicio real."
        ),
    },
    "fr": {
        "name": "Agence pour la protection des enfants en ligne (exemple)",
        "short_name": "APEL",
        "logo_alt": "Agence pour la protection des enfants en ligne",
        "introduction": (
            "Nous sommes une agence publique fictive, inventée pour cette "
            "démonstration. Nous expliquons ce que dit la loi sur les images "
            "sexuelles d'enfants, y compris celles créées avec l'IA, et où chacun "
            "peut trouver une aide confidentielle sans donner son nom."
        ),
        "contact": "1, rue de l'Exemple, 0000 Ville-Exemple\ninfo@agency.example.org",
        "legal_notice": (
            "Site de démonstration. L'agence, son adresse et toutes les lignes "
            "d'aide présentées ici sont fictives ; aucune n'est un vrai service."
        ),
    },
    "nl": {
        "name": "Agentschap voor Online Kinderbescherming (voorbeeld)",
        "short_name": "AOK",
        "logo_alt": "Agentschap voor Online Kinderbescherming",
        "introduction": (
            "Wij zijn een verzonnen overheidsagentschap, gemaakt voor deze "
            "demonstratie. We leggen uit wat de wet zegt over seksuele beelden van "
            "kinderen, ook beelden gemaakt met AI, en waar iedereen vertrouwelijke "
            "hulp vindt zonder zijn naam te geven."
        ),
        "contact": "Voorbeeldstraat 1, 0000 Voorbeeldstad\ninfo@agency.example.org",
        "legal_notice": (
            "Demonstratiesite. Het agentschap, zijn adres en alle hulplijnen op "
            "deze site zijn verzonnen; geen ervan is een echte dienst."
        ),
    },
    "pl": {
        "name": "Agencja Ochrony Dzieci w Sieci (przykład)",
        "short_name": "AODS",
        "logo_alt": "Agencja Ochrony Dzieci w Sieci",
        "introduction": (
            "Jesteśmy fikcyjną agencją publiczną, wymyśloną na potrzeby tej "
            "demonstracji. Wyjaśniamy, co prawo mówi o seksualnych obrazach dzieci, "
            "także tych stworzonych przez AI, i gdzie każdy może znaleźć poufną "
            "pomoc bez podawania nazwiska."
        ),
        "contact": "ul. Przykładowa 1, 00-000 Przykładowo\ninfo@agency.example.org",
        "legal_notice": (
            "Strona demonstracyjna. Agencja, jej adres i wszystkie pokazane tu "
            "telefony zaufania są fikcyjne; żaden z nich nie jest prawdziwą usługą."
        ),
    },
}

#: The brand colours of the example (dark navy, deep blue): AA with white.
BRAND_COLOUR = "#1d2f5c"
ACCENT_COLOUR = "#0b4f8a"
