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
    "Confidential meldingen": ("Vertrouwelijke meldingen", "البلاغات السرية"),
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
    # The melding channel: the API.
    "Use GET or POST.": ("Gebruik GET of POST.", "استخدم GET أو POST."),
    "The request is not valid JSON in UTF-8.": (
        "Het verzoek is geen geldige JSON in UTF-8.",
        "الطلب ليس JSON صالحًا بترميز UTF-8.",
    ),
    "Send one JSON object with the answers.": (
        "Stuur één JSON-object met de antwoorden.",
        "أرسل كائن JSON واحدًا يحتوي على الإجابات.",
    ),
    "Send JSON, or multipart/form-data with attachments.": (
        "Stuur JSON, of multipart/form-data met bijlagen.",
        "أرسل JSON، أو multipart/form-data مع المرفقات.",
    ),
    "The request is too large.": ("Het verzoek is te groot.", "الطلب كبير جدًا."),
    "This form cannot receive meldingen yet. Please contact the school.": (
        "Dit formulier kan nog geen meldingen ontvangen. Neem contact op met de school.",
        "لا يمكن لهذا النموذج استقبال البلاغات بعد. يُرجى التواصل مع المدرسة.",
    ),
    "Meldingen listed (area and sender decrypted)": (
        "Meldingen getoond in de lijst (onderwerp en afzender ontsleuteld)",
        "عُرضت البلاغات في القائمة (فُكّ تشفير الموضوع والمُرسِل)",
    ),
    "Melding exported": ("Melding geëxporteerd", "صُدِّر البلاغ"),
    "Your melding could not be stored because of a fault on our side. Nothing was sent. "
    "Please try again later.": (
        "Je melding kon door een fout bij ons niet worden opgeslagen. Er is niets verstuurd. "
        "Probeer het later nog eens.",
        "تعذّر حفظ بلاغك بسبب خلل لدينا. لم يُرسَل أي شيء. يُرجى المحاولة لاحقًا.",
    ),
    "There is a new melding for you as a vertrouwenspersoon.": (
        "Er is een nieuwe melding voor u als vertrouwenspersoon.",
        "هناك بلاغ جديد موجّه إليك بصفتك الشخص المؤتمن.",
    ),
    "Vertrouwenspersoon %(number)d": ("Vertrouwenspersoon %(number)d", "الشخص المؤتمن %(number)d"),
    "The person you wanted to keep this melding away from is now its only recipient, so it "
    "was not sent. Please contact the school another way, or the vertrouwensinspecteur "
    "(0900-1113111). Your text is still here.": (
        "De persoon bij wie je deze melding weg wilde houden, is nu de enige ontvanger. Daarom "
        "is de melding niet verstuurd. Neem op een andere manier contact op met de school, of "
        "met de vertrouwensinspecteur (0900-1113111). Je tekst staat er nog.",
        "الشخص الذي أردت إبعاد هذا البلاغ عنه أصبح الآن المستلم الوحيد، لذلك لم يُرسَل البلاغ. "
        "يُرجى التواصل مع المدرسة بطريقة أخرى، أو مع المفتش المؤتمن (0900-1113111). نصّك ما زال هنا.",
    ),
    "The recipients of the melding at the time: they keep seeing this line, also after the "
    "melding is deleted.": (
        "De ontvangers van de melding op dat moment: zij blijven deze regel zien, ook nadat de "
        "melding is verwijderd.",
        "مستلمو البلاغ في ذلك الوقت: يظلون يرون هذا السطر، حتى بعد حذف البلاغ.",
    ),
    "Some characters in this text are broken. Please type them again.": (
        "Sommige tekens in deze tekst zijn kapot. Typ ze opnieuw.",
        "بعض الأحرف في هذا النص تالفة. يُرجى كتابتها من جديد.",
    ),
    "Too many or too large files were sent, so nothing could be read. Choose at most "
    "%(count)d photos or PDF files and send again.": (
        "Er zijn te veel of te grote bestanden verstuurd, zodat niets gelezen kon worden. Kies "
        "hoogstens %(count)d foto's of pdf-bestanden en verstuur opnieuw.",
        "أُرسلت ملفات كثيرة جدًا أو كبيرة جدًا، فتعذّرت قراءة أي شيء. اختر %(count)d من الصور "
        "أو ملفات PDF على الأكثر وأرسل من جديد.",
    ),
    "Your key was already set up in another window or by a double click. Use the recovery "
    "code shown there; if you did not see it, restore access with your password and make a "
    "note of the new code.": (
        "Uw sleutel was al ingesteld in een ander venster of door een dubbele klik. Gebruik de "
        "herstelcode die daar werd getoond; hebt u die niet gezien, herstel dan de toegang met "
        "uw wachtwoord en noteer de nieuwe code.",
        "سبق إعداد مفتاحك في نافذة أخرى أو بنقرة مزدوجة. استخدم رمز الاسترداد الذي ظهر هناك؛ "
        "وإن لم تره، فاستعد الوصول بكلمة المرور ودوّن الرمز الجديد.",
    ),
    "Recipient's e-mail address changed": (
        "E-mailadres van een ontvanger gewijzigd",
        "تغيّر البريد الإلكتروني لأحد المستلمين",
    ),
    "Not readable with your current key (sent before you set up a new key).": (
        "Niet leesbaar met uw huidige sleutel (verstuurd voordat u een nieuwe sleutel instelde).",
        "غير قابل للقراءة بمفتاحك الحالي (أُرسل قبل أن تُعِدّ مفتاحًا جديدًا).",
    ),
    "The e-mail address of %(subject)s, who receives meldingen, was changed. Notices about "
    "new meldingen and recipient changes now go to the new address.": (
        "Het e-mailadres van %(subject)s, die meldingen ontvangt, is gewijzigd. Berichten over "
        "nieuwe meldingen en wijzigingen van ontvangers gaan nu naar het nieuwe adres.",
        "تغيّر البريد الإلكتروني لـ %(subject)s، الذي يستلم البلاغات. تُرسل الإشعارات عن "
        "البلاغات الجديدة وتغييرات المستلمين الآن إلى العنوان الجديد.",
    ),
    "The e-mail address of a melding recipient was changed": (
        "Het e-mailadres van een ontvanger van meldingen is gewijzigd",
        "تغيّر البريد الإلكتروني لأحد مستلمي البلاغات",
    ),
    "Choose at most %(count)s files.": (
        "Kies hoogstens %(count)s bestanden.",
        "اختر %(count)s ملفات على الأكثر.",
    ),
    "This must be text.": ("Dit moet tekst zijn.", "يجب أن يكون هذا نصًا."),
    "This melding was already sent. Nothing was sent twice.": (
        "Deze melding is al verstuurd. Er is niets dubbel verstuurd.",
        "أُرسل هذا البلاغ من قبل. لم يُرسَل أي شيء مرتين.",
    ),
    "Very many meldingen arrived in the last hour. Please try again in an hour.": (
        "Het afgelopen uur zijn er heel veel meldingen binnengekomen. Probeer het over een uur "
        "opnieuw.",
        "وصل عدد كبير جدًا من البلاغات خلال الساعة الماضية. يُرجى المحاولة مرة أخرى بعد ساعة.",
    ),
    "Your melding was received.": ("Je melding is ontvangen.", "تم استلام بلاغك."),
    # The melding form (public: "je").
    "I am a pupil": ("Ik ben leerling", "أنا تلميذ/تلميذة"),
    "I am a parent or carer": ("Ik ben ouder of verzorger", "أنا وليّ أمر أو مقدّم رعاية"),
    "I work at the school": ("Ik werk op de school", "أعمل في المدرسة"),
    "Someone else": ("Iemand anders", "شخص آخر"),
    "No, I do not want to be contacted": (
        "Nee, ik wil geen contact",
        "لا، لا أريد أن يتواصل معي أحد",
    ),
    "Yes, by e-mail": ("Ja, per e-mail", "نعم، عبر البريد الإلكتروني"),
    "Yes, by phone": ("Ja, telefonisch", "نعم، عبر الهاتف"),
    "Please keep this under %(limit_value)d characters (it has %(show_value)d).": (
        "Houd dit onder %(limit_value)d tekens (nu zijn het er %(show_value)d).",
        "يُرجى ألّا يزيد النص على %(limit_value)d حرفًا (عدد أحرفه الآن: %(show_value)d).",
    ),
    "Something else, or I don't know": (
        "Iets anders, of ik weet het niet",
        "شيء آخر، أو لا أعرف",
    ),
    "Choose what it is about; “I don't know” is fine too.": (
        "Kies waar het over gaat; “ik weet het niet” mag ook.",
        "اختر عمّ يدور الأمر؛ «لا أعرف» مقبول أيضًا.",
    ),
    "Tell us whether you are a pupil, a parent or staff.": (
        "Vertel ons of je leerling, ouder of medewerker bent.",
        "أخبرنا إن كنت تلميذًا أو وليّ أمر أو من العاملين في المدرسة.",
    ),
    "What happened?": ("Wat is er gebeurd?", "ماذا حدث؟"),
    "Write it in your own words. You do not have to know everything.": (
        "Schrijf het op in je eigen woorden. Je hoeft niet alles te weten.",
        "اكتب ذلك بكلماتك الخاصة. لا يلزم أن تعرف كل شيء.",
    ),
    "Tell us in a few words what happened.": (
        "Vertel in een paar woorden wat er gebeurd is.",
        "أخبرنا ببضع كلمات بما حدث.",
    ),
    "When did it happen?": ("Wanneer is het gebeurd?", "متى حدث ذلك؟"),
    "For example: last week, or since September.": (
        "Bijvoorbeeld: vorige week, of sinds september.",
        "مثلًا: الأسبوع الماضي، أو منذ سبتمبر.",
    ),
    "Who was involved?": ("Wie waren erbij betrokken?", "مَن كان له علاقة بالأمر؟"),
    "What would you like to happen?": ("Wat zou je willen dat er gebeurt?", "ماذا تودّ أن يحدث؟"),
    "Do you want the vertrouwenspersoon to contact you?": (
        "Wil je dat de vertrouwenspersoon contact met je opneemt?",
        "هل تريد أن يتواصل معك الشخص المؤتمن؟",
    ),
    "Your name (optional)": ("Je naam (niet verplicht)", "اسمك (اختياري)"),
    "Leave it empty to stay anonymous.": (
        "Laat dit leeg als je anoniem wilt blijven.",
        "اتركه فارغًا إذا أردت ألّا تذكر اسمك.",
    ),
    "Your e-mail address (optional)": (
        "Je e-mailadres (niet verplicht)",
        "بريدك الإلكتروني (اختياري)",
    ),
    "Your phone number (optional)": ("Je telefoonnummer (niet verplicht)", "رقم هاتفك (اختياري)"),
    "Keep this melding away from": ("Stuur deze melding niet naar", "لا تُرسل هذا البلاغ إلى"),
    "If your melding is about one of them, that person will not receive it.": (
        "Als je melding over een van hen gaat, krijgt die persoon de melding niet.",
        "إذا كان بلاغك يتعلق بأحدهم، فلن يصل البلاغ إلى ذلك الشخص.",
    ),
    "Photos, screenshots or PDF files (optional)": (
        "Foto's, screenshots of pdf-bestanden (niet verplicht)",
        "صور أو لقطات شاشة أو ملفات PDF (اختياري)",
    ),
    "Send a confirmation to this e-mail address (optional)": (
        "Stuur een bevestiging naar dit e-mailadres (niet verplicht)",
        "أرسل تأكيدًا إلى عنوان البريد الإلكتروني هذا (اختياري)",
    ),
    "We only send that we received your melding. This address is not stored.": (
        "We laten alleen weten dat we je melding hebben ontvangen. Dit adres wordt niet bewaard.",
        "نُعلمك فقط بأننا استلمنا بلاغك. لا يُحفَظ هذا العنوان.",
    ),
    "Leave this field empty": ("Laat dit veld leeg", "اترك هذا الحقل فارغًا"),
    "— nobody, all recipients may read it —": (
        "— niemand, alle ontvangers mogen de melding lezen —",
        "— لا أحد، يمكن لجميع المستلمين قراءته —",
    ),
    "This field must stay empty.": ("Dit veld moet leeg blijven.", "يجب أن يبقى هذا الحقل فارغًا."),
    "The spam check did not finish. Wait a moment and send again; it needs JavaScript switched "
    "on. Nothing you wrote is lost.": (
        "De spamcontrole is niet afgerond. Wacht even en verstuur het opnieuw; JavaScript moet "
        "daarvoor aanstaan. Wat je hebt geschreven, ben je niet kwijt.",
        "لم يكتمل فحص الرسائل المزعجة. انتظر قليلًا ثم أرسل مرة أخرى؛ يجب أن تكون JavaScript "
        "مفعّلة. لم يضِع شيء مما كتبته.",
    ),
    "Fill in your e-mail address, so we can contact you.": (
        "Vul je e-mailadres in, zodat we contact met je kunnen opnemen.",
        "أدخل بريدك الإلكتروني لنتمكن من التواصل معك.",
    ),
    "Fill in your phone number, so we can call you.": (
        "Vul je telefoonnummer in, zodat we je kunnen bellen.",
        "أدخل رقم هاتفك لنتمكن من الاتصال بك.",
    ),
    "“%(name)s” is larger than %(limit)s. Make it smaller, or leave it out.": (
        "“%(name)s” is groter dan %(limit)s. Maak het bestand kleiner, of laat het weg.",
        "«%(name)s» أكبر من %(limit)s. صغّر حجمه أو لا تُرفقه.",
    ),
    "“%(name)s” is empty.": ("“%(name)s” is leeg.", "«%(name)s» فارغ."),
    "“%(name)s” is not a photo, a screenshot or a PDF file. You can add JPEG, PNG, GIF, WebP "
    "and PDF files.": (
        "“%(name)s” is geen foto, screenshot of pdf-bestand. Je kunt JPEG-, PNG-, GIF-, WebP- "
        "en pdf-bestanden toevoegen.",
        "«%(name)s» ليس صورة ولا لقطة شاشة ولا ملف PDF. يمكنك إضافة ملفات JPEG وPNG وGIF وWebP "
        "وPDF.",
    ),
    "The files together are larger than %(limit)s. Leave some out.": (
        "De bestanden zijn samen groter dan %(limit)s. Laat er een paar weg.",
        "حجم الملفات معًا أكبر من %(limit)s. استبعد بعضها.",
    ),
    "Very many meldingen arrived in the last hour, so this form is paused for a while. Please "
    "try again in an hour, or call the vertrouwenspersoon. Your text is still here.": (
        "Het afgelopen uur zijn er heel veel meldingen binnengekomen. Daarom staat dit formulier "
        "even stil. Probeer het over een uur opnieuw, of bel de vertrouwenspersoon. Je tekst "
        "staat er nog.",
        "وصل عدد كبير جدًا من البلاغات خلال الساعة الماضية، لذا أُوقف هذا النموذج مؤقتًا. يُرجى "
        "المحاولة مرة أخرى بعد ساعة، أو الاتصال بالشخص المؤتمن. نصّك ما زال هنا.",
    ),
    "Your melding could not be stored because of a fault on our side. Nothing was sent. Please "
    "try again later; your text is still here.": (
        "Door een fout aan onze kant kon je melding niet worden opgeslagen. Er is niets "
        "verstuurd. Probeer het later opnieuw; je tekst staat er nog.",
        "تعذّر حفظ بلاغك بسبب خلل من جهتنا. لم يُرسَل أي شيء. يُرجى المحاولة لاحقًا؛ نصّك ما زال هنا.",
    ),
    "We received your melding": ("We hebben je melding ontvangen", "استلمنا بلاغك"),
    "Your melding was received": ("Je melding is ontvangen", "تم استلام بلاغك"),
    "Thank you for telling us. Only the vertrouwenspersoon can read your melding.": (
        "Bedankt dat je het ons hebt verteld. Alleen de vertrouwenspersoon kan je melding lezen.",
        "شكرًا لأنك أخبرتنا. لا يستطيع قراءة بلاغك إلا الشخص المؤتمن.",
    ),
    "Good to know": ("Goed om te weten", "من المفيد أن تعرف"),
    "Only the vertrouwenspersoon reads what you write. Teachers, the head and the people who run "
    "this website cannot read it.": (
        "Alleen de vertrouwenspersoon leest wat je schrijft. Leraren, de directeur en de mensen "
        "die deze website beheren, kunnen het niet lezen.",
        "لا يقرأ ما تكتبه إلا الشخص المؤتمن. لا يستطيع المعلمون ولا المدير ولا القائمون على هذا "
        "الموقع قراءته.",
    ),
    "You do not have to give your name.": (
        "Je hoeft je naam niet te geven.",
        "لا يلزمك ذكر اسمك.",
    ),
    "A melding is not a formal complaint. The vertrouwenspersoon listens, helps you think about "
    "what you can do, and can help you make a complaint if you want to.": (
        "Een melding is geen formele klacht. De vertrouwenspersoon luistert, denkt met je mee "
        "over wat je kunt doen, en kan je helpen een klacht in te dienen als je dat wilt.",
        "البلاغ ليس شكوى رسمية. يستمع إليك الشخص المؤتمن، ويساعدك على التفكير فيما يمكنك فعله، "
        "ويمكنه مساعدتك في تقديم شكوى إذا أردت ذلك.",
    ),
    "The vertrouwenspersoon keeps what you tell a secret, except when someone is in danger or "
    "when the law says they must tell: for example about sexual abuse by someone who works at "
    "the school, or a crime. They will tell you first if that happens.": (
        "De vertrouwenspersoon houdt geheim wat je vertelt, behalve als iemand in gevaar is of "
        "als de wet zegt dat het verteld moet worden: bijvoorbeeld bij seksueel misbruik door "
        "iemand die op school werkt, of bij een misdrijf. Als dat zo is, hoor je dat eerst van "
        "de vertrouwenspersoon.",
        "يحفظ الشخص المؤتمن ما تخبره به سرًّا، إلا إذا كان أحد في خطر أو إذا أوجب القانون "
        "الإبلاغ: مثلًا عن اعتداء جنسي من شخص يعمل في المدرسة، أو عن جريمة. وإذا حدث ذلك "
        "فسيخبرك أولًا.",
    ),
    'Are you in danger now? Call <a href="tel:112">112</a>. Violence at home or abuse: call '
    'Veilig Thuis, <a href="tel:08002000">0800-2000</a> (free, day and night).': (
        'Ben je nu in gevaar? Bel <a href="tel:112">112</a>. Geweld thuis of mishandeling: bel '
        'Veilig Thuis, <a href="tel:08002000">0800-2000</a> (gratis, dag en nacht).',
        'هل أنت في خطر الآن؟ اتصل بالرقم <a href="tel:112">112</a>. العنف في المنزل أو الإساءة: '
        'اتصل بـ Veilig Thuis على الرقم <a href="tel:08002000">0800-2000</a> (مجانًا، ليلًا '
        "ونهارًا).",
    ),
    "This form cannot receive meldingen yet. Please contact the school or a vertrouwenspersoon "
    "directly.": (
        "Dit formulier kan nog geen meldingen ontvangen. Neem rechtstreeks contact op met de "
        "school of met een vertrouwenspersoon.",
        "لا يمكن لهذا النموذج استقبال البلاغات بعد. يُرجى التواصل مباشرة مع المدرسة أو مع شخص "
        "مؤتمن.",
    ),
    "Please check the form": ("Kijk het formulier nog even na", "يُرجى مراجعة النموذج"),
    "Nothing was sent yet. What you wrote is still here; files must be chosen again.": (
        "Er is nog niets verstuurd. Wat je hebt geschreven, staat er nog; bestanden moet je "
        "opnieuw kiezen.",
        "لم يُرسَل أي شيء بعد. ما كتبته ما زال هنا؛ يجب اختيار الملفات مرة أخرى.",
    ),
    "Sending… checking that you are not a robot.": (
        "Versturen… we controleren of je geen robot bent.",
        "جارٍ الإرسال… نتحقق من أنك لست روبوتًا.",
    ),
    "At most %(count)s files of %(each)s each, %(total)s together.": (
        "Hoogstens %(count)s bestanden van elk hoogstens %(each)s, samen hoogstens %(total)s.",
        "الحد الأقصى لعدد الملفات: %(count)s، ولحجم كل ملف: %(each)s، وللمجموع: %(total)s.",
    ),
    "Send melding": ("Melding versturen", "إرسال البلاغ"),
    # The melding channel: the inbox of the vertrouwenspersoon ("u").
    "Code from your authenticator app, or a backup code": (
        "Code uit uw authenticator-app, of een back-upcode",
        "الرمز من تطبيق المصادقة، أو رمز احتياطي",
    ),
    "Your password": ("Uw wachtwoord", "كلمة مرورك"),
    "Your previous password": ("Uw vorige wachtwoord", "كلمة مرورك السابقة"),
    "Only needed once after you changed your password outside the inbox: your key is still "
    "protected with the old one.": (
        "Alleen eenmalig nodig nadat u uw wachtwoord buiten de inbox hebt gewijzigd: uw sleutel "
        "is dan nog met het oude wachtwoord beveiligd.",
        "مطلوبة مرة واحدة فقط بعد تغيير كلمة مرورك خارج صندوق الوارد: فمفتاحك ما زال محميًا "
        "بكلمة المرور القديمة.",
    ),
    "New password": ("Nieuw wachtwoord", "كلمة المرور الجديدة"),
    "New password again": ("Nieuw wachtwoord nogmaals", "كلمة المرور الجديدة مرة أخرى"),
    "The two passwords differ.": (
        "De twee wachtwoorden zijn niet gelijk.",
        "كلمتا المرور غير متطابقتين.",
    ),
    "Current password": ("Huidig wachtwoord", "كلمة المرور الحالية"),
    "That is not your current password.": (
        "Dat is niet uw huidige wachtwoord.",
        "هذه ليست كلمة مرورك الحالية.",
    ),
    "Recovery code": ("Herstelcode", "رمز الاسترداد"),
    "Status": ("Status", "الحالة"),
    "Private note": ("Persoonlijke notitie", "ملاحظة خاصة"),
    "Only you can read this note; it is encrypted to your key.": (
        "Alleen u kunt deze notitie lezen; ze is versleuteld met uw sleutel.",
        "أنت وحدك من يستطيع قراءة هذه الملاحظة؛ فهي مشفّرة بمفتاحك.",
    ),
    "Yes, delete this melding and its attachments for good": (
        "Ja, verwijder deze melding en de bijlagen definitief",
        "نعم، احذف هذا البلاغ ومرفقاته نهائيًا",
    ),
    "Tick the box to confirm.": (
        "Vink het vakje aan om te bevestigen.",
        "ضع علامة في المربع للتأكيد.",
    ),
    "Vertrouwenspersoon": ("Vertrouwenspersoon", "الشخص المؤتمن"),
    "An active account of the vertrouwenspersoon. They set up their key and second factor at "
    "their first visit to the inbox.": (
        "Een actief account van de vertrouwenspersoon. De vertrouwenspersoon stelt de sleutel en "
        "de tweede factor zelf in bij het eerste bezoek aan de inbox.",
        "حساب نشط للشخص المؤتمن. يُعِدّ مفتاحه وعامل التحقق الثاني بنفسه عند أول زيارة لصندوق الوارد.",
    ),
    "%(user)s now receives the new meldingen of “%(form)s”.": (
        "%(user)s ontvangt nu de nieuwe meldingen van “%(form)s”.",
        "يستلم %(user)s الآن البلاغات الجديدة من «%(form)s».",
    ),
    "Choose an account that is not a recipient of this form yet.": (
        "Kies een account dat nog geen ontvanger van dit formulier is.",
        "اختر حسابًا ليس مستلمًا لهذا النموذج بعد.",
    ),
    "A live melding form keeps at least one recipient. Add the new recipient first, or "
    "unpublish the form.": (
        "Een gepubliceerd meldformulier houdt altijd minstens één ontvanger. Voeg eerst de "
        "nieuwe ontvanger toe, of trek de publicatie van het formulier in.",
        "يجب أن يبقى لنموذج البلاغ المنشور مستلم واحد على الأقل. أضف المستلم الجديد أولًا، أو "
        "ألغِ نشر النموذج.",
    ),
    "%(user)s no longer receives new meldingen of “%(form)s”.": (
        "%(user)s ontvangt geen nieuwe meldingen van “%(form)s” meer.",
        "لم يعد %(user)s يستلم البلاغات الجديدة من «%(form)s».",
    ),
    "Authenticator app": ("Authenticator-app", "تطبيق المصادقة"),
    "That code is not right. Check the time on your phone and try the newest code.": (
        "Die code klopt niet. Controleer de tijd op uw telefoon en probeer de nieuwste code.",
        "هذا الرمز غير صحيح. تحقّق من الوقت على هاتفك وجرّب أحدث رمز.",
    ),
    "That code is not right, or was used already. Try the newest code.": (
        "Die code klopt niet of is al gebruikt. Probeer de nieuwste code.",
        "هذا الرمز غير صحيح أو استُخدم من قبل. جرّب أحدث رمز.",
    ),
    "That is not your password.": ("Dat is niet uw wachtwoord.", "هذه ليست كلمة مرورك."),
    "Your password changed since your key was protected. Enter your previous password once, or "
    "use your recovery code.": (
        "Uw wachtwoord is gewijzigd sinds uw sleutel werd beveiligd. Vul eenmalig uw vorige "
        "wachtwoord in, of gebruik uw herstelcode.",
        "تغيّرت كلمة مرورك منذ حماية مفتاحك. أدخل كلمة مرورك السابقة مرة واحدة، أو استخدم رمز "
        "الاسترداد.",
    ),
    "That previous password does not open your key.": (
        "Met dat vorige wachtwoord gaat uw sleutel niet open.",
        "كلمة المرور السابقة هذه لا تفتح مفتاحك.",
    ),
    "Your inbox is locked.": ("Uw inbox is vergrendeld.", "صندوق الوارد الخاص بك مقفل."),
    "Your key is protected with another password. Unlock the inbox first, then change your "
    "password here.": (
        "Uw sleutel is beveiligd met een ander wachtwoord. Ontgrendel eerst de inbox en wijzig "
        "daarna hier uw wachtwoord.",
        "مفتاحك محمي بكلمة مرور أخرى. افتح قفل صندوق الوارد أولًا، ثم غيّر كلمة مرورك هنا.",
    ),
    "Your password was changed and your key is protected with it.": (
        "Uw wachtwoord is gewijzigd en uw sleutel is ermee beveiligd.",
        "تم تغيير كلمة مرورك، وأصبح مفتاحك محميًا بها.",
    ),
    "That is not a recovery code: it has 32 letters and digits in groups of four.": (
        "Dat is geen herstelcode: die bestaat uit 32 letters en cijfers in groepjes van vier.",
        "هذا ليس رمز استرداد: فرمز الاسترداد يتكون من 32 حرفًا ورقمًا في مجموعات من أربعة.",
    ),
    "This recovery code does not open your key.": (
        "Met deze herstelcode gaat uw sleutel niet open.",
        "رمز الاسترداد هذا لا يفتح مفتاحك.",
    ),
    "Something else": ("Iets anders", "شيء آخر"),
    "Status changed to “%(status)s”.": (
        "Status gewijzigd in “%(status)s”.",
        "تم تغيير الحالة إلى «%(status)s».",
    ),
    "Choose one of the statuses.": ("Kies een van de statussen.", "اختر إحدى الحالات."),
    "Your note was saved.": ("Uw notitie is opgeslagen.", "تم حفظ ملاحظتك."),
    "Tick the box to confirm that the melding may be deleted.": (
        "Vink het vakje aan om te bevestigen dat de melding verwijderd mag worden.",
        "ضع علامة في المربع لتأكيد أن البلاغ يمكن حذفه.",
    ),
    "The melding and its attachments were deleted.": (
        "De melding en de bijlagen zijn verwijderd.",
        "تم حذف البلاغ ومرفقاته.",
    ),
    "Melding received": ("Melding ontvangen", "تم استلام البلاغ"),
    "Melding opened": ("Melding geopend", "تم فتح البلاغ"),
    "Attachment downloaded": ("Bijlage gedownload", "تم تنزيل مرفق"),
    "Status changed": ("Status gewijzigd", "تم تغيير الحالة"),
    "Private note saved": ("Persoonlijke notitie opgeslagen", "تم حفظ الملاحظة الخاصة"),
    "Melding deleted": ("Melding verwijderd", "تم حذف البلاغ"),
    "Melding purged after the retention period": (
        "Melding gewist na de bewaartermijn",
        "تم محو البلاغ بعد انتهاء مدة الاحتفاظ",
    ),
    "Recipient added": ("Ontvanger toegevoegd", "تمت إضافة مستلم"),
    "Recipient removed": ("Ontvanger verwijderd", "تمت إزالة مستلم"),
    "Key set up": ("Sleutel ingesteld", "تم إعداد المفتاح"),
    "Key protected with a new password": (
        "Sleutel beveiligd met een nieuw wachtwoord",
        "تمت حماية المفتاح بكلمة مرور جديدة",
    ),
    "Key restored with the recovery code": (
        "Sleutel hersteld met de herstelcode",
        "تمت استعادة المفتاح برمز الاسترداد",
    ),
    "when": ("wanneer", "متى"),
    "who": ("wie", "مَن"),
    "what": ("wat", "ماذا"),
    "The recipient a recipient change is about.": (
        "De ontvanger over wie een wijziging van de ontvangers gaat.",
        "المستلم الذي يخصه تغيير المستلمين.",
    ),
    "audit entry": ("logboekregel", "قيد في سجل التدقيق"),
    "audit log": ("logboek", "سجل التدقيق"),
    "public key": ("publieke sleutel", "المفتاح العام"),
    "recipient key": ("sleutel van ontvanger", "مفتاح المستلم"),
    "recipient keys": ("sleutels van ontvangers", "مفاتيح المستلمين"),
    "Shown above the form. The form itself always explains what a melding is, that it is not a "
    "formal complaint, and when confidentiality ends.": (
        "Staat boven het formulier. Het formulier legt zelf altijd uit wat een melding is, dat "
        "het geen formele klacht is en wanneer de geheimhouding ophoudt.",
        "يظهر فوق النموذج. يشرح النموذج نفسه دائمًا ما هو البلاغ، وأنه ليس شكوى رسمية، ومتى "
        "تنتهي السرية.",
    ),
    "thank-you text": ("bedanktekst", "نص الشكر"),
    "Shown after a melding was received. Say when the melder can expect an answer.": (
        "Staat in beeld nadat een melding is ontvangen. Vermeld wanneer de melder een antwoord "
        "kan verwachten.",
        "يظهر بعد استلام البلاغ. اذكر متى يمكن لمقدّم البلاغ أن يتوقع ردًا.",
    ),
    "retention period (days)": ("bewaartermijn (dagen)", "مدة الاحتفاظ (بالأيام)"),
    "Closed meldingen and their attachments are deleted this many days after closing.": (
        "Afgesloten meldingen en hun bijlagen worden dit aantal dagen na het afsluiten verwijderd.",
        "تُحذف البلاغات المغلقة ومرفقاتها بعد هذا العدد من الأيام من إغلاقها.",
    ),
    "Who receives the meldingen of this form is not set here: a person with the permission to "
    "designate recipients does that under Settings › Melding recipients.": (
        "Wie de meldingen van dit formulier ontvangt, stelt u hier niet in: dat doet iemand met "
        "het recht om ontvangers aan te wijzen, onder Instellingen › Ontvangers van meldingen.",
        "لا يُحدَّد هنا من يستلم بلاغات هذا النموذج: يقوم بذلك شخص لديه صلاحية تعيين "
        "المستلمين، من الإعدادات › مستلمو البلاغات.",
    ),
    "melding form": ("meldformulier", "نموذج البلاغ"),
    "melding forms": ("meldformulieren", "نماذج البلاغ"),
    "melding recipient": ("ontvanger van meldingen", "مستلم البلاغات"),
    "melding recipients": ("ontvangers van meldingen", "مستلمو البلاغات"),
    "Can designate the recipients of melding forms": (
        "Kan de ontvangers van meldformulieren aanwijzen",
        "يمكنه تعيين مستلمي نماذج البلاغ",
    ),
    "New": ("Nieuw", "جديد"),
    "In progress": ("In behandeling", "قيد المعالجة"),
    "Referred": ("Doorverwezen", "مُحال"),
    "Closed": ("Afgesloten", "مغلق"),
    "school": ("school", "المدرسة"),
    "received": ("ontvangen", "تاريخ الاستلام"),
    "status": ("status", "الحالة"),
    "melding": ("melding", "بلاغ"),
    "meldingen": ("meldingen", "بلاغات"),
    "Melding of %(date)s": ("Melding van %(date)s", "بلاغ بتاريخ %(date)s"),
    "When": ("Wanneer", "متى"),
    "Who": ("Wie", "مَن"),
    "What": ("Wat", "ماذا"),
    "About": ("Betreft", "بخصوص"),
    "Melding": ("Melding", "البلاغ"),
    "Nothing has been logged yet.": ("Er is nog niets vastgelegd.", "لم يُسجَّل شيء بعد."),
    "Your backup codes": ("Uw back-upcodes", "رموزك الاحتياطية"),
    "Each code works once, when your phone is not at hand. Print them or write them down now: "
    "they are not shown again.": (
        "Elke code werkt één keer, voor als u uw telefoon niet bij de hand hebt. Druk ze nu af "
        "of schrijf ze op: ze worden niet nog eens getoond.",
        "يعمل كل رمز مرة واحدة، عندما لا يكون هاتفك في متناولك. اطبعها أو دوّنها الآن: لن "
        "تُعرض مرة أخرى.",
    ),
    "I have stored them; continue": ("Ik heb ze bewaard; verder", "لقد حفظتها؛ متابعة"),
    "Meldingen": ("Meldingen", "البلاغات"),
    "Change your password here, so your key is protected with the new one at once.": (
        "Wijzig uw wachtwoord hier, dan wordt uw sleutel meteen met het nieuwe wachtwoord "
        "beveiligd.",
        "غيّر كلمة مرورك هنا، ليُحمى مفتاحك بكلمة المرور الجديدة فورًا.",
    ),
    "Change password": ("Wachtwoord wijzigen", "تغيير كلمة المرور"),
    "All meldingen": ("Alle meldingen", "كل البلاغات"),
    "Received": ("Ontvangen", "تاريخ الاستلام"),
    "Attachments": ("Bijlagen", "المرفقات"),
    "No attachments.": ("Geen bijlagen.", "لا توجد مرفقات."),
    "Export as a file": ("Exporteren als bestand", "تصدير كملف"),
    "Save status": ("Status opslaan", "حفظ الحالة"),
    "Closed: this melding is deleted on %(date)s.": (
        "Afgesloten: deze melding wordt op %(date)s verwijderd.",
        "مغلق: سيُحذف هذا البلاغ في %(date)s.",
    ),
    "Save note": ("Notitie opslaan", "حفظ الملاحظة"),
    "Delete": ("Verwijderen", "حذف"),
    "Delete melding": ("Melding verwijderen", "حذف البلاغ"),
    "Log": ("Logboek", "السجل"),
    "All": ("Alle", "الكل"),
    "From": ("Van", "المُرسِل"),
    "Unread": ("Ongelezen", "غير مقروء"),
    "There are no meldingen for you.": ("Er zijn geen meldingen voor u.", "لا توجد بلاغات لك."),
    "Audit log": ("Logboek", "سجل التدقيق"),
    "Lock my inbox": ("Mijn inbox vergrendelen", "قفل صندوق الوارد"),
    "Set up your key": ("Uw sleutel instellen", "إعداد مفتاحك"),
    "Meldingen are encrypted so that only you can read them. Your key is protected with your "
    "password; nobody else, not even the administrator, can open it.": (
        "Meldingen worden versleuteld, zodat alleen u ze kunt lezen. Uw sleutel is beveiligd met "
        "uw wachtwoord; niemand anders, ook de beheerder niet, kan hem openen.",
        "تُشفَّر البلاغات بحيث لا يستطيع قراءتها أحد غيرك. مفتاحك محمي بكلمة مرورك؛ لا يستطيع "
        "أي شخص آخر فتحه، ولا حتى مسؤول النظام.",
    ),
    "Set up my key": ("Mijn sleutel instellen", "إعداد مفتاحي"),
    "Set up your second factor": ("Uw tweede factor instellen", "إعداد عامل التحقق الثاني"),
    "Open an authenticator app on your phone (for example FreeOTP, Aegis or Google "
    "Authenticator).": (
        "Open een authenticator-app op uw telefoon (bijvoorbeeld FreeOTP, Aegis of Google "
        "Authenticator).",
        "افتح تطبيق مصادقة على هاتفك (مثل FreeOTP أو Aegis أو Google Authenticator).",
    ),
    "Scan this code, or type the key below into the app.": (
        "Scan deze code, of typ de sleutel hieronder over in de app.",
        "امسح هذا الرمز ضوئيًا، أو اكتب المفتاح أدناه في التطبيق.",
    ),
    "Enter the six-digit code the app shows.": (
        "Vul de code van zes cijfers in die de app toont.",
        "أدخل الرمز المكوّن من ستة أرقام الذي يعرضه التطبيق.",
    ),
    "Key:": ("Sleutel:", "المفتاح:"),
    "Confirm": ("Bevestigen", "تأكيد"),
    "Enter the six-digit code from your authenticator app, or one of your backup codes.": (
        "Vul de code van zes cijfers uit uw authenticator-app in, of een van uw back-upcodes.",
        "أدخل الرمز المكوّن من ستة أرقام من تطبيق المصادقة، أو أحد رموزك الاحتياطية.",
    ),
    "Your key is restored": ("Uw sleutel is hersteld", "تمت استعادة مفتاحك"),
    "Your key is ready": ("Uw sleutel is klaar", "مفتاحك جاهز"),
    "This is your recovery code. If you forget your password, it is the only way back to your "
    "meldingen. Write it down and keep it somewhere safe, away from your computer. It is shown "
    "only now.": (
        "Dit is uw herstelcode. Als u uw wachtwoord vergeet, is dit de enige weg terug naar uw "
        "meldingen. Schrijf de code op en bewaar hem op een veilige plek, niet bij uw computer. "
        "Hij wordt alleen nu getoond.",
        "هذا رمز الاسترداد الخاص بك. إذا نسيت كلمة مرورك، فهو الطريق الوحيد للعودة إلى بلاغاتك. "
        "دوّنه واحفظه في مكان آمن بعيدًا عن حاسوبك. لن يُعرض إلا الآن.",
    ),
    "I have written it down; open my inbox": (
        "Ik heb de code opgeschreven; open mijn inbox",
        "لقد دوّنته؛ افتح صندوق الوارد",
    ),
    "The inbox needs a second factor: confirm this session with the code from your authenticator "
    "app.": (
        "De inbox vraagt om een tweede factor: bevestig deze sessie met de code uit uw "
        "authenticator-app.",
        "يتطلب صندوق الوارد عامل تحقق ثانيًا: أكّد هذه الجلسة بالرمز من تطبيق المصادقة.",
    ),
    "Confirm with a code": ("Bevestigen met een code", "التأكيد برمز"),
    "Before you can receive meldingen, set up your key. It takes a minute.": (
        "Stel eerst uw sleutel in, dan kunt u meldingen ontvangen. Het duurt maar een minuut.",
        "قبل أن تتمكن من استلام البلاغات، أعِدّ مفتاحك. يستغرق ذلك دقيقة.",
    ),
    "Your inbox is locked. Enter your password to open it.": (
        "Uw inbox is vergrendeld. Vul uw wachtwoord in om hem te openen.",
        "صندوق الوارد مقفل. أدخل كلمة مرورك لفتحه.",
    ),
    "Unlock": ("Ontgrendelen", "فتح القفل"),
    "Enter the recovery code you wrote down when you set up your key, and choose a new password. "
    "You get a new recovery code; the old one stops working.": (
        "Vul de herstelcode in die u hebt opgeschreven toen u uw sleutel instelde, en kies een "
        "nieuw wachtwoord. U krijgt een nieuwe herstelcode; de oude werkt dan niet meer.",
        "أدخل رمز الاسترداد الذي دوّنته عند إعداد مفتاحك، واختر كلمة مرور جديدة. ستحصل على رمز "
        "استرداد جديد، ويتوقف الرمز القديم عن العمل.",
    ),
    "Restore my key": ("Mijn sleutel herstellen", "استعادة مفتاحي"),
    "Enter your password to unlock your meldingen. They lock again when you close the browser "
    "or after a while without use.": (
        "Vul uw wachtwoord in om uw meldingen te ontgrendelen. Ze worden weer vergrendeld als u "
        "de browser sluit of als u een tijdje niets doet.",
        "أدخل كلمة مرورك لفتح بلاغاتك. تُقفل مرة أخرى عند إغلاق المتصفح أو بعد فترة من عدم "
        "الاستخدام.",
    ),
    "Forgot your password? Use your recovery code.": (
        "Wachtwoord vergeten? Gebruik uw herstelcode.",
        "نسيت كلمة المرور؟ استخدم رمز الاسترداد.",
    ),
    # The melding channel: e-mails.
    "Hello,": ("Hallo,", "مرحبًا،"),
    "Your melding on the website of %(site)s was received. Only the vertrouwenspersoon can read "
    "it.": (
        "Je melding op de website van %(site)s is ontvangen. Alleen de vertrouwenspersoon kan "
        "hem lezen.",
        "تم استلام بلاغك على موقع %(site)s. لا يستطيع قراءته إلا الشخص المؤتمن.",
    ),
    "This message does not repeat what you wrote. If you asked to be contacted, the "
    "vertrouwenspersoon will contact you.": (
        "In dit bericht staat niet wat je hebt geschreven. Als je om contact hebt gevraagd, "
        "neemt de vertrouwenspersoon contact met je op.",
        "لا تكرّر هذه الرسالة ما كتبته. إذا طلبت أن يتواصل معك أحد، فسيتواصل معك الشخص المؤتمن.",
    ),
    "A new melding was sent through the website %(site)s. It is addressed to you as a "
    "vertrouwenspersoon.": (
        "Via de website %(site)s is een nieuwe melding verstuurd. Die is aan u gericht als "
        "vertrouwenspersoon.",
        "أُرسل بلاغ جديد عبر موقع %(site)s، وهو موجّه إليك بصفتك شخصًا مؤتمنًا.",
    ),
    "Read it in the protected inbox (you will need your password and your second factor):": (
        "Lees de melding in de beveiligde inbox (u hebt uw wachtwoord en uw tweede factor nodig):",
        "اقرأه في صندوق الوارد المحمي (ستحتاج إلى كلمة مرورك وعامل التحقق الثاني):",
    ),
    "This message holds nothing of the melding itself.": (
        "Dit bericht bevat niets van de melding zelf.",
        "لا تحتوي هذه الرسالة على أي شيء من البلاغ نفسه.",
    ),
    "A new melding is waiting for you": (
        "Er staat een nieuwe melding voor u klaar",
        "بلاغ جديد بانتظارك",
    ),
    "%(subject)s now receives the new meldingen of the form “%(form)s”. Meldingen sent before "
    "this change stay unreadable to them.": (
        "%(subject)s ontvangt nu de nieuwe meldingen van het formulier “%(form)s”. Meldingen "
        "die vóór deze wijziging zijn verstuurd, kan deze persoon niet lezen.",
        "يستلم %(subject)s الآن البلاغات الجديدة من النموذج «%(form)s». أما البلاغات المرسلة "
        "قبل هذا التغيير فتبقى غير قابلة للقراءة بالنسبة إليه.",
    ),
    "%(subject)s no longer receives new meldingen of the form “%(form)s”.": (
        "%(subject)s ontvangt geen nieuwe meldingen van het formulier “%(form)s” meer.",
        "لم يعد %(subject)s يستلم البلاغات الجديدة من النموذج «%(form)s».",
    ),
    "The change was made by %(actor)s.": (
        "De wijziging is gedaan door %(actor)s.",
        "أجرى هذا التغيير %(actor)s.",
    ),
    "If you did not expect this change, contact the school board at once. The change is in the "
    "audit log:": (
        "Had u deze wijziging niet verwacht? Neem dan meteen contact op met het schoolbestuur. "
        "De wijziging staat in het logboek:",
        "إذا لم تكن تتوقع هذا التغيير، فتواصل مع مجلس إدارة المدرسة فورًا. التغيير مسجّل في "
        "سجل التدقيق:",
    ),
    "A recipient was added to a melding form": (
        "Er is een ontvanger toegevoegd aan een meldformulier",
        "أُضيف مستلم إلى نموذج بلاغ",
    ),
    "A recipient was removed from a melding form": (
        "Er is een ontvanger verwijderd van een meldformulier",
        "أُزيل مستلم من نموذج بلاغ",
    ),
    # The melding channel: who receives the meldingen of a form.
    "Melding recipients": ("Ontvangers van meldingen", "مستلمو البلاغات"),
    "The vertrouwenspersonen who receive the meldingen of each form. A new recipient can read "
    "only meldingen sent after they were added. Every change is logged and mailed to the form's "
    "recipients.": (
        "De vertrouwenspersonen die de meldingen van elk formulier ontvangen. Een nieuwe "
        "ontvanger kan alleen meldingen lezen die zijn verstuurd nadat die persoon is toegevoegd. "
        "Elke wijziging wordt vastgelegd en gemaild naar de ontvangers van het formulier.",
        "الأشخاص المؤتمنون الذين يستلمون بلاغات كل نموذج. لا يستطيع المستلم الجديد أن يقرأ إلا "
        "البلاغات المرسلة بعد إضافته. يُسجَّل كل تغيير ويُرسَل بالبريد الإلكتروني إلى مستلمي "
        "النموذج.",
    ),
    "has not set up a key yet: receives nothing until then": (
        "heeft nog geen sleutel ingesteld: ontvangt tot die tijd niets",
        "لم يُعِدّ مفتاحه بعد: لن يستلم شيئًا حتى ذلك الحين",
    ),
    "Remove": ("Verwijderen", "إزالة"),
    "No recipients: this form cannot receive meldingen.": (
        "Geen ontvangers: dit formulier kan geen meldingen ontvangen.",
        "لا يوجد مستلمون: لا يمكن لهذا النموذج استقبال البلاغات.",
    ),
    "Add recipient": ("Ontvanger toevoegen", "إضافة مستلم"),
    "Recent changes": ("Recente wijzigingen", "التغييرات الأخيرة"),
    "There is no melding form yet. Create a page of the type “melding form” first.": (
        "Er is nog geen meldformulier. Maak eerst een pagina van het type “meldformulier”.",
        "لا يوجد نموذج بلاغ بعد. أنشئ أولًا صفحة من نوع «نموذج البلاغ».",
    ),
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
    "tell the vertrouwenspersoon in confidence, anonymously if you like.": (
        "vertel het in vertrouwen aan de vertrouwenspersoon, anoniem als je wilt.",
        "أخبر الشخص المؤتمن بسرية، ودون ذكر اسمك إن أردت.",
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
    "You can add at most %(count)d file.": (
        (
            "Je kunt hoogstens %(count)d bestand toevoegen.",
            "Je kunt hoogstens %(count)d bestanden toevoegen.",
        ),
        (
            "لا يمكنك إضافة أي ملف.",
            "يمكنك إضافة ملف واحد على الأكثر.",
            "يمكنك إضافة ملفين على الأكثر.",
            "يمكنك إضافة %(count)d ملفات على الأكثر.",
            "يمكنك إضافة %(count)d ملفًا على الأكثر.",
            "يمكنك إضافة %(count)d ملف على الأكثر.",
        ),
    ),
}

ARABIC_PLURAL_FORMS = (
    "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5;"
)


def _more_tables():
    """Further tables beside this file (``translations_<topic>.py``, each with ``T`` and
    optionally ``PLURALS``), so a topic's strings can be kept together."""
    import importlib.util

    for path in sorted(Path(__file__).parent.glob("translations_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        T.update(module.T)
        PLURALS.update(getattr(module, "PLURALS", {}))


_more_tables()


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
            elif (entry.msgctxt, entry.msgid) in T:  # pgettext: keyed (context, msgid)
                entry.msgstr = T[(entry.msgctxt, entry.msgid)][index]
            elif entry.msgid in T and not entry.msgctxt:
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
