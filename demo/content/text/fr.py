"""Texte de démonstration en français (fr-fr, fr-be, fr-ca). Entièrement fictif."""

TEXT = {
    "example": "(exemple)",
    "home": {
        "title": "Accueil",
        "seo_title": "Prévention et aide confidentielle",
        "search_description": (
            "Ce que dit la loi sur les images sexuelles d'enfants, y compris celles "
            "créées avec l'IA, et où trouver une aide confidentielle. Site de "
            "démonstration au contenu fictif."
        ),
        "intro": (
            "Ce que dit la loi, et où trouver une aide confidentielle si vos propres "
            "pensées ou votre comportement vous inquiètent. Ce site est une "
            "démonstration : tout son contenu est fictif."
        ),
    },
    "index": {
        "title": "Campagnes",
        "slug": "campagnes",
        "seo_title": "Campagnes en cours",
        "search_description": (
            "Campagnes sur la loi et sur l'aide confidentielle. Contenu de "
            "démonstration."
        ),
        "intro": (
            "Les campagnes diffusées dans votre langue et votre région. Tous les "
            "textes de ce site de démonstration sont fictifs."
        ),
    },
    "campaign": {
        "title": "L'IA ne rend pas cela légal",
        "slug": "lia-ne-rend-pas-cela-legal",
        "seo_title": "L'IA ne rend pas cela légal : la loi et où trouver de l'aide",
        "search_description": (
            "Créer des images sexuelles d'enfants avec des outils d'IA est un "
            "crime. Découvrez ce que dit la loi et où trouver une aide "
            "confidentielle. Campagne de démonstration."
        ),
        "hero": {
            "headline": "Créé avec l'IA. Toujours un crime.",
            "standfirst": (
                "Utiliser des outils d'IA pour créer des images sexuelles d'enfants "
                "est illégal et cause un tort réel. Si vos propres pensées ou votre "
                "comportement vous inquiètent, une aide confidentielle existe."
            ),
            "alt_text": (
                "Composition abstraite de cercles et de bandes superposés en bleu "
                "profond, bleu-vert et ambre."
            ),
        },
        "key_message": {
            "heading": "Quel que soit l'outil, la loi s'applique",
            "text": (
                "<p>Produire, détenir ou partager des images sexuelles d'enfants est "
                "un crime. Dans de nombreux pays, cela vaut aussi pour les images "
                "créées ou modifiées avec des outils d'IA, même lorsque l'enfant "
                "représenté n'existe pas.</p>"
                "<p>Ces images ne sont pas anodines : elles banalisent les violences "
                "sexuelles faites aux enfants et peuvent être fabriquées à partir de "
                "photos d'enfants réels.</p>"
            ),
        },
        "statistic": {
            "value": "2 sur 3",
            "label": (
                "Chiffre d'exemple : personnes ayant contacté une ligne d'écoute de "
                "démonstration qui disent qu'en parler tôt les a aidées à garder le "
                "contrôle"
            ),
            "source": (
                "Réseau d'écoute fictif, rapport d'exemple (inventé, pas une "
                "donnée de recherche)"
            ),
        },
        "legal": {
            "heading": "Ce que dit la loi",
            "intro": (
                "Un bref résumé pour votre région. Texte de démonstration, pas un "
                "conseil juridique."
            ),
        },
        "help": {
            "heading": "Parlez-en, en toute confidentialité",
            "text": (
                "Si vos pensées, vos pulsions ou ce que vous faites en ligne vous "
                "inquiètent, vous pouvez parler à un écoutant formé sans donner "
                "votre nom. Demander de l'aide tôt vous aide à garder le contrôle."
            ),
        },
        "faq": {
            "heading": "Questions et réponses",
            "questions": [
                (
                    "Est-ce illégal si l'image a été créée par une IA sans qu'aucun "
                    "enfant réel soit concerné ?",
                    "<p>Dans de nombreux pays, oui. Les lois sur les contenus "
                    "d'abus sexuels sur enfants couvrent souvent les images générées "
                    "ou modifiées par ordinateur, y compris avec l'IA. Lisez le "
                    "résumé pour votre région ci-dessus : c'est un texte de "
                    "démonstration, pas un conseil juridique.</p>",
                ),
                (
                    "Mes propres pensées m'inquiètent. À qui puis-je parler ?",
                    "<p>Les lignes d'écoute de cette page sont confidentielles et ne "
                    "jugent pas. Vous n'avez pas à donner votre nom. Beaucoup de "
                    "personnes trouvent utile d'en parler tôt, avant que quoi que ce "
                    "soit n'arrive.</p>",
                ),
                (
                    "Si je contacte une ligne d'écoute, serai-je signalé ?",
                    "<p>Chaque ligne d'écoute explique ses règles de "
                    "confidentialité au début de l'échange, et vous pouvez poser la "
                    "question avant de dire quoi que ce soit sur vous. Les lignes "
                    "de cette démonstration sont des exemples, pas de vrais "
                    "services.</p>",
                ),
            ],
        },
        "quote": {
            "quote": (
                "Demander de l'aide est une démarche responsable. Les personnes qui "
                "nous appellent sont écoutées, pas jugées, et beaucoup nous disent "
                "qu'elles auraient aimé appeler plus tôt."
            ),
            "attribution": "Une écoutante de ligne d'aide (exemple)",
            "role": "Rôle inventé pour cette démonstration",
        },
    },
    "legal": {
        "title": {
            "BE": "La loi en Belgique",
            "FR": "La loi en France",
            "CA": "La loi au Canada",
        },
        "place": {"BE": "En Belgique", "FR": "En France", "CA": "Au Canada"},
        "body": (
            "<p>%(place)s, produire, détenir ou partager des images sexuelles "
            "d'enfants est une infraction pénale. Cela inclut les images créées ou "
            "modifiées avec des outils d'IA.</p>"
            "<ul><li>Les peines peuvent comprendre l'emprisonnement et une "
            "inscription au casier judiciaire.</li>"
            "<li>Demander à une autre personne, ou à un outil d'IA, de créer une "
            "telle image peut aussi être une infraction.</li>"
            "<li>Partager une image, même en privé ou pour plaisanter, peut "
            "constituer une infraction distincte.</li></ul>"
            "<p><b>Texte de démonstration, pas un conseil juridique.</b> Ce texte a "
            "été inventé pour une démonstration ; sa date de révision fait aussi "
            "partie de la démonstration.</p>"
        ),
    },
    "helplines": {
        "line": {
            "name": "Ligne d'écoute confidentielle",
            "description": (
                "Pour les adultes inquiets de leurs propres pensées ou de leur "
                "comportement sexuels envers des enfants. Des écoutants formés vous "
                "écoutent sans jugement."
            ),
            "anonymity_note": (
                "Vous n'avez pas à donner votre nom. Les appels ne sont pas "
                "enregistrés."
            ),
        },
        "chat": {
            "name": "Chat anonyme et auto-assistance",
            "description": (
                "Chat en ligne et programme d'auto-assistance pour les personnes "
                "qui veulent arrêter de regarder ou de créer des images sexuelles "
                "d'enfants."
            ),
            "anonymity_note": (
                "Anonyme : ni compte ni nom. Les conversations ne sont pas "
                "conservées une fois terminées."
            ),
        },
        "family": {
            "name": "Soutien aux proches",
            "description": (
                "Pour toute personne inquiète des pensées ou du comportement d'un "
                "proche."
            ),
            "anonymity_note": "Confidentiel. Vous décidez de ce que vous partagez.",
        },
    },
}
