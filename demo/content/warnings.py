"""The demo campaign's warning: two wordings in every locale, and an example
partner whose key is published in the README (it reads public warnings only).

Wording A speaks of consequences, wording B of harm and help, as in the
randomised warnings the issue cites. Invented text, like all of the demo.
"""

from django.db import transaction
from wagtail.models import Locale

from campaign.models import CampaignPage
from outreach import keys
from outreach.models import Partner, Warning, WarningVariant

from . import demo_uuid
from .pages import CAMPAIGN_KEY, page_locale_codes
from .regions import SOURCE_LOCALE
from .sync import Tally, assign

#: Documented in the README; an example partner, never a real one.
EXAMPLE_KEY = "cmk_demo-example-partner-key-not-secret"
EXAMPLE_ORIGINS = "http://localhost:8001\nhttp://127.0.0.1:8001"

# (headline, text, call to action) per language, for wordings A and B.
WORDINGS = {
    "en": [
        ("Making abuse images with AI is a crime",
         "Creating sexual images of children is illegal, even with AI. It is "
         "investigated and punished. If you feel drawn to it, talk to someone "
         "now: anonymously.", "Get anonymous help"),
        ("Behind every image is a child",
         "AI-made abuse images harm real children and feed abuse. You can "
         "stop. Confidential help exists for people who worry about their "
         "thoughts.", "Talk to someone"),
    ],
    "ar": [
        ("صنع صور الاعتداء بالذكاء الاصطناعي جريمة",
         "إنشاء صور جنسية للأطفال غير قانوني، حتى بالذكاء الاصطناعي. يتم "
         "التحقيق فيه والمعاقبة عليه. إذا شعرت بالانجذاب إليه، تحدث إلى أحد "
         "الآن دون الكشف عن هويتك.", "احصل على مساعدة مجهولة"),
        ("خلف كل صورة طفل",
         "صور الاعتداء المصنوعة بالذكاء الاصطناعي تؤذي أطفالاً حقيقيين. "
         "يمكنك التوقف. توجد مساعدة سرية لمن يقلقون من أفكارهم.",
         "تحدث إلى أحد"),
    ],
    "da": [
        ("Det er en forbrydelse at lave overgrebsbilleder med AI",
         "Det er ulovligt at skabe seksuelle billeder af børn, også med AI. Det "
         "efterforskes og straffes. Føler du dig draget, så tal med nogen nu: "
         "anonymt.", "Få anonym hjælp"),
        ("Bag hvert billede er et barn",
         "AI-lavede overgrebsbilleder skader rigtige børn. Du kan stoppe. Der "
         "findes fortrolig hjælp til dem, der bekymrer sig om deres tanker.",
         "Tal med nogen"),
    ],
    "de": [
        ("Missbrauchsbilder mit KI zu erstellen ist eine Straftat",
         "Sexuelle Bilder von Kindern zu erzeugen ist verboten, auch mit KI. Es "
         "wird ermittelt und bestraft. Wenn es Sie dazu hinzieht, sprechen Sie "
         "jetzt mit jemandem: anonym.", "Anonyme Hilfe erhalten"),
        ("Hinter jedem Bild steht ein Kind",
         "Mit KI erzeugte Missbrauchsbilder schaden echten Kindern. Sie können "
         "aufhören. Es gibt vertrauliche Hilfe für Menschen, die sich wegen "
         "ihrer Gedanken sorgen.", "Mit jemandem sprechen"),
    ],
    "es": [
        ("Crear imágenes de abuso con IA es un delito",
         "Crear imágenes sexuales de menores es ilegal, también con IA. Se "
         "investiga y se castiga. Si te sientes atraído, habla con alguien "
         "ahora: de forma anónima.", "Obtén ayuda anónima"),
        ("Detrás de cada imagen hay un niño",
         "Las imágenes de abuso hechas con IA dañan a niños reales. Puedes "
         "parar. Existe ayuda confidencial para quien se preocupa por sus "
         "pensamientos.", "Habla con alguien"),
    ],
    "fr": [
        ("Créer des images d'abus avec l'IA est un crime",
         "Créer des images sexuelles d'enfants est illégal, même avec l'IA. "
         "C'est poursuivi et puni. Si vous vous sentez attiré, parlez à "
         "quelqu'un maintenant, anonymement.", "Obtenir une aide anonyme"),
        ("Derrière chaque image, il y a un enfant",
         "Les images d'abus faites par IA nuisent à de vrais enfants. Vous "
         "pouvez arrêter. Une aide confidentielle existe pour qui s'inquiète "
         "de ses pensées.", "Parler à quelqu'un"),
    ],
    "nl": [
        ("Misbruikbeelden maken met AI is een misdrijf",
         "Seksuele beelden van kinderen maken is verboden, ook met AI. Het "
         "wordt onderzocht en bestraft. Voel je je ertoe aangetrokken, praat "
         "dan nu met iemand: anoniem.", "Krijg anonieme hulp"),
        ("Achter elk beeld zit een kind",
         "Met AI gemaakte misbruikbeelden schaden echte kinderen. Je kunt "
         "stoppen. Er is vertrouwelijke hulp voor wie zich zorgen maakt over "
         "zijn gedachten.", "Praat met iemand"),
    ],
    "pl": [
        ("Tworzenie obrazów wykorzystywania za pomocą AI to przestępstwo",
         "Tworzenie seksualnych obrazów dzieci jest nielegalne, także z AI. "
         "Jest ścigane i karane. Jeśli cię to pociąga, porozmawiaj z kimś "
         "teraz: anonimowo.", "Uzyskaj anonimową pomoc"),
        ("Za każdym obrazem jest dziecko",
         "Obrazy wykorzystywania tworzone przez AI krzywdzą prawdziwe dzieci. "
         "Możesz przestać. Istnieje poufna pomoc dla osób zaniepokojonych "
         "swoimi myślami.", "Porozmawiaj z kimś"),
    ],
}  # fmt: skip
LABELS = ["A: consequences", "B: harm and help"]
TARGETS = [WarningVariant.Target.HELPLINE, WarningVariant.Target.HELPLINE]


