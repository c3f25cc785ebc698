"""The Dutch and Arabic UI translations of the package and of the example site.

`make messages` extracts the msgids with makemessages and then runs this script, which fills
both catalogues from the tables below, compiles them, and fails naming every msgid that has
no translation yet, so a new UI string cannot slip through untranslated (the test suite checks
the catalogues too). Review the Dutch with someone who knows Dutch school law.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = [ROOT / "wagtail_vertrouwen" / "locale", ROOT / "example_site" / "locale"]

# msgid: (Dutch, Arabic)
T = {
    "Vertrouwenswerk": ("Vertrouwenswerk", "العمل السري"),
    "Title": ("Titel", "العنوان"),
    "Short explanation": ("Korte uitleg", "شرح قصير"),
    "Example": ("Voorbeeld", "مثال"),
    "Examples": ("Voorbeelden", "أمثلة"),
    "Other procedures": ("Andere procedures", "إجراءات أخرى"),
    "When another procedure applies instead, for example exam appeals.": (
        "Wanneer in plaats daarvan een andere procedure geldt, bijvoorbeeld beroep tegen een "
        "examenbeslissing.",
        "عندما ينطبق إجراء آخر بدلًا من ذلك، مثل الطعن في قرار امتحان.",
    ),
    "Probleemgebieden": ("Probleemgebieden", "مجالات المشكلات"),
    "Heading": ("Kop", "العنوان الرئيسي"),
    "Introduction": ("Inleiding", "مقدمة"),
    "Show the contacts that are always possible": (
        "Toon de contacten die altijd mogelijk zijn",
        "اعرض جهات الاتصال المتاحة دائمًا",
    ),
    "The contact person, the confidential advisers, the confidential inspector, Veilig Thuis "
    "and 112.": (
        "De contactpersoon, de vertrouwenspersonen, de vertrouwensinspecteur, Veilig Thuis en 112.",
        "جهة الاتصال، والأشخاص المؤتمنون، والمفتش المؤتمن، وVeilig Thuis، و112.",
    ),
    "Route-finder": ("Routewijzer", "دليل المسار"),
    "Who (role)": ("Wie (rol)", "مَن (الدور)"),
    "The role to go to. The route-finder shows the people with this role at the school.": (
        "De rol waar je naartoe gaat. De routewijzer toont de mensen met deze rol op school.",
        "الدور الذي تتوجه إليه. يعرض دليل المسار الأشخاص الذين يشغلون هذا الدور في المدرسة.",
    ),
    "Who (a particular person)": ("Wie (een bepaalde persoon)", "مَن (شخص محدد)"),
    "Optional: point to one profile instead of everyone with the role.": (
        "Optioneel: verwijs naar één profiel in plaats van iedereen met de rol.",
        "اختياري: أشر إلى ملف شخصي واحد بدلًا من كل من يشغل هذا الدور.",
    ),
    "What to do": ("Wat te doen", "ماذا تفعل"),
    "When to go on to the next step": (
        "Wanneer naar de volgende stap",
        "متى تنتقل إلى الخطوة التالية",
    ),
    "Step": ("Stap", "خطوة"),
    "Choose a role or a particular person for this step.": (
        "Kies een rol of een bepaalde persoon voor deze stap.",
        "اختر دورًا أو شخصًا محددًا لهذه الخطوة.",
    ),
    "Pupil": ("Leerling", "تلميذ/تلميذة"),
    "Parent or carer": ("Ouder of verzorger", "وليّ أمر أو مقدّم رعاية"),
    "Staff member": ("Medewerker", "موظف/موظفة"),
    "School organisation": ("Schoolorganisatie", "تنظيم المدرسة"),
    "Teaching and support": ("Onderwijs en begeleiding", "التعليم والدعم"),
    "Domestic violence and child abuse": (
        "Huiselijk geweld en kindermishandeling",
        "العنف المنزلي وإساءة معاملة الأطفال",
    ),
    "Personal problems and home situation": (
        "Persoonlijke problemen en thuissituatie",
        "مشكلات شخصية والوضع في المنزل",
    ),
    "Sexually transgressive behaviour": (
        "Seksueel grensoverschrijdend gedrag",
        "السلوك الجنسي المتجاوز للحدود",
    ),
    "Bullying, discrimination and aggression": (
        "Pesten, discriminatie en agressie",
        "التنمر والتمييز والعدوان",
    ),
    "Internal contact person": ("Interne contactpersoon", "جهة الاتصال الداخلية"),
    "Internal confidential adviser": ("Interne vertrouwenspersoon", "الشخص المؤتمن الداخلي"),
    "External confidential adviser": ("Externe vertrouwenspersoon", "الشخص المؤتمن الخارجي"),
    "Anti-bullying contact": ("Aanspreekpunt pesten", "مسؤول مكافحة التنمر"),
    "Child protection officer (meldcode)": (
        "Aandachtsfunctionaris (meldcode)",
        "مسؤول حماية الطفل (meldcode)",
    ),
    "Pupil support coordinator": (
        "Intern begeleider / zorgcoördinator",
        "منسق دعم التلاميذ",
    ),
    "School social worker": ("Schoolmaatschappelijk werker", "الأخصائي الاجتماعي المدرسي"),
    "Safety coordinator": ("Veiligheidscoördinator", "منسق السلامة"),
    "Mentor or teacher": ("Mentor of leraar", "المرشد أو المعلم"),
    "School leader": ("Schoolleiding", "إدارة المدرسة"),
    "Line manager": ("Leidinggevende", "المسؤول المباشر"),
    "Confidential adviser (internal or external)": (
        "Vertrouwenspersoon (intern of extern)",
        "شخص مؤتمن (داخلي أو خارجي)",
    ),
    "School board (bevoegd gezag)": (
        "Schoolbestuur (bevoegd gezag)",
        "مجلس إدارة المدرسة (bevoegd gezag)",
    ),
    "Complaints committee": ("Klachtencommissie", "لجنة الشكاوى"),
    "Confidential inspector": ("Vertrouwensinspecteur", "المفتش المؤتمن"),
    "Veilig Thuis": ("Veilig Thuis", "Veilig Thuis"),
    "Emergency number 112": ("Alarmnummer 112", "رقم الطوارئ 112"),
    "Disputes committee for special needs education": (
        "Geschillencommissie Passend Onderwijs",
        "لجنة النزاعات للتعليم المناسب",
    ),
    "Examination appeals board": (
        "Commissie van beroep voor examens",
        "لجنة الطعون في الامتحانات",
    ),
    "Dutch": ("Nederlands", "الهولندية"),
    "English": ("Engels", "الإنجليزية"),
    "Arabic": ("Arabisch", "العربية"),
    "Turkish": ("Turks", "التركية"),
    "Polish": ("Pools", "البولندية"),
    "Ukrainian": ("Oekraïens", "الأوكرانية"),
    "Tigrinya": ("Tigrinya", "التغرينية"),
    "Somali": ("Somalisch", "الصومالية"),
    "German": ("Duits", "الألمانية"),
    "French": ("Frans", "الفرنسية"),
    "Spanish": ("Spaans", "الإسبانية"),
    "Papiamento": ("Papiaments", "البابيامينتو"),
    "Frisian": ("Fries", "الفريزية"),
    "Sign Language of the Netherlands (NGT)": (
        "Nederlandse Gebarentaal (NGT)",
        "لغة الإشارة الهولندية (NGT)",
    ),
    "Emergency number": ("Alarmnummer", "رقم الطوارئ"),
    "In acute danger: police, ambulance, fire brigade.": (
        "Bij acuut gevaar: politie, ambulance, brandweer.",
        "في حالة الخطر الداهم: الشرطة، الإسعاف، الإطفاء.",
    ),
    "Advice and reports on domestic violence and child abuse. Free, day and night.": (
        "Advies en meldingen over huiselijk geweld en kindermishandeling. Gratis, dag en nacht.",
        "استشارة وبلاغات بشأن العنف المنزلي وإساءة معاملة الأطفال. مجانًا، ليلًا ونهارًا.",
    ),
    "Confidential inspector of the Education Inspectorate": (
        "Vertrouwensinspecteur van de Inspectie van het Onderwijs",
        "المفتش المؤتمن لدى مفتشية التعليم",
    ),
    "For sexual harassment and abuse, serious physical or psychological violence, "
    "discrimination and radicalisation at school.": (
        "Bij seksuele intimidatie en misbruik, ernstig fysiek of psychisch geweld, "
        "discriminatie en radicalisering op school.",
        "في حالات التحرش والاعتداء الجنسي، والعنف الجسدي أو النفسي الخطير، والتمييز "
        "والتطرف في المدرسة.",
    ),
    "Choose only from the options offered.": (
        "Kies alleen uit de aangeboden mogelijkheden.",
        "اختر فقط من الخيارات المعروضة.",
    ),
    "Enter a phone number of digits, spaces and hyphens, for example 024-1234567.": (
        "Vul een telefoonnummer in met cijfers, spaties en streepjes, bijvoorbeeld 024-1234567.",
        "أدخل رقم هاتف من أرقام ومسافات وشرطات، مثل 024-1234567.",
    ),
    "roles": ("rollen", "الأدوار"),
    "Everything this person is at the school; choose at least one.": (
        "Alles wat deze persoon op school is; kies er minstens één.",
        "كل الأدوار التي يشغلها هذا الشخص في المدرسة؛ اختر دورًا واحدًا على الأقل.",
    ),
    "photo": ("foto", "الصورة"),
    "photo description": ("beschrijving van de foto", "وصف الصورة"),
    "What the photo shows, for people who cannot see it. Leave empty to use the image's own "
    "description.": (
        "Wat er op de foto staat, voor mensen die hem niet kunnen zien. Laat leeg om de "
        "beschrijving van de afbeelding zelf te gebruiken.",
        "ما تُظهره الصورة، لمن لا يستطيع رؤيتها. اتركه فارغًا لاستخدام وصف الصورة نفسها.",
    ),
    "introduction": ("inleiding", "مقدمة"),
    "A few friendly sentences: who you are and what you can help with.": (
        "Een paar vriendelijke zinnen: wie je bent en waarmee je kunt helpen.",
        "بضع جمل ودودة: من أنت وبماذا يمكنك المساعدة.",
    ),
    "languages spoken": ("gesproken talen", "اللغات المحكية"),
    "phone": ("telefoon", "الهاتف"),
    "email": ("e-mail", "البريد الإلكتروني"),
    "consultation hours": ("spreekuur", "ساعات الاستقبال"),
    "When you can be reached, for example: Tuesdays 12:00-13:00.": (
        "Wanneer je bereikbaar bent, bijvoorbeeld: dinsdag 12.00-13.00 uur.",
        "متى يمكن الوصول إليك، مثلًا: أيام الثلاثاء 12:00-13:00.",
    ),
    "where to find me": ("waar je me vindt", "أين تجدني"),
    "For example: room 1.12, next to the staff room.": (
        "Bijvoorbeeld: kamer 1.12, naast de teamkamer.",
        "مثلًا: الغرفة 1.12، بجوار غرفة المعلمين.",
    ),
    "organisation": ("organisatie", "المؤسسة"),
    "For an external confidential adviser: the organisation they work for.": (
        "Voor een externe vertrouwenspersoon: de organisatie waarvoor die werkt.",
        "للشخص المؤتمن الخارجي: المؤسسة التي يعمل لديها.",
    ),
    "schools served": ("scholen", "المدارس المخدومة"),
    "The schools (sites) this person serves. Leave empty for only the school whose pages this "
    "profile is part of.": (
        "De scholen (sites) waarvoor deze persoon werkt. Laat leeg voor alleen de school waar "
        "dit profiel bij hoort.",
        "المدارس (المواقع) التي يخدمها هذا الشخص. اتركه فارغًا للمدرسة التي ينتمي إليها هذا "
        "الملف فقط.",
    ),
    "end of appointment term": ("einde benoemingstermijn", "نهاية مدة التعيين"),
    "After this date the profile is no longer listed or shown in the route-finder.": (
        "Na deze datum staat het profiel niet meer in het overzicht en niet meer in de "
        "routewijzer.",
        "بعد هذا التاريخ لا يظهر الملف في القائمة ولا في دليل المسار.",
    ),
    "Describe the photo for people who cannot see it, or give the image a description in the "
    "image library.": (
        "Beschrijf de foto voor mensen die hem niet kunnen zien, of geef de afbeelding een "
        "beschrijving in de afbeeldingenbibliotheek.",
        "صِف الصورة لمن لا يستطيع رؤيتها، أو أضف وصفًا للصورة في مكتبة الصور.",
    ),
    "Name": ("Naam", "الاسم"),
    "Photo": ("Foto", "الصورة"),
    "How and when to reach me": ("Hoe en wanneer ik bereikbaar ben", "كيف ومتى يمكن الوصول إليّ"),
    "Appointment": ("Benoeming", "التعيين"),
    "vertrouwenspersoon profile": ("profiel vertrouwenspersoon", "ملف الشخص المؤتمن"),
    "vertrouwenspersoon profiles": ("profielen vertrouwenspersonen", "ملفات الأشخاص المؤتمنين"),
    "School": ("School", "المدرسة"),
    "Speaks": ("Spreekt", "يتحدث"),
    "All schools": ("Alle scholen", "كل المدارس"),
    "Any language": ("Alle talen", "أي لغة"),
    "vertrouwenspersonen index": ("overzicht vertrouwenspersonen", "قائمة الأشخاص المؤتمنين"),
    "vertrouwenspersonen indexes": (
        "overzichten vertrouwenspersonen",
        "قوائم الأشخاص المؤتمنين",
    ),
    "Text": ("Tekst", "نص"),
    "content": ("inhoud", "المحتوى"),
    "route-finder page": ("routewijzerpagina", "صفحة دليل المسار"),
    "route-finder pages": ("routewijzerpagina's", "صفحات دليل المسار"),
    "We did not recognise that choice. Please choose again below.": (
        "We herkenden die keuze niet. Kies hieronder opnieuw.",
        "لم نتعرّف على هذا الاختيار. يُرجى الاختيار مرة أخرى أدناه.",
    ),
    "Who are you?": ("Wie ben je?", "من أنت؟"),
    "What is it about?": ("Waar gaat het over?", "عمّ يدور الأمر؟"),
    "For example:": ("Bijvoorbeeld:", "مثلًا:"),
    "Show my route": ("Toon mijn route", "اعرض مساري"),
    "Now choose what it is about.": ("Kies nu waar het over gaat.", "اختر الآن عمّ يدور الأمر."),
    "Now choose who you are.": ("Kies nu wie je bent.", "اختر الآن من أنت."),
    "Choose who you are and what it is about to see your route.": (
        "Kies wie je bent en waar het over gaat, dan zie je jouw route.",
        "اختر من أنت وعمّ يدور الأمر لترى مسارك.",
    ),
    "Your route: %(audience)s, %(area)s": (
        "Jouw route: %(audience)s, %(area)s",
        "مسارك: %(audience)s، %(area)s",
    ),
    "Next step:": ("Volgende stap:", "الخطوة التالية:"),
    "No route has been described for this situation yet. You can always turn to the people "
    "below.": (
        "Voor deze situatie is nog geen route beschreven. Je kunt altijd terecht bij de mensen "
        "hieronder.",
        "لم يُوصف مسار لهذه الحالة بعد. يمكنك دائمًا التوجه إلى الأشخاص أدناه.",
    ),
    "No subjects have been filled in for this route-finder yet. You can always turn to the "
    "people below.": (
        "Voor deze routewijzer zijn nog geen onderwerpen ingevuld. Je kunt altijd terecht bij "
        "de mensen hieronder.",
        "لم تُضَف مواضيع إلى دليل المسار هذا بعد. يمكنك دائمًا التوجه إلى الأشخاص أدناه.",
    ),
    "You can always turn to": ("Je kunt altijd terecht bij", "يمكنك دائمًا التوجه إلى"),
    "Ask at the school's reception who this is.": (
        "Vraag bij de receptie van school wie dit is.",
        "اسأل في استقبال المدرسة عن هذا الشخص.",
    ),
    "Phone:": ("Telefoon:", "الهاتف:"),
    "Email:": ("E-mail:", "البريد الإلكتروني:"),
    "Urgent help": ("Dringende hulp", "مساعدة عاجلة"),
    "Are you in danger, or is someone else? Get help straight away.": (
        "Ben jij of is iemand anders in gevaar? Vraag meteen hulp.",
        "هل أنت أو شخص آخر في خطر؟ اطلب المساعدة فورًا.",
    ),
    "Filter": ("Filter", "تصفية"),
    "Show": ("Toon", "اعرض"),
    "Speaks:": ("Spreekt:", "يتحدث:"),
    "No one matches this choice. Try another school or language, or ask at the school's "
    "reception.": (
        "Niemand past bij deze keuze. Probeer een andere school of taal, of vraag het bij de "
        "receptie van school.",
        "لا أحد يطابق هذا الاختيار. جرّب مدرسة أو لغة أخرى، أو اسأل في استقبال المدرسة.",
    ),
    "This appointment ended on %(date)s. Ask the school who to turn to now.": (
        "Deze benoeming is op %(date)s afgelopen. Vraag de school bij wie je nu terechtkunt.",
        "انتهى هذا التعيين في %(date)s. اسأل المدرسة إلى من تتوجه الآن.",
    ),
    "How to reach me": ("Zo bereik je mij", "كيف تصل إليّ"),
    "Phone": ("Telefoon", "الهاتف"),
    "Email": ("E-mail", "البريد الإلكتروني"),
    "Consultation hours": ("Spreekuur", "ساعات الاستقبال"),
    "Where to find me": ("Waar je me vindt", "أين تجدني"),
    "Ask at the school's reception how to reach me.": (
        "Vraag bij de receptie van school hoe je mij bereikt.",
        "اسأل في استقبال المدرسة عن كيفية الوصول إليّ.",
    ),
    "Languages I speak": ("Talen die ik spreek", "اللغات التي أتحدثها"),
    "Schools": ("Scholen", "المدارس"),
    "Back to %(title)s": ("Terug naar %(title)s", "العودة إلى %(title)s"),
    # The example site.
    "Skip to content": ("Naar de inhoud", "انتقل إلى المحتوى"),
    "Language": ("Taal", "اللغة"),
    "A school of": ("Een school van", "مدرسة تابعة لـ"),
    "demo site of wagtail-vertrouwen": (
        "demosite van wagtail-vertrouwen",
        "موقع تجريبي لـ wagtail-vertrouwen",
    ),
    "Page not found": ("Pagina niet gevonden", "الصفحة غير موجودة"),
    "Go to the homepage": ("Naar de homepage", "انتقل إلى الصفحة الرئيسية"),
    "school homepage": ("homepage van de school", "الصفحة الرئيسية للمدرسة"),
    "page listing the vertrouwenspersonen": (
        "pagina met de vertrouwenspersonen",
        "صفحة قائمة الأشخاص المؤتمنين",
    ),
}

# Plurals: msgid -> (Dutch forms, Arabic forms: zero, one, two, few, many, other)
PLURALS = {
    "%(counter)s person": (
        ("%(counter)s persoon", "%(counter)s personen"),
        (
            "لا أحد",
            "شخص واحد",
            "شخصان",
            "%(counter)s أشخاص",
            "%(counter)s شخصًا",
            "%(counter)s شخص",
        ),
    ),
}

ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5;"
)


def fill(locale_dir):
    """Fill the nl and ar catalogues under ``locale_dir``; return the msgids still missing."""
    import polib

    missing = []
    for index, language in enumerate(("nl", "ar")):
        path = locale_dir / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        if language == "ar":
            po.metadata["Plural-Forms"] = ARABIC_PLURAL_FORMS
        else:
            po.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
        po.metadata["Language"] = language
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        for entry in po:
            if entry.msgid_plural:
                forms = PLURALS.get(entry.msgid, ((), ()))[index]
                if forms:
                    entry.msgstr_plural = dict(enumerate(forms))
                else:
                    missing.append((language, entry.msgid))
            elif entry.msgid in T:
                entry.msgstr = T[entry.msgid][index]
            else:
                missing.append((language, entry.msgid))
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
        po.save_as_mofile(str(path.with_suffix(".mo")))
    return missing


if __name__ == "__main__":
    missing = [item for catalogue in CATALOGUES for item in fill(catalogue)]
    for language, msgid in missing:
        print(f"untranslated ({language}): {msgid!r}")
    raise SystemExit(1 if missing else 0)
