"""Dutch and Arabic for the melder's side of the mailbox (issue 9): the code shown once, the
form page's deadlines, the mailbox pages and the mailbox API. Dutch: "je" to the melder."""

# msgid: (Dutch, Arabic)
T = {
    # The code, on the thank-you page
    "Your code": ("Je code", "رمزك"),
    "With this code you can come back: read the answer of the vertrouwenspersoon, reply, and "
    "add files. You stay anonymous.": (
        "Met deze code kun je terugkomen: het antwoord van de vertrouwenspersoon lezen, "
        "reageren en bestanden toevoegen. Je blijft anoniem.",
        "بهذا الرمز يمكنك العودة: لقراءة ردّ الشخص المؤتمن، والرد عليه، وإضافة ملفات. وتبقى "
        "مجهول الهوية.",
    ),
    "Your code, digit by digit:": ("Je code, cijfer voor cijfer:", "رمزك، رقمًا رقمًا:"),
    "Write it down or take a photo of it now.": (
        "Schrijf hem nu op of maak er een foto van.",
        "اكتبه الآن أو التقط له صورة.",
    ),
    "It is shown only this once.": (
        "Je ziet hem alleen deze ene keer.",
        "لن يظهر إلا هذه المرة فقط.",
    ),
    "The school cannot recover it: nobody can look it up or send it to you again.": (
        "De school kan hem niet terughalen: niemand kan hem opzoeken of opnieuw naar je sturen.",
        "لا تستطيع المدرسة استعادته: لا أحد يمكنه البحث عنه أو إرساله إليك مرة أخرى.",
    ),
    "Keep it where nobody at home finds it: whoever has the code can read your melding and the "
    "answers.": (
        "Bewaar hem waar niemand thuis hem vindt: wie de code heeft, kan je melding en de "
        "antwoorden lezen.",
        "احفظه في مكان لا يجده فيه أحد في المنزل: من يملك الرمز يستطيع قراءة بلاغك والردود.",
    ),
    "Go to your mailbox": ("Naar je postvak", "انتقل إلى صندوق رسائلك"),
    "Log in there with your code. You can also find the mailbox later through a link on this "
    "page.": (
        "Log daar in met je code. Je vindt het postvak later ook via een link op deze pagina.",
        "سجّل الدخول هناك برمزك. ويمكنك أيضًا الوصول إلى صندوق الرسائل لاحقًا عبر رابط في هذه الصفحة.",
    ),
    # The form page
    "After sending you get a code. With it you can come back to read the answer of the "
    "vertrouwenspersoon, reply and add files, without giving your name.": (
        "Na het versturen krijg je een code. Daarmee kun je terugkomen om het antwoord van de "
        "vertrouwenspersoon te lezen, te reageren en bestanden toe te voegen, zonder je naam "
        "te geven.",
        "بعد الإرسال تحصل على رمز. به يمكنك العودة لقراءة ردّ الشخص المؤتمن، والرد عليه، "
        "وإضافة ملفات، دون أن تذكر اسمك.",
    ),
    "Already sent a melding? Go to your mailbox with your code.": (
        "Al een melding gestuurd? Ga met je code naar je postvak.",
        "هل أرسلت بلاغًا من قبل؟ انتقل برمزك إلى صندوق رسائلك.",
    ),
    "This melding was already sent; nothing was sent twice. Its code was shown once, right "
    "after sending, and cannot be shown again. If you did not write it down, you can send a "
    "new melding, or contact the vertrouwenspersoon.": (
        "Deze melding is al verstuurd; er is niets twee keer verstuurd. De code ervan is één "
        "keer getoond, direct na het versturen, en kan niet nog eens getoond worden. Heb je hem "
        "niet opgeschreven? Dan kun je een nieuwe melding sturen, of contact opnemen met de "
        "vertrouwenspersoon.",
        "هذا البلاغ أُرسل من قبل؛ لم يُرسَل شيء مرتين. ظهر رمزه مرة واحدة بعد الإرسال مباشرة، "
        "ولا يمكن عرضه مرة أخرى. إن لم تكن قد كتبته، يمكنك إرسال بلاغ جديد أو التواصل مع "
        "الشخص المؤتمن.",
    ),
    "This melding was already sent; nothing was sent twice. Its code was in the response to "
    "the first request and cannot be given again.": (
        "Deze melding is al verstuurd; er is niets twee keer verstuurd. De code ervan stond in "
        "het antwoord op het eerste verzoek en kan niet nog eens gegeven worden.",
        "هذا البلاغ أُرسل من قبل؛ لم يُرسَل شيء مرتين. كان رمزه في الرد على الطلب الأول ولا "
        "يمكن إعطاؤه مرة أخرى.",
    ),
    # The mailbox: frame and login
    "Your mailbox": ("Je postvak", "صندوق رسائلك"),
    "This mailbox in another language": (
        "Dit postvak in een andere taal",
        "صندوق الرسائل هذا بلغة أخرى",
    ),
    "Here you read the answer of the vertrouwenspersoon, reply, and add files. Log in with the "
    "code you got after sending your melding.": (
        "Hier lees je het antwoord van de vertrouwenspersoon, reageer je en voeg je bestanden "
        "toe. Log in met de code die je kreeg na het versturen van je melding.",
        "هنا تقرأ ردّ الشخص المؤتمن، وترد عليه، وتضيف ملفات. سجّل الدخول بالرمز الذي حصلت عليه "
        "بعد إرسال بلاغك.",
    ),
    "Please check": ("Kijk dit nog even na", "يُرجى المراجعة"),
    "Checking that you are not a robot… this can take up to a minute.": (
        "We controleren of je geen robot bent… dit kan tot een minuut duren.",
        "نتحقق من أنك لست روبوتًا… قد يستغرق ذلك حتى دقيقة.",
    ),
    "Log in": ("Inloggen", "تسجيل الدخول"),
    "Log out": ("Uitloggen", "تسجيل الخروج"),
    "Lost your code?": ("Code kwijt?", "هل فقدت رمزك؟"),
    "The school cannot look up or send a lost code: nobody has it but you.": (
        "De school kan een kwijtgeraakte code niet opzoeken of sturen: niemand heeft hem behalve "
        "jij.",
        "لا تستطيع المدرسة البحث عن رمز مفقود أو إرساله: لا أحد يملكه غيرك.",
    ),
    "You can send a new melding.": (
        "Je kunt een nieuwe melding sturen.",
        "يمكنك إرسال بلاغ جديد.",
    ),
    "On a shared phone or computer: log out when you are done. There is no “remember me”.": (
        "Op een gedeelde telefoon of computer: log uit als je klaar bent. Er is geen "
        "“onthoud mij”.",
        "على هاتف أو حاسوب مشترك: سجّل الخروج عند الانتهاء. لا يوجد خيار «تذكّرني».",
    ),
    "You were logged out. The mailbox closes by itself after %(idle_minutes)s minutes without "
    "activity, and %(max_minutes)s minutes after logging in. Log in again with your code.": (
        "Je bent uitgelogd. Het postvak sluit vanzelf na %(idle_minutes)s minuten zonder "
        "activiteit, en %(max_minutes)s minuten na het inloggen. Log opnieuw in met je code.",
        "تم تسجيل خروجك. يُغلق صندوق الرسائل تلقائيًا بعد %(idle_minutes)s دقيقة دون نشاط، "
        "وبعد %(max_minutes)s دقيقة من تسجيل الدخول. سجّل الدخول مرة أخرى برمزك.",
    ),
    "Your message was not sent. It is kept below: after you log in it is in the reply box, "
    "ready to send.": (
        "Je bericht is niet verstuurd. Het staat hieronder bewaard: na het inloggen staat het "
        "in het antwoordvak, klaar om te versturen.",
        "لم تُرسَل رسالتك. وهي محفوظة أدناه: بعد تسجيل الدخول ستجدها في خانة الرد، جاهزة للإرسال.",
    ),
    "You are logged out.": ("Je bent uitgelogd.", "تم تسجيل خروجك."),
    "You are logged in again. Your message is not sent yet: check it and send it.": (
        "Je bent weer ingelogd. Je bericht is nog niet verstuurd: kijk het na en verstuur het.",
        "سجّلت الدخول من جديد. لم تُرسَل رسالتك بعد: راجعها ثم أرسلها.",
    ),
    # Login: the form and its refusals
    "The 16 digits you got after sending your melding. Spaces and dashes do not matter.": (
        "De 16 cijfers die je kreeg na het versturen van je melding. Spaties en streepjes maken "
        "niet uit.",
        "الأرقام الستة عشر التي حصلت عليها بعد إرسال بلاغك. لا تهمّ المسافات والشرطات.",
    ),
    "Type your code of 16 digits.": (
        "Typ je code van 16 cijfers.",
        "اكتب رمزك المكوّن من 16 رقمًا.",
    ),
    "Your message (not sent yet)": (
        "Je bericht (nog niet verstuurd)",
        "رسالتك (لم تُرسَل بعد)",
    ),
    "A code has 16 digits, for example 0412 7785 3021 9954. Check what you typed.": (
        "Een code heeft 16 cijfers, bijvoorbeeld 0412 7785 3021 9954. Kijk na wat je hebt getypt.",
        "يتكوّن الرمز من 16 رقمًا، مثل 0412 7785 3021 9954. راجع ما كتبته.",
    ),
    "The spam check did not finish. Wait a moment and send again; it needs JavaScript switched "
    "on. Your code is still filled in.": (
        "De spamcontrole is niet afgerond. Wacht even en verstuur het opnieuw; JavaScript moet "
        "daarvoor aanstaan. Je code staat er nog.",
        "لم يكتمل فحص الرسائل المزعجة. انتظر قليلًا ثم أرسل مرة أخرى؛ يجب أن تكون JavaScript "
        "مفعّلة. رمزك ما زال مكتوبًا.",
    ),
    "The spam check could not be verified; it may have expired. Send again: a new check runs "
    "by itself. Your code is still filled in.": (
        "De spamcontrole kon niet worden bevestigd; misschien is die verlopen. Verstuur het "
        "opnieuw: er loopt vanzelf een nieuwe controle. Je code staat er nog.",
        "تعذّر التحقق من فحص الرسائل المزعجة؛ ربما انتهت صلاحيته. أرسل مرة أخرى: سيبدأ فحص جديد "
        "تلقائيًا. رمزك ما زال مكتوبًا.",
    ),
    "Many wrong codes were typed here recently, so the check became harder. Wait until the new "
    "check is done and send again. Your code is still filled in.": (
        "Hier zijn kort geleden veel verkeerde codes getypt, daarom is de controle zwaarder "
        "geworden. Wacht tot de nieuwe controle klaar is en verstuur het opnieuw. Je code staat "
        "er nog.",
        "كُتبت هنا مؤخرًا رموز خاطئة كثيرة، لذلك أصبح الفحص أصعب. انتظر حتى ينتهي الفحص الجديد "
        "ثم أرسل مرة أخرى. رمزك ما زال مكتوبًا.",
    ),
    "This check was already used. Send again: a new check runs by itself. Your code is still "
    "filled in.": (
        "Deze controle is al gebruikt. Verstuur het opnieuw: er loopt vanzelf een nieuwe "
        "controle. Je code staat er nog.",
        "استُخدم هذا الفحص من قبل. أرسل مرة أخرى: سيبدأ فحص جديد تلقائيًا. رمزك ما زال مكتوبًا.",
    ),
    "Your code is being checked at this moment (perhaps the button was pressed twice). Wait a "
    "moment and try again.": (
        "Je code wordt op dit moment gecontroleerd (misschien is er twee keer op de knop "
        "gedrukt). Wacht even en probeer het opnieuw.",
        "يجري التحقق من رمزك الآن (ربما ضُغط الزر مرتين). انتظر قليلًا ثم حاول مرة أخرى.",
    ),
    "This code does not open a melding of this form. Check the 16 digits and try again. A "
    "melding that was closed and deleted cannot be opened any more.": (
        "Deze code opent geen melding van dit formulier. Kijk de 16 cijfers na en probeer het "
        "opnieuw. Een melding die is afgesloten en verwijderd, kan niet meer worden geopend.",
        "هذا الرمز لا يفتح أي بلاغ من هذا النموذج. راجع الأرقام الستة عشر وحاول مرة أخرى. لا "
        "يمكن فتح بلاغ أُغلق وحُذف.",
    ),
    # The mailbox
    "Status:": ("Status:", "الحالة:"),
    "What you can expect": ("Wat je kunt verwachten", "ما يمكنك توقّعه"),
    "The vertrouwenspersoon answered on %(date)s.": (
        "De vertrouwenspersoon heeft op %(date)s geantwoord.",
        "ردّ الشخص المؤتمن في %(date)s.",
    ),
    "The vertrouwenspersoon answers by %(date)s at the latest.": (
        "De vertrouwenspersoon antwoordt uiterlijk op %(date)s.",
        "يردّ الشخص المؤتمن في موعد أقصاه %(date)s.",
    ),
    "On %(date)s you were told what is done with your melding.": (
        "Op %(date)s heb je gehoord wat er met je melding gebeurt.",
        "في %(date)s أُبلغت بما يُفعل ببلاغك.",
    ),
    "By %(date)s at the latest you hear what is done with your melding (klokkenluidersregeling).": (
        "Uiterlijk op %(date)s hoor je wat er met je melding gebeurt (klokkenluidersregeling).",
        "في موعد أقصاه %(date)s تعرف ما يُفعل ببلاغك (klokkenluidersregeling).",
    ),
    "Messages": ("Berichten", "الرسائل"),
    "You": ("Jij", "أنت"),
    "The vertrouwenspersoon": ("De vertrouwenspersoon", "الشخص المؤتمن"),
    "You shared:": ("Dit heb je verteld:", "شاركتَ ما يلي:"),
    "Name": ("Naam", "الاسم"),
    "E-mail address": ("E-mailadres", "البريد الإلكتروني"),
    "Phone number": ("Telefoonnummer", "رقم الهاتف"),
    "Read by the vertrouwenspersoon on %(date)s": (
        "Gelezen door de vertrouwenspersoon op %(date)s",
        "قرأها الشخص المؤتمن في %(date)s",
    ),
    "Not read yet": ("Nog niet gelezen", "لم تُقرأ بعد"),
    "No messages yet. The answer of the vertrouwenspersoon will appear here.": (
        "Nog geen berichten. Het antwoord van de vertrouwenspersoon komt hier te staan.",
        "لا توجد رسائل بعد. سيظهر ردّ الشخص المؤتمن هنا.",
    ),
    "Write a message": ("Schrijf een bericht", "اكتب رسالة"),
    "Your message was not sent": ("Je bericht is niet verstuurd", "لم تُرسَل رسالتك"),
    "What you wrote is still here; files must be chosen again.": (
        "Wat je hebt geschreven, staat er nog; bestanden moet je opnieuw kiezen.",
        "ما كتبته ما زال هنا؛ يجب اختيار الملفات مرة أخرى.",
    ),
    "Your message": ("Je bericht", "رسالتك"),
    "At most %(count)s characters.": (
        "Hoogstens %(count)s tekens.",
        "الحد الأقصى %(count)s حرفًا.",
    ),
    "Add photos, screenshots or PDF files (optional)": (
        "Foto's, screenshots of pdf-bestanden toevoegen (mag)",
        "أضف صورًا أو لقطات شاشة أو ملفات PDF (اختياري)",
    ),
    "Send message": ("Bericht versturen", "إرسال الرسالة"),
    "Write a message, or add a file.": (
        "Schrijf een bericht, of voeg een bestand toe.",
        "اكتب رسالة، أو أضف ملفًا.",
    ),
    "Your melding as you sent it": ("Je melding zoals je die stuurde", "بلاغك كما أرسلته"),
    "Received on %(date)s.": ("Ontvangen op %(date)s.", "استُلم في %(date)s."),
    "Files you sent": ("Bestanden die je stuurde", "الملفات التي أرسلتها"),
    "Who can read this": ("Wie dit kan lezen", "من يستطيع قراءة هذا"),
    "Only these people can read your melding and your messages. Nobody else at the school can.": (
        "Alleen deze mensen kunnen je melding en je berichten lezen. Niemand anders op school "
        "kan dat.",
        "لا يستطيع قراءة بلاغك ورسائلك إلا هؤلاء الأشخاص. لا أحد غيرهم في المدرسة يستطيع ذلك.",
    ),
    "A vertrouwenspersoon": ("Een vertrouwenspersoon", "شخص مؤتمن"),
    "reads along since %(date)s, given access by a colleague": (
        "leest mee sinds %(date)s, toegang gekregen van een collega",
        "يطّلع على البلاغ منذ %(date)s، بعد أن منحه زميل حق الوصول",
    ),
    "Tell your name or contact details": (
        "Vertel je naam of contactgegevens",
        "أخبر باسمك أو بيانات التواصل معك",
    ),
    "Only if you want to. Then the vertrouwenspersoon knows who you are, or can contact you. "
    "This cannot be undone.": (
        "Alleen als je dat wilt. Dan weet de vertrouwenspersoon wie je bent, of kan die contact "
        "met je opnemen. Dit kun je niet terugdraaien.",
        "فقط إذا أردت ذلك. عندها يعرف الشخص المؤتمن من أنت، أو يستطيع التواصل معك. لا يمكن "
        "التراجع عن ذلك.",
    ),
    "Your details were not sent": (
        "Je gegevens zijn niet verstuurd",
        "لم تُرسَل بياناتك",
    ),
    "Your name": ("Je naam", "اسمك"),
    "Your e-mail address": ("Je e-mailadres", "بريدك الإلكتروني"),
    "Your phone number": ("Je telefoonnummer", "رقم هاتفك"),
    "Send my details": ("Mijn gegevens versturen", "إرسال بياناتي"),
    "Fill in at least one: your name, e-mail address or phone number.": (
        "Vul er minstens één in: je naam, e-mailadres of telefoonnummer.",
        "املأ خانة واحدة على الأقل: اسمك أو بريدك الإلكتروني أو رقم هاتفك.",
    ),
    "An e-mail when there is a new message": (
        "Een e-mail als er een nieuw bericht is",
        "بريد إلكتروني عند وصول رسالة جديدة",
    ),
    "Careful: others at home may see your e-mail. The e-mail only says that there is a new "
    "message on the school's website, not what it is about. Without it, just look here now "
    "and then.": (
        "Let op: anderen thuis kunnen je e-mail zien. De e-mail zegt alleen dat er een nieuw "
        "bericht is op de website van de school, niet waar het over gaat. Zonder e-mail kijk je "
        "hier gewoon af en toe.",
        "انتبه: قد يرى آخرون في المنزل بريدك الإلكتروني. يقول البريد فقط إن هناك رسالة جديدة "
        "على موقع المدرسة، ولا يذكر موضوعها. ومن دونه، ما عليك إلا أن تزور هذه الصفحة من حين "
        "لآخر.",
    ),
    "You get an e-mail at %(address)s when there is a new message.": (
        "Je krijgt een e-mail op %(address)s als er een nieuw bericht is.",
        "ستصلك رسالة على %(address)s عند وصول رسالة جديدة.",
    ),
    "Switch the e-mail off": ("E-mail uitzetten", "إيقاف البريد الإلكتروني"),
    "The e-mail was not switched on": (
        "De e-mail is niet aangezet",
        "لم يُفعَّل البريد الإلكتروني",
    ),
    "E-mail address for the notice": (
        "E-mailadres voor het bericht",
        "البريد الإلكتروني للتنبيه",
    ),
    "Fill in the e-mail address for the notice.": (
        "Vul het e-mailadres voor het bericht in.",
        "أدخل البريد الإلكتروني للتنبيه.",
    ),
    "Switch the e-mail on": ("E-mail aanzetten", "تفعيل البريد الإلكتروني"),
    "Done?": ("Klaar?", "هل انتهيت؟"),
    "Log out, especially on a shared phone or computer. After %(idle_minutes)s minutes without "
    "activity you are logged out automatically.": (
        "Log uit, zeker op een gedeelde telefoon of computer. Na %(idle_minutes)s minuten zonder "
        "activiteit word je vanzelf uitgelogd.",
        "سجّل الخروج، خاصة على هاتف أو حاسوب مشترك. بعد %(idle_minutes)s دقيقة دون نشاط يُسجَّل "
        "خروجك تلقائيًا.",
    ),
    # What the mailbox says after an action, and its refusals
    "Your message was sent.": ("Je bericht is verstuurd.", "أُرسلت رسالتك."),
    "Your details were sent to the vertrouwenspersoon.": (
        "Je gegevens zijn naar de vertrouwenspersoon gestuurd.",
        "أُرسلت بياناتك إلى الشخص المؤتمن.",
    ),
    "You will get an e-mail when there is a new message.": (
        "Je krijgt een e-mail als er een nieuw bericht is.",
        "ستصلك رسالة بريد إلكتروني عند وصول رسالة جديدة.",
    ),
    "You will get no more e-mails about new messages.": (
        "Je krijgt geen e-mails meer over nieuwe berichten.",
        "لن تصلك بعد الآن رسائل بريد إلكتروني عن الرسائل الجديدة.",
    ),
    "This message was already sent. Nothing was sent twice.": (
        "Dit bericht is al verstuurd. Er is niets twee keer verstuurd.",
        "أُرسلت هذه الرسالة من قبل. لم يُرسَل شيء مرتين.",
    ),
    "This message is being sent at this moment (perhaps the button was pressed twice). Wait a "
    "moment before you send it again: it will not be stored twice.": (
        "Dit bericht wordt op dit moment verstuurd (misschien is er twee keer op de knop "
        "gedrukt). Wacht even voordat je het opnieuw verstuurt: het wordt niet twee keer "
        "opgeslagen.",
        "يجري إرسال هذه الرسالة الآن (ربما ضُغط الزر مرتين). انتظر قليلًا قبل أن ترسلها مرة "
        "أخرى: لن تُحفظ مرتين.",
    ),
    "Your message could not be stored because of a fault on our side. Nothing was sent. Please "
    "try again later; your text is still here.": (
        "Door een fout aan onze kant kon je bericht niet worden opgeslagen. Er is niets "
        "verstuurd. Probeer het later opnieuw; je tekst staat er nog.",
        "تعذّر حفظ رسالتك بسبب خلل من جهتنا. لم يُرسَل أي شيء. يُرجى المحاولة لاحقًا؛ نصّك ما زال هنا.",
    ),
    "This page was out of date (perhaps you logged in again in another tab). Nothing was sent. "
    "Check your message and send again.": (
        "Deze pagina was verouderd (misschien ben je in een ander tabblad opnieuw ingelogd). Er "
        "is niets verstuurd. Kijk je bericht na en verstuur het opnieuw.",
        "كانت هذه الصفحة قديمة (ربما سجّلت الدخول من جديد في علامة تبويب أخرى). لم يُرسَل أي "
        "شيء. راجع رسالتك وأرسلها مرة أخرى.",
    ),
    "This melding no longer exists": (
        "Deze melding bestaat niet meer",
        "هذا البلاغ لم يعد موجودًا",
    ),
    "The vertrouwenspersoon closed it and it was deleted while you were writing, so your "
    "message could not be sent. Nothing was stored.": (
        "De vertrouwenspersoon heeft de melding afgesloten en die is verwijderd terwijl je aan "
        "het schrijven was. Daarom kon je bericht niet worden verstuurd. Er is niets opgeslagen.",
        "أغلق الشخص المؤتمن البلاغ وحُذف بينما كنت تكتب، لذا تعذّر إرسال رسالتك. لم يُحفظ أي شيء.",
    ),
    "Your message (not sent): copy it if you want to keep it": (
        "Je bericht (niet verstuurd): kopieer het als je het wilt bewaren",
        "رسالتك (لم تُرسَل): انسخها إن أردت الاحتفاظ بها",
    ),
    # The mailbox API (to a client program)
    "A proof of work is required. GET the login URL for a challenge, solve it and send it.": (
        "Er is een proof of work nodig. Vraag met GET op de login-URL een challenge op, los die "
        "op en stuur hem mee.",
        "مطلوب إثبات عمل (proof of work). اطلب تحديًا عبر GET على رابط تسجيل الدخول، وحلّه وأرسله.",
    ),
    "Many wrong codes were sent here recently, so the proof of work became harder. Solve the "
    "new challenge in this response and send again.": (
        "Hier zijn kort geleden veel verkeerde codes gestuurd, daarom is de proof of work "
        "zwaarder geworden. Los de nieuwe challenge in dit antwoord op en stuur opnieuw.",
        "أُرسلت هنا مؤخرًا رموز خاطئة كثيرة، لذلك أصبح إثبات العمل أصعب. حلّ التحدي الجديد "
        "الموجود في هذا الرد ثم أرسل مرة أخرى.",
    ),
    "This proof of work was already used. Solve a new challenge.": (
        "Deze proof of work is al gebruikt. Los een nieuwe challenge op.",
        "استُخدم إثبات العمل هذا من قبل. حلّ تحديًا جديدًا.",
    ),
    "Another request with this proof of work is being handled at this moment. Wait a moment "
    "and send again: it will not be stored twice.": (
        "Een ander verzoek met deze proof of work wordt op dit moment verwerkt. Wacht even en "
        "stuur opnieuw: het wordt niet twee keer opgeslagen.",
        "يجري الآن معالجة طلب آخر بإثبات العمل نفسه. انتظر قليلًا ثم أرسل مرة أخرى: لن يُحفظ مرتين.",
    ),
    "This code does not open a melding of this form.": (
        "Deze code opent geen melding van dit formulier.",
        "هذا الرمز لا يفتح أي بلاغ من هذا النموذج.",
    ),
    "Log in first. The session is missing, has ended (after %(idle)d minutes without a "
    "request, or %(max)d minutes after logging in) or belongs to another form.": (
        "Log eerst in. De sessie ontbreekt, is verlopen (na %(idle)d minuten zonder verzoek, of "
        "%(max)d minuten na het inloggen) of hoort bij een ander formulier.",
        "سجّل الدخول أولًا. الجلسة غير موجودة، أو انتهت (بعد %(idle)d دقيقة دون طلب، أو بعد "
        "%(max)d دقيقة من تسجيل الدخول)، أو تخص نموذجًا آخر.",
    ),
    "This melding no longer exists: it was closed and deleted.": (
        "Deze melding bestaat niet meer: ze is afgesloten en verwijderd.",
        "هذا البلاغ لم يعد موجودًا: أُغلق وحُذف.",
    ),
    "The message could not be stored because of a fault on our side. Nothing was sent. Please "
    "try again later.": (
        "Door een fout aan onze kant kon het bericht niet worden opgeslagen. Er is niets "
        "verstuurd. Probeer het later opnieuw.",
        "تعذّر حفظ الرسالة بسبب خلل من جهتنا. لم يُرسَل أي شيء. يُرجى المحاولة لاحقًا.",
    ),
    "No mailbox of a melding form here.": (
        "Hier is geen postvak van een meldingsformulier.",
        "لا يوجد هنا صندوق رسائل لنموذج بلاغ.",
    ),
    "Use %(methods)s.": ("Gebruik %(methods)s.", "استخدم %(methods)s."),
    "Send one JSON object.": ("Stuur één JSON-object.", "أرسل كائن JSON واحدًا."),
    "Send JSON, or multipart/form-data with files.": (
        "Stuur JSON, of multipart/form-data met bestanden.",
        "أرسل JSON، أو multipart/form-data مع الملفات.",
    ),
    "Use “message” or “identity”.": (
        "Gebruik “message” of “identity”.",
        "استخدم «message» أو «identity».",
    ),
    "Send the details as one JSON object.": (
        "Stuur de gegevens als één JSON-object.",
        "أرسل البيانات ككائن JSON واحد.",
    ),
    "No such file in this mailbox.": (
        "Dit bestand staat niet in dit postvak.",
        "لا يوجد هذا الملف في صندوق الرسائل هذا.",
    ),
}