def sync_warning(locales: dict[str, Locale], tally: Tally) -> Warning:
    source = CampaignPage.objects.get(
        translation_key=CAMPAIGN_KEY, locale=locales[SOURCE_LOCALE]
    )
    warning, created = Warning.objects.get_or_create(campaign=source)
    tally.add("warning", "created" if created else "unchanged")
    for number, label in enumerate(LABELS):
        key = demo_uuid(f"warning/variant/{number}")
        for code in page_locale_codes():
            headline, text, action = WORDINGS[code.split("-", 1)[0]][number]
            _sync_variant(
                warning, key, locales[code], tally,
                label=label, headline=headline, text=text, cta_label=action,
                cta_target=TARGETS[number], sort_order=number,
            )  # fmt: skip
    return warning


def _sync_variant(warning, key, locale, tally, **values) -> None:
    row = WarningVariant.objects.filter(translation_key=key, locale=locale).first()
    created = row is None
    if created:
        row = WarningVariant(translation_key=key, locale=locale)
    changed = assign(row, warning=warning, **values)
    if created or changed:
        row.full_clean()
        row.save()
    tally.add("warning wording", "created" if created else (
        "updated" if changed else "unchanged"))  # fmt: skip


def sync_partner(tally: Tally) -> Partner:
    with transaction.atomic():
        partner = Partner.objects.filter(slug="example-partner").first()
        created = partner is None
        if created:
            partner = Partner(slug="example-partner")
        changed = assign(
            partner,
            name="Example partner (demo)",
            contact="Not a real partner: demo data.",
            allowed_origins=EXAMPLE_ORIGINS,
            is_example=True,
            key_digest=keys.digest(EXAMPLE_KEY),
        )
        if created or changed:
            partner.full_clean()
            partner.save()
    tally.add("partner", "created" if created else (
        "updated" if changed else "unchanged"))  # fmt: skip
    return partner
