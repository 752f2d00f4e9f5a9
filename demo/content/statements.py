"""The demo's statements, per language: accessibility and privacy.

Both describe this code base as it is (no cookie, no address stored, WCAG
2.2 AA checked with axe-core); the organisation they name is the invented
one of ``identity_text``.
"""

import datetime

REVIEWED = datetime.date(2026, 11, 30)


def _html(*paragraphs: str) -> str:
    return "".join(p if p.startswith("<") else f"<p>{p}</p>" for p in paragraphs)


STATEMENTS = {
    "en": {
        "accessibility": (
            "Accessibility statement",
            "accessibility",
            _html(
                "We want everyone to be able to read this site and find help, "
                "whatever device, browser or assistive technology they use.",
                "<h2>How accessible it is</h2>",
                "The public pages aim at WCAG 2.2 level AA. Every page is checked "
                "with axe-core in a real browser, in English, French and Arabic, "
                "on a 320 pixel screen and a wide one. Pages work without "
                "JavaScript, follow right-to-left languages and print cleanly.",
                "<h2>Tell us about a problem</h2>",
                "If something is hard to use, write to the contact address at the "
                "foot of every page. We answer within ten working days.",
            ),
        ),
        "privacy": (
            "Privacy statement",
            "privacy",
            _html(
                "You can read this site without being seen.",
                "<ul><li>No cookie: this site sets none.</li>"
                "<li>No address: we do not store or log your IP address, your "
                "browser's name or the page you came from.</li>"
                "<li>No third party: every file comes from this site; no "
                "analytics, no advertising, no social media buttons.</li>"
                "<li>Counts only: when partner sites show our warnings, we keep "
                "how many times, per day and country, as totals. Nothing in them "
                "says who saw it.</li></ul>",
                "Helplines you call or chat with are separate services with their "
                "own rules; each says on this site what you can rely on.",
                "“Leave this site” takes you to a neutral site at once. It cannot "
                "erase your browser history: use a private window for that.",
            ),
        ),
    },
    "ar": {
        "accessibility": (
            "بيان إمكانية الوصول",
            "imkaniyat-al-wusul",
            _html(
                "نريد أن يتمكن الجميع من قراءة هذا الموقع والعثور على المساعدة، "
                "أيًّا كان الجهاز أو المتصفح أو التقنية المساعدة التي يستخدمونها.",
                "<h2>مدى إمكانية الوصول</h2>",
                "تهدف الصفحات العامة إلى المستوى AA من WCAG 2.2. تُفحص كل صفحة "
                "بأداة axe-core في متصفح حقيقي، بالإنجليزية والفرنسية والعربية، "
                "على شاشة عرضها 320 بكسل وعلى شاشة عريضة. تعمل الصفحات دون "
                "جافاسكربت، وتتبع اتجاه اللغات من اليمين إلى اليسار، وتُطبع بوضوح.",
                "<h2>أخبرنا بمشكلة</h2>",
                "إذا صعب عليك استخدام شيء ما، فاكتب إلى عنوان الاتصال في أسفل كل "
                "صفحة. نجيب خلال عشرة أيام عمل.",
            ),
        ),
        "privacy": (
            "بيان الخصوصية",
            "al-khususiya",
            _html(
                "يمكنك قراءة هذا الموقع دون أن يراك أحد.",
                "<ul><li>لا ملفات تعريف ارتباط: لا يضع هذا الموقع أيًّا منها.</li>"
                "<li>لا عناوين: لا نخزن ولا نسجل عنوان IP الخاص بك ولا اسم متصفحك "
                "ولا الصفحة التي أتيت منها.</li>"
                "<li>لا طرف ثالث: كل ملف يأتي من هذا الموقع؛ لا تحليلات ولا إعلانات "
                "ولا أزرار لوسائل التواصل الاجتماعي.</li>"
                "<li>أعداد فقط: عندما تعرض مواقع شريكة تحذيراتنا، نحتفظ بعدد المرات "
                "في اليوم وفي كل بلد، كمجاميع. لا شيء فيها يدل على من رآها.</li></ul>",
                "خطوط المساعدة التي تتصل بها أو تحادثها خدمات مستقلة لها قواعدها؛ "
                "يذكر كل منها في هذا الموقع ما يمكنك الاعتماد عليه.",
                "«مغادرة هذا الموقع» ينقلك فورًا إلى موقع محايد. لا يمكنه محو سجل "
                "متصفحك: استخدم نافذة خاصة لذلك.",
            ),
        ),
    },
    "da": {
        "accessibility": (
            "Tilgængelighedserklæring",
            "tilgaengelighed",
            _html(
                "Vi vil have, at alle kan læse siden og finde hjælp, uanset "
                "hvilken enhed, browser eller hjælpemiddel de bruger.",
                "<h2>Hvor tilgængelig den er</h2>",
                "De offentlige sider sigter mod WCAG 2.2 niveau AA. Hver side "
                "tjekkes med axe-core i en rigtig browser, på engelsk, fransk og "
                "arabisk, på en 320 pixel skærm og en bred. Siderne virker uden "
                "JavaScript, følger sprog fra højre mod venstre og kan printes.",
                "<h2>Fortæl os om et problem</h2>",
                "Er noget svært at bruge, så skriv til kontaktadressen nederst på "
                "hver side. Vi svarer inden for ti arbejdsdage.",
            ),
        ),
        "privacy": (
            "Privatlivserklæring",
            "privatliv",
            _html(
                "Du kan læse siden uden at blive set.",
                "<ul><li>Ingen cookies: siden sætter ingen.</li>"
                "<li>Ingen adresse: vi gemmer og logger hverken din IP-adresse, "
                "din browsers navn eller siden, du kom fra.</li>"
                "<li>Ingen tredjepart: alle filer kommer fra denne side; ingen "
                "statistikværktøjer, annoncer eller sociale knapper.</li>"
                "<li>Kun tal: når partnersider viser vores advarsler, gemmer vi "
                "hvor mange gange pr. dag og land, som totaler. Intet i dem siger, "
                "hvem der så dem.</li></ul>",
                "De hjælpelinjer, du ringer eller chatter med, er selvstændige "
                "tjenester med egne regler; hver siger her, hvad du kan regne med.",
                "“Forlad siden” sender dig straks til en neutral side. Den kan ikke "
                "slette din browserhistorik: brug et privat vindue til det.",
            ),
        ),
    },
    "de": {
        "accessibility": (
            "Erklärung zur Barrierefreiheit",
            "barrierefreiheit",
            _html(
                "Alle sollen diese Seite lesen und Hilfe finden können, mit "
                "jedem Gerät, Browser und jeder assistiven Technik.",
                "<h2>Wie barrierefrei sie ist</h2>",
                "Die öffentlichen Seiten zielen auf WCAG 2.2 Stufe AA. Jede Seite "
                "wird mit axe-core in einem echten Browser geprüft, auf Englisch, "
                "Französisch und Arabisch, auf einem 320 Pixel schmalen und einem "
                "breiten Bildschirm. Sie funktionieren ohne JavaScript, folgen "
                "Sprachen von rechts nach links und lassen sich sauber drucken.",
                "<h2>Melden Sie uns ein Problem</h2>",
                "Wenn etwas schwer zu benutzen ist, schreiben Sie an die "
                "Kontaktadresse unten auf jeder Seite. Wir antworten innerhalb von "
                "zehn Arbeitstagen.",
            ),
        ),
        "privacy": (
            "Datenschutzerklärung",
            "datenschutz",
            _html(
                "Sie können diese Seite lesen, ohne gesehen zu werden.",
                "<ul><li>Keine Cookies: diese Seite setzt keine.</li>"
                "<li>Keine Adresse: wir speichern und protokollieren weder Ihre "
                "IP-Adresse noch den Namen Ihres Browsers oder die Seite, von der "
                "Sie kamen.</li>"
                "<li>Keine Dritten: jede Datei kommt von dieser Seite; keine "
                "Statistikdienste, keine Werbung, keine Social-Media-Knöpfe.</li>"
                "<li>Nur Zahlen: wenn Partnerseiten unsere Warnungen zeigen, "
                "zählen wir, wie oft, pro Tag und Land, als Summen. Nichts darin "
                "sagt, wer sie gesehen hat.</li></ul>",
                "Die Hilfetelefone, die Sie anrufen oder anschreiben, sind eigene "
                "Dienste mit eigenen Regeln; jedes sagt hier, worauf Sie sich "
                "verlassen können.",
                "„Seite verlassen“ bringt Sie sofort zu einer neutralen Seite. Es "
                "löscht nicht Ihren Browserverlauf: nutzen Sie dafür ein privates "
                "Fenster.",
            ),
        ),
    },
    "es": {
        "accessibility": (
            "Declaración de accesibilidad",
            "accesibilidad",
            _html(
                "Queremos que todas las personas puedan leer este sitio y "
                "encontrar ayuda, con cualquier dispositivo, navegador o "
                "tecnología de apoyo.",
                "<h2>Cuán accesible es</h2>",
                "Las páginas públicas aspiran al nivel AA de WCAG 2.2. Cada página "
                "se comprueba con axe-core en un navegador real, en inglés, francés "
                "y árabe, en una pantalla de 320 píxeles y en una ancha. Funcionan "
                "sin JavaScript, siguen los idiomas de derecha a izquierda y se "
                "imprimen bien.",
                "<h2>Cuéntenos un problema</h2>",
                "Si algo es difícil de usar, escriba a la dirección de contacto al "
                "pie de cada página. Respondemos en diez días hábiles.",
            ),
        ),
        "privacy": (
            "Declaración de privacidad",
            "privacidad",
            _html(
                "Puede leer este sitio sin que nadie le vea.",
                "<ul><li>Sin cookies: este sitio no pone ninguna.</li>"
                "<li>Sin direcciones: no guardamos ni registramos su dirección IP, "
                "el nombre de su navegador ni la página de la que viene.</li>"
                "<li>Sin terceros: cada archivo viene de este sitio; sin "
                "analítica, sin publicidad, sin botones de redes sociales.</li>"
                "<li>Solo recuentos: cuando sitios asociados muestran nuestros "
                "avisos, guardamos cuántas veces, por día y país, como totales. "
                "Nada en ellos dice quién los vio.</li></ul>",
                "Las líneas de ayuda a las que llama o escribe son servicios "
                "independientes con sus propias reglas; cada una indica aquí en "
                "qué puede confiar.",
                "«Salir de este sitio» le lleva al instante a un sitio neutral. No "
                "borra el historial del navegador: use una ventana privada.",
            ),
        ),
    },
    "fr": {
        "accessibility": (
            "Déclaration d'accessibilité",
            "accessibilite",
            _html(
                "Nous voulons que chacun puisse lire ce site et trouver de l'aide, "
                "quel que soit son appareil, son navigateur ou sa technologie "
                "d'assistance.",
                "<h2>Son niveau d'accessibilité</h2>",
                "Les pages publiques visent le niveau AA des WCAG 2.2. Chaque page "
                "est vérifiée avec axe-core dans un vrai navigateur, en anglais, "
                "en français et en arabe, sur un écran de 320 pixels et sur un "
                "grand écran. Elles fonctionnent sans JavaScript, suivent les "
                "langues écrites de droite à gauche et s'impriment proprement.",
                "<h2>Signalez-nous un problème</h2>",
                "Si quelque chose est difficile à utiliser, écrivez à l'adresse de "
                "contact en bas de chaque page. Nous répondons sous dix jours "
                "ouvrables.",
            ),
        ),
        "privacy": (
            "Déclaration de confidentialité",
            "confidentialite",
            _html(
                "Vous pouvez lire ce site sans être vu.",
                "<ul><li>Aucun cookie : ce site n'en dépose aucun.</li>"
                "<li>Aucune adresse : nous ne conservons ni n'enregistrons votre "
                "adresse IP, le nom de votre navigateur ou la page d'où vous "
                "venez.</li>"
                "<li>Aucun tiers : chaque fichier vient de ce site ; ni mesure "
                "d'audience, ni publicité, ni bouton de réseau social.</li>"
                "<li>Des totaux seulement : quand des sites partenaires affichent "
                "nos avertissements, nous gardons combien de fois, par jour et par "
                "pays, en totaux. Rien n'y dit qui les a vus.</li></ul>",
                "Les lignes d'aide que vous appelez ou contactez par chat sont des "
                "services distincts, avec leurs propres règles ; chacune indique "
                "ici ce sur quoi vous pouvez compter.",
                "« Quitter ce site » vous emmène aussitôt vers un site neutre. Il "
                "n'efface pas l'historique du navigateur : utilisez pour cela une "
                "fenêtre privée.",
            ),
        ),
    },
    "nl": {
        "accessibility": (
            "Toegankelijkheidsverklaring",
            "toegankelijkheid",
            _html(
                "We willen dat iedereen deze site kan lezen en hulp kan vinden, "
                "met elk apparaat, elke browser en elk hulpmiddel.",
                "<h2>Hoe toegankelijk ze is</h2>",
                "De openbare pagina's mikken op WCAG 2.2 niveau AA. Elke pagina "
                "wordt met axe-core in een echte browser gecontroleerd, in het "
                "Engels, Frans en Arabisch, op een scherm van 320 pixels en op een "
                "breed scherm. Ze werken zonder JavaScript, volgen talen van "
                "rechts naar links en zijn netjes af te drukken.",
                "<h2>Meld ons een probleem</h2>",
                "Is iets moeilijk te gebruiken, schrijf dan naar het contactadres "
                "onderaan elke pagina. We antwoorden binnen tien werkdagen.",
            ),
        ),
        "privacy": (
            "Privacyverklaring",
            "privacy",
            _html(
                "U kunt deze site lezen zonder gezien te worden.",
                "<ul><li>Geen cookies: deze site plaatst er geen.</li>"
                "<li>Geen adres: we bewaren of loggen uw IP-adres niet, noch de "
                "naam van uw browser of de pagina waar u vandaan kwam.</li>"
                "<li>Geen derden: elk bestand komt van deze site; geen "
                "statistieken, geen advertenties, geen knoppen van sociale "
                "media.</li>"
                "<li>Alleen tellingen: als partnersites onze waarschuwingen tonen, "
                "houden we bij hoe vaak, per dag en land, als totalen. Niets "
                "daarin zegt wie ze zag.</li></ul>",
                "De hulplijnen die u belt of waarmee u chat zijn aparte diensten "
                "met eigen regels; elk zegt hier waarop u kunt rekenen.",
                "„Deze site verlaten” brengt u meteen naar een neutrale site. Het "
                "wist uw browsergeschiedenis niet: gebruik daarvoor een privévenster.",
            ),
        ),
    },
    "pl": {
        "accessibility": (
            "Deklaracja dostępności",
            "dostepnosc",
            _html(
                "Chcemy, by każdy mógł czytać tę stronę i znaleźć pomoc, na "
                "każdym urządzeniu, w każdej przeglądarce i z każdą technologią "
                "wspomagającą.",
                "<h2>Jak bardzo jest dostępna</h2>",
                "Strony publiczne mają spełniać WCAG 2.2 na poziomie AA. Każda "
                "strona jest sprawdzana narzędziem axe-core w prawdziwej "
                "przeglądarce, po angielsku, francusku i arabsku, na ekranie "
                "o szerokości 320 pikseli i na szerokim. Działają bez JavaScriptu, "
                "obsługują języki pisane od prawej do lewej i dobrze się drukują.",
                "<h2>Zgłoś nam problem</h2>",
                "Jeśli coś jest trudne w użyciu, napisz na adres kontaktowy na dole "
                "każdej strony. Odpowiadamy w ciągu dziesięciu dni roboczych.",
            ),
        ),
        "privacy": (
            "Polityka prywatności",
            "prywatnosc",
            _html(
                "Możesz czytać tę stronę, nie będąc widzianym.",
                "<ul><li>Żadnych ciasteczek: ta strona nie zapisuje żadnych.</li>"
                "<li>Żadnych adresów: nie przechowujemy ani nie zapisujemy Twojego "
                "adresu IP, nazwy przeglądarki ani strony, z której przychodzisz."
                "</li>"
                "<li>Żadnych podmiotów trzecich: każdy plik pochodzi z tej strony; "
                "bez statystyk, reklam i przycisków mediów społecznościowych.</li>"
                "<li>Tylko liczby: gdy strony partnerów pokazują nasze ostrzeżenia, "
                "zapisujemy, ile razy, na dzień i kraj, jako sumy. Nic w nich nie "
                "mówi, kto je widział.</li></ul>",
                "Telefony zaufania, do których dzwonisz lub piszesz, to osobne "
                "usługi z własnymi zasadami; każdy mówi tutaj, na co możesz liczyć.",
                "„Opuść tę stronę” natychmiast przenosi na neutralną stronę. Nie "
                "usuwa historii przeglądarki: użyj do tego okna prywatnego.",
            ),
        ),
    },
}
