"""Polski tekst demonstracyjny (pl-pl). W całości wymyślony."""

TEXT = {
    "example": "(przykład)",
    "home": {
        "title": "Strona główna",
        "seo_title": "Profilaktyka i poufna pomoc",
        "search_description": (
            "Co mówi prawo o seksualnych obrazach przedstawiających dzieci, także "
            "tych tworzonych za pomocą AI, i gdzie szukać poufnej pomocy. Strona "
            "demonstracyjna z wymyśloną treścią."
        ),
        "intro": (
            "Co mówi prawo i gdzie znaleźć poufną pomoc, jeśli niepokoją Cię Twoje "
            "własne myśli lub zachowanie. To strona demonstracyjna: cała jej treść "
            "jest wymyślona."
        ),
    },
    "index": {
        "title": "Kampanie",
        "slug": "kampanie",
        "seo_title": "Bieżące kampanie",
        "search_description": (
            "Kampanie o prawie i o poufnej pomocy. Treść demonstracyjna."
        ),
        "intro": (
            "Kampanie w Twoim języku i regionie. Wszystkie teksty na tej stronie "
            "demonstracyjnej są wymyślone."
        ),
    },
    "campaign": {
        "title": "AI nie czyni tego legalnym",
        "slug": "ai-nie-czyni-tego-legalnym",
        "seo_title": "AI nie czyni tego legalnym: prawo i gdzie szukać pomocy",
        "search_description": (
            "Tworzenie seksualnych obrazów przedstawiających dzieci za pomocą "
            "narzędzi AI jest przestępstwem. Sprawdź, co mówi prawo i gdzie znaleźć "
            "poufną pomoc. Kampania demonstracyjna."
        ),
        "hero": {
            "headline": "Stworzone przez AI. Nadal przestępstwo.",
            "standfirst": (
                "Używanie narzędzi AI do tworzenia seksualnych obrazów "
                "przedstawiających dzieci jest nielegalne i wyrządza realną "
                "krzywdę. Jeśli niepokoją Cię Twoje własne myśli lub zachowanie, "
                "możesz skorzystać z poufnej pomocy."
            ),
            "alt_text": (
                "Abstrakcyjna kompozycja nakładających się kół i pasów w kolorach "
                "granatowym, morskim i bursztynowym."
            ),
        },
        "key_message": {
            "heading": "Prawo nie pyta, jakiego narzędzia użyto",
            "text": (
                "<p>Tworzenie, posiadanie lub udostępnianie seksualnych obrazów "
                "przedstawiających dzieci jest przestępstwem. W wielu krajach "
                "dotyczy to także obrazów stworzonych lub zmienionych za pomocą "
                "narzędzi AI, nawet jeśli przedstawione dziecko nie istnieje.</p>"
                "<p>Takie obrazy nie są nieszkodliwe: normalizują wykorzystywanie "
                "seksualne dzieci i mogą powstawać na podstawie zdjęć prawdziwych "
                "dzieci.</p>"
            ),
        },
        "statistic": {
            "value": "2 na 3",
            "label": (
                "Przykładowa liczba: osoby, które skontaktowały się z "
                "demonstracyjnym telefonem zaufania i mówią, że wczesna rozmowa "
                "pomogła im zachować kontrolę"
            ),
            "source": (
                "Przykładowa sieć telefonów zaufania, raport demonstracyjny "
                "(wymyślony, nie dane z badań)"
            ),
        },
        "legal": {
            "heading": "Co mówi prawo",
            "intro": (
                "Krótkie podsumowanie dla Twojego regionu. Tekst demonstracyjny, nie "
                "porada prawna."
            ),
        },
        "help": {
            "heading": "Porozmawiaj z kimś poufnie",
            "text": (
                "Jeśli niepokoją Cię Twoje myśli, pragnienia lub to, co robisz w "
                "internecie, możesz porozmawiać z przeszkoloną osobą bez podawania "
                "swojego imienia. Wczesne szukanie pomocy pomaga zachować kontrolę."
            ),
        },
        "faq": {
            "heading": "Pytania i odpowiedzi",
            "questions": [
                (
                    "Czy to nielegalne, jeśli obraz stworzyło narzędzie AI i nie "
                    "brało w tym udziału żadne prawdziwe dziecko?",
                    "<p>W wielu krajach tak. Przepisy o materiałach przedstawiających "
                    "wykorzystywanie seksualne dzieci często obejmują obrazy "
                    "wygenerowane lub przerobione komputerowo, także za pomocą AI. "
                    "Przeczytaj powyżej podsumowanie dla swojego regionu; to tekst "
                    "demonstracyjny, nie porada prawna.</p>",
                ),
                (
                    "Niepokoją mnie moje własne myśli. Z kim mogę porozmawiać?",
                    "<p>Telefony zaufania na tej stronie są poufne i nikogo nie "
                    "oceniają. Nie musisz podawać swojego imienia. Wielu osobom "
                    "pomaga rozmowa na wczesnym etapie, zanim cokolwiek się "
                    "wydarzy.</p>",
                ),
                (
                    "Czy jeśli skontaktuję się z telefonem zaufania, ktoś mnie zgłosi?",
                    "<p>Każdy telefon zaufania na początku rozmowy wyjaśnia swoje "
                    "zasady poufności, a Ty możesz o nie zapytać, zanim powiesz "
                    "cokolwiek o sobie. Telefony zaufania w tej demonstracji są "
                    "przykładami, nie prawdziwymi usługami.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Prośba o pomoc to odpowiedzialny krok. Osoby, które do nas "
                "dzwonią, są wysłuchane, a nie oceniane, i wiele z nich mówi nam, "
                "że wolałyby zadzwonić wcześniej."
            ),
            "attribution": "Konsultantka telefonu zaufania (przykład)",
            "role": "Rola wymyślona na potrzeby demonstracji",
        },
    },
    "legal": {
        "title": {"PL": "Prawo w Polsce"},
        "place": {"PL": "W Polsce"},
        "body": (
            "<p>%(place)s tworzenie, posiadanie lub udostępnianie seksualnych "
            "obrazów przedstawiających dzieci jest przestępstwem. Dotyczy to także "
            "obrazów stworzonych lub zmienionych za pomocą narzędzi AI.</p>"
            "<ul><li>Kary mogą obejmować pozbawienie wolności i wpis do rejestru "
            "karnego.</li>"
            "<li>Przestępstwem może być także zlecenie innej osobie lub narzędziu "
            "AI stworzenia takiego obrazu.</li>"
            "<li>Udostępnienie obrazu, nawet prywatnie lub dla żartu, może być "
            "odrębnym przestępstwem.</li></ul>"
            "<p><b>Tekst demonstracyjny, nie porada prawna.</b> Ten tekst wymyślono "
            "na potrzeby demonstracji; data weryfikacji również jest jej "
            "częścią.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Poufny telefon zaufania",
            "description": (
                "Dla dorosłych, których niepokoją ich własne myśli lub zachowania "
                "seksualne wobec dzieci. Przeszkolone osoby słuchają bez oceniania."
            ),
            "anonymity_note": "Nie musisz podawać imienia. Rozmowy nie są nagrywane.",
        },
        "chat": {
            "name": "Anonimowy czat i samopomoc",
            "description": (
                "Czat internetowy i program samopomocy dla osób, które chcą przestać "
                "oglądać lub tworzyć seksualne obrazy przedstawiające dzieci."
            ),
            "anonymity_note": (
                "Anonimowo: bez konta i bez imienia. Rozmowy nie są przechowywane "
                "po zakończeniu."
            ),
        },
        "family": {
            "name": "Wsparcie dla rodziny i przyjaciół",
            "description": (
                "Dla każdego, kogo niepokoją myśli lub zachowanie bliskiej osoby."
            ),
            "anonymity_note": "Poufnie. Ty decydujesz, czym się dzielisz.",
        },
    },
}