# Plural msgids: singular msgid -> ((Dutch singular, plural), (Arabic: six forms))
PLURALS = {
    "The vertrouwenspersoon answers within %(days)s day.": (
        (
            "De vertrouwenspersoon antwoordt binnen %(days)s dag.",
            "De vertrouwenspersoon antwoordt binnen %(days)s dagen.",
        ),
        (
            "يردّ الشخص المؤتمن في اليوم نفسه.",
            "يردّ الشخص المؤتمن خلال يوم واحد.",
            "يردّ الشخص المؤتمن خلال يومين.",
            "يردّ الشخص المؤتمن خلال %(days)s أيام.",
            "يردّ الشخص المؤتمن خلال %(days)s يومًا.",
            "يردّ الشخص المؤتمن خلال %(days)s يوم.",
        ),
    ),
    "The vertrouwenspersoon answers within %(days)s day, in your mailbox.": (
        (
            "De vertrouwenspersoon antwoordt binnen %(days)s dag, in je postvak.",
            "De vertrouwenspersoon antwoordt binnen %(days)s dagen, in je postvak.",
        ),
        (
            "يردّ الشخص المؤتمن في اليوم نفسه، في صندوق رسائلك.",
            "يردّ الشخص المؤتمن خلال يوم واحد، في صندوق رسائلك.",
            "يردّ الشخص المؤتمن خلال يومين، في صندوق رسائلك.",
            "يردّ الشخص المؤتمن خلال %(days)s أيام، في صندوق رسائلك.",
            "يردّ الشخص المؤتمن خلال %(days)s يومًا، في صندوق رسائلك.",
            "يردّ الشخص المؤتمن خلال %(days)s يوم، في صندوق رسائلك.",
        ),
    ),
    "This form follows the klokkenluidersregeling (Wet bescherming klokkenluiders): every "
    "melding is acknowledged within 7 days, and within %(months)s month you hear what is done "
    "with it.": (
        (
            "Dit formulier volgt de klokkenluidersregeling (Wet bescherming klokkenluiders): elke "
            "melding wordt binnen 7 dagen bevestigd, en binnen %(months)s maand hoor je wat "
            "ermee gebeurt.",
            "Dit formulier volgt de klokkenluidersregeling (Wet bescherming klokkenluiders): elke "
            "melding wordt binnen 7 dagen bevestigd, en binnen %(months)s maanden hoor je wat "
            "ermee gebeurt.",
        ),
        (
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف في الشهر نفسه ما يُفعل به.",
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف خلال شهر واحد ما يُفعل به.",
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف خلال شهرين ما يُفعل به.",
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف خلال %(months)s أشهر ما يُفعل به.",
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف خلال %(months)s شهرًا ما يُفعل به.",
            "يتبع هذا النموذج klokkenluidersregeling (قانون حماية المبلّغين عن المخالفات): يُؤكَّد "
            "استلام كل بلاغ خلال 7 أيام، وتعرف خلال %(months)s شهر ما يُفعل به.",
        ),
    ),
}
