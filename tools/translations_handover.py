"""Dutch and Arabic for handing meldingen over (issue 9, item 6): giving a colleague access to
one melding, handing all open meldingen over to a successor, the meldingen nobody can read,
and the mail about it."""

# msgid: (Dutch, Arabic)
T = {
    # Refusals
    "This person is not a recipient of this melding's form now. Only colleagues designated "
    "on the same form can be given access.": (
        "Deze persoon is nu geen ontvanger van het formulier van deze melding. Alleen collega's "
        "die voor hetzelfde formulier zijn aangewezen, kunnen toegang krijgen.",
        "هذا الشخص ليس الآن من مستلمي نموذج هذا البلاغ. لا يمكن منح حق الوصول إلا للزملاء "
        "المعيّنين لنفس النموذج.",
    ),
    "This account cannot receive meldingen: it is deactivated, or cannot use the admin.": (
        "Dit account kan geen meldingen ontvangen: het is gedeactiveerd, of kan de beheeromgeving "
        "niet gebruiken.",
        "لا يمكن لهذا الحساب استلام البلاغات: فهو معطّل، أو لا يمكنه استخدام لوحة الإدارة.",
    ),
    "This colleague has not set up a key yet. Access can be given after their first visit "
    "to the inbox.": (
        "Deze collega heeft nog geen sleutel ingesteld. Toegang geven kan na het eerste bezoek "
        "van deze collega aan de inbox.",
        "لم يُعدّ هذا الزميل مفتاحه بعد. يمكن منحه حق الوصول بعد أول زيارة له لصندوق الوارد.",
    ),
    "This colleague can read this melding already.": (
        "Deze collega kan deze melding al lezen.",
        "يستطيع هذا الزميل قراءة هذا البلاغ بالفعل.",
    ),
    "The melder asked to keep this melding away from this person. Nobody can give them "
    "access to it.": (
        "De melder heeft gevraagd deze melding bij deze persoon weg te houden. Niemand kan deze "
        "persoon er toegang toe geven.",
        "طلب مقدّم البلاغ إبعاد هذا البلاغ عن هذا الشخص. لا يمكن لأحد أن يمنحه حق الوصول إليه.",
    ),
    "You cannot open this melding, so you cannot give anyone access to it.": (
        "U kunt deze melding niet openen, dus u kunt er ook niemand toegang toe geven.",
        "لا يمكنك فتح هذا البلاغ، ولذلك لا يمكنك منح أي شخص حق الوصول إليه.",
    ),
    "Nobody else can read this melding: you cannot give up your own access.": (
        "Niemand anders kan deze melding lezen: u kunt uw eigen toegang niet opgeven.",
        "لا أحد غيرك يستطيع قراءة هذا البلاغ: لا يمكنك التخلي عن حق وصولك.",
    ),
    "Choose a colleague who is designated on the form of at least one of your open "
    "meldingen and has set up a key.": (
        "Kies een collega die is aangewezen voor het formulier van ten minste één van uw open "
        "meldingen en een sleutel heeft ingesteld.",
        "اختر زميلًا معيّنًا لنموذج بلاغ واحد على الأقل من بلاغاتك المفتوحة وقد أعدّ مفتاحه.",
    ),
    # The forms
    "Colleague": ("Collega", "الزميل"),
    "Choose a colleague.": ("Kies een collega.", "اختر زميلًا."),
    "Choose one of the colleagues in the list.": (
        "Kies een van de collega's uit de lijst.",
        "اختر أحد الزملاء من القائمة.",
    ),
    "I give up my own access": ("Ik geef mijn eigen toegang op", "أتخلى عن حق وصولي"),
    "Afterwards you can no longer open this melding, its messages or its attachments.": (
        "Daarna kunt u deze melding, de berichten en de bijlagen niet meer openen.",
        "بعد ذلك لن تستطيع فتح هذا البلاغ أو رسائله أو مرفقاته.",
    ),
    "Yes, this colleague may read this melding, its messages and its attachments": (
        "Ja, deze collega mag deze melding, de berichten en de bijlagen lezen",
        "نعم، يجوز لهذا الزميل قراءة هذا البلاغ ورسائله ومرفقاته",
    ),
    "Your successor or a co-recipient: someone designated on the form of your open "
    "meldingen, with a key.": (
        "Uw opvolger of een mede-ontvanger: iemand die is aangewezen voor het formulier van uw "
        "open meldingen en een sleutel heeft.",
        "من يخلفك أو مستلم آخر: شخص معيّن لنموذج بلاغاتك المفتوحة ولديه مفتاح.",
    ),
    "I give up my own access to these meldingen": (
        "Ik geef mijn eigen toegang tot deze meldingen op",
        "أتخلى عن حق وصولي إلى هذه البلاغات",
    ),
    "Yes, this colleague may read these meldingen, their messages and attachments": (
        "Ja, deze collega mag deze meldingen, de berichten en de bijlagen lezen",
        "نعم، يجوز لهذا الزميل قراءة هذه البلاغات ورسائلها ومرفقاتها",
    ),
    # Messages after a grant or handover
    "%(who)s can now read this melding.": (
        "%(who)s kan deze melding nu lezen.",
        "يستطيع %(who)s الآن قراءة هذا البلاغ.",
    ),
    "%(who)s can now read this melding; you gave up your own access.": (
        "%(who)s kan deze melding nu lezen; u hebt uw eigen toegang opgegeven.",
        "يستطيع %(who)s الآن قراءة هذا البلاغ؛ وقد تخليت عن حق وصولك.",
    ),
    "The colleague was not given access: see below.": (
        "De collega heeft geen toegang gekregen: zie hieronder.",
        "لم يُمنح الزميل حق الوصول: انظر أدناه.",
    ),
    "Nothing was handed over to %(who)s.": (
        "Er is niets overgedragen aan %(who)s.",
        "لم يُسلَّم أي شيء إلى %(who)s.",
    ),
    "Nothing was handed over: see below.": (
        "Er is niets overgedragen: zie hieronder.",
        "لم يُسلَّم أي شيء: انظر أدناه.",
    ),
    # Page titles and links
    "Give a colleague access": ("Een collega toegang geven", "منح زميل حق الوصول"),
    "Hand over my open meldingen": (
        "Mijn open meldingen overdragen",
        "تسليم بلاغاتي المفتوحة",
    ),
    "Hand over all my open meldingen": (
        "Al mijn open meldingen overdragen",
        "تسليم جميع بلاغاتي المفتوحة",
    ),
    "Meldingen nobody can read": (
        "Meldingen die niemand kan lezen",
        "بلاغات لا يستطيع أحد قراءتها",
    ),
    # The grant page and the melding page's part
    "Back to the melding": ("Terug naar de melding", "العودة إلى البلاغ"),
    "Form": ("Formulier", "النموذج"),
    "Who can read this melding now": (
        "Wie deze melding nu kan lezen",
        "من يستطيع قراءة هذا البلاغ الآن",
    ),
    "given access on %(date)s": ("toegang gekregen op %(date)s", "مُنح حق الوصول في %(date)s"),
    "A colleague designated on the same form can read this melding, its messages and its "
    "attachments once you give them access. The melder sees by name who reads along. Everyone "
    "involved gets an e-mail, and the log records it. Nobody can be given access whom the "
    "melder asked to keep it away from.": (
        "Een collega die voor hetzelfde formulier is aangewezen, kan deze melding, de berichten "
        "en de bijlagen lezen zodra u toegang geeft. De melder ziet bij naam wie meeleest. "
        "Iedereen die erbij betrokken is, krijgt een e-mail, en het logboek legt het vast. "
        "Niemand bij wie de melder de melding weg wilde houden, kan toegang krijgen.",
        "يستطيع الزميل المعيّن لنفس النموذج قراءة هذا البلاغ ورسائله ومرفقاته بمجرد أن تمنحه "
        "حق الوصول. يرى مقدّم البلاغ بالاسم من يقرأ معك. يتلقى كل المعنيين رسالة بريد "
        "إلكتروني، ويُسجَّل ذلك في السجل. لا يمكن منح حق الوصول لمن طلب مقدّم البلاغ إبعاده عنه.",
    ),
    "Give access": ("Toegang geven", "منح حق الوصول"),
    "There is no colleague you can give access to: nobody else is designated on this form, "
    "has set up a key and cannot read it yet.": (
        "Er is geen collega aan wie u toegang kunt geven: niemand anders is voor dit formulier "
        "aangewezen, heeft een sleutel ingesteld en kan de melding nog niet lezen.",
        "لا يوجد زميل يمكنك منحه حق الوصول: لا أحد غيرك معيّن لهذا النموذج وأعدّ مفتاحه "
        "ولا يستطيع قراءة البلاغ بعد.",
    ),
    "A colleague designated on the same form can be given access to this melding; you can "
    "keep or give up your own.": (
        "Een collega die voor hetzelfde formulier is aangewezen, kan toegang tot deze melding "
        "krijgen; u kunt uw eigen toegang houden of opgeven.",
        "يمكن منح زميل معيّن لنفس النموذج حق الوصول إلى هذا البلاغ؛ ويمكنك الاحتفاظ بحق "
        "وصولك أو التخلي عنه.",
    ),
    # Handing everything over
    "See which": ("Bekijk welke", "اعرض أيها"),
    "When you leave, or someone else takes over, hand your open meldingen over to a colleague "
    "designated on the same forms. Each melding whose form the colleague is designated on is "
    "given to them, except those whose melder asked to keep it away from them: those stay "
    "with you. Closed meldingen stay with you. Everyone involved gets one e-mail, and the log "
    "records each melding.": (
        "Als u vertrekt of iemand anders het overneemt, draagt u uw open meldingen over aan een "
        "collega die voor dezelfde formulieren is aangewezen. Elke melding van een formulier "
        "waarvoor de collega is aangewezen, gaat naar die collega, behalve als de melder heeft "
        "gevraagd de melding bij die collega weg te houden: die blijven bij u. Afgesloten "
        "meldingen blijven bij u. Iedereen die erbij betrokken is, krijgt één e-mail, en het "
        "logboek legt elke melding vast.",
        "عندما تغادر، أو يتولى شخص آخر المهمة، سلّم بلاغاتك المفتوحة إلى زميل معيّن لنفس "
        "النماذج. يُسلَّم إليه كل بلاغ يكون الزميل معيّنًا لنموذجه، باستثناء البلاغات التي طلب "
        "مقدّموها إبعادها عنه: فهذه تبقى معك. وتبقى البلاغات المغلقة معك أيضًا. يتلقى كل "
        "المعنيين رسالة بريد إلكتروني واحدة، ويُسجَّل كل بلاغ في السجل.",
    ),
    "Hand over": ("Overdragen", "تسليم"),
    "There is nobody to hand over to: no one else with a key is designated on the forms of "
    "your open meldingen. Ask whoever designates the recipients to designate your successor "
    "first.": (
        "Er is niemand aan wie u kunt overdragen: niemand anders met een sleutel is aangewezen "
        "voor de formulieren van uw open meldingen. Vraag degene die de ontvangers aanwijst, "
        "eerst uw opvolger aan te wijzen.",
        "لا يوجد من تسلّم إليه: لا أحد غيرك لديه مفتاح ومعيّن لنماذج بلاغاتك المفتوحة. اطلب "
        "ممن يعيّن المستلمين أن يعيّن من يخلفك أولًا.",
    ),
    # Meldingen nobody can read
    "These meldingen of your forms cannot be opened by anyone at school: every recipient they "
    "were sealed to lost both their key passphrase and their recovery code and set up a new "
    "key. Nobody can recover their content, and no one can be given access to them. The "
    "melder can still log in to the mailbox with their code, but nobody can read or answer "
    "their messages.": (
        "Deze meldingen van uw formulieren kan niemand op school openen: elke ontvanger voor "
        "wie ze versleuteld zijn, is zowel het sleutelwachtwoord als de herstelcode kwijt en "
        "heeft een nieuwe sleutel ingesteld. Niemand kan de inhoud terughalen, en niemand kan "
        "er toegang toe krijgen. De melder kan nog wel met de eigen code inloggen in de "
        "berichtenbox, maar niemand kan de berichten van de melder lezen of beantwoorden.",
        "لا يستطيع أحد في المدرسة فتح هذه البلاغات من نماذجك: فكل مستلم شُفّرت له فقدَ كلمة "
        "مرور مفتاحه ورمز الاسترداد معًا وأعدّ مفتاحًا جديدًا. لا يمكن لأحد استعادة محتواها، "
        "ولا يمكن منح أحد حق الوصول إليها. لا يزال بإمكان مقدّم البلاغ الدخول إلى صندوق "
        "الرسائل برمزه، لكن لا أحد يستطيع قراءة رسائله أو الرد عليها.",
    ),
    "Tell the school board, so that they are not forgotten: their melders may be waiting for "
    "an answer. To prevent this, designate at least two recipients for every form.": (
        "Meld het aan het schoolbestuur, zodat deze meldingen niet vergeten worden: de melders "
        "wachten misschien op antwoord. Wijs voor elk formulier ten minste twee ontvangers aan "
        "om dit te voorkomen.",
        "أخبر مجلس إدارة المدرسة حتى لا تُنسى هذه البلاغات: فقد ينتظر مقدّموها ردًا. ولتجنّب "
        "ذلك، عيّن مستلمَين اثنين على الأقل لكل نموذج.",
    ),
    "Every melding of your forms can be read by at least one recipient.": (
        "Elke melding van uw formulieren kan door ten minste één ontvanger worden gelezen.",
        "كل بلاغ من نماذجك يستطيع مستلم واحد على الأقل قراءته.",
    ),
    # The mail
    "A colleague was given access to meldingen": (
        "Een collega heeft toegang gekregen tot meldingen",
        "مُنح زميل حق الوصول إلى بلاغات",
    ),
    "Meldingen were handed over to a colleague": (
        "Meldingen zijn overgedragen aan een collega",
        "سُلّمت بلاغات إلى زميل",
    ),
    "The colleague who was given access can now read the melding, its messages and "
    "attachments in the inbox, like its other recipients. Only recipients designated on the "
    "form can be given access, never the person the melder kept the melding away from. If "
    "this was not agreed, tell the school board.": (
        "De collega die toegang heeft gekregen, kan de melding, de berichten en de bijlagen nu "
        "in de inbox lezen, net als de andere ontvangers. Alleen ontvangers die voor het "
        "formulier zijn aangewezen, kunnen toegang krijgen, en nooit de persoon bij wie de "
        "melder de melding weg wilde houden. Is dit niet afgesproken? Meld het dan aan het "
        "schoolbestuur.",
        "يستطيع الزميل الذي مُنح حق الوصول الآن قراءة البلاغ ورسائله ومرفقاته في صندوق "
        "الوارد، مثل مستلميه الآخرين. لا يمكن منح حق الوصول إلا للمستلمين المعيّنين للنموذج، "
        "ولا يُمنح أبدًا للشخص الذي طلب مقدّم البلاغ إبعاده عنه. إذا لم يكن هذا متفقًا عليه، "
        "فأخبر مجلس إدارة المدرسة.",
    ),
    "The colleague who took over can now read the melding, its messages and attachments in "
    "the inbox, like its other recipients. Only recipients designated on the form can be "
    "given access, never the person the melder kept the melding away from. If this was not "
    "agreed, tell the school board.": (
        "De collega die het heeft overgenomen, kan de melding, de berichten en de bijlagen nu "
        "in de inbox lezen, net als de andere ontvangers. Alleen ontvangers die voor het "
        "formulier zijn aangewezen, kunnen toegang krijgen, en nooit de persoon bij wie de "
        "melder de melding weg wilde houden. Is dit niet afgesproken? Meld het dan aan het "
        "schoolbestuur.",
        "يستطيع الزميل الذي تولى المهمة الآن قراءة البلاغ ورسائله ومرفقاته في صندوق الوارد، "
        "مثل مستلميه الآخرين. لا يمكن منح حق الوصول إلا للمستلمين المعيّنين للنموذج، ولا "
        "يُمنح أبدًا للشخص الذي طلب مقدّم البلاغ إبعاده عنه. إذا لم يكن هذا متفقًا عليه، "
        "فأخبر مجلس إدارة المدرسة.",
    ),
}

# Plurals: msgid -> (Dutch forms, Arabic forms: zero, one, two, few, many, other)
PLURALS = {
    "One melding of your forms cannot be read by anyone.": (
        (
            "Eén melding van uw formulieren kan door niemand worden gelezen.",
            "%(counter)s meldingen van uw formulieren kunnen door niemand worden gelezen.",
        ),
        (
            "لا توجد بلاغات من نماذجك يتعذّر على الجميع قراءتها.",
            "بلاغ واحد من نماذجك لا يستطيع أحد قراءته.",
            "بلاغان من نماذجك لا يستطيع أحد قراءتهما.",
            "%(counter)s بلاغات من نماذجك لا يستطيع أحد قراءتها.",
            "%(counter)s بلاغًا من نماذجك لا يستطيع أحد قراءتها.",
            "%(counter)s بلاغ من نماذجك لا يستطيع أحد قراءتها.",
        ),
    ),
    "You can read one open melding.": (
        ("U kunt één open melding lezen.", "U kunt %(counter)s open meldingen lezen."),
        (
            "لا توجد بلاغات مفتوحة تستطيع قراءتها.",
            "تستطيع قراءة بلاغ مفتوح واحد.",
            "تستطيع قراءة بلاغين مفتوحين.",
            "تستطيع قراءة %(counter)s بلاغات مفتوحة.",
            "تستطيع قراءة %(counter)s بلاغًا مفتوحًا.",
            "تستطيع قراءة %(counter)s بلاغ مفتوح.",
        ),
    ),
    "%(count)d melding was handed over to %(who)s.": (
        (
            "%(count)d melding is overgedragen aan %(who)s.",
            "%(count)d meldingen zijn overgedragen aan %(who)s.",
        ),
        (
            "لم يُسلَّم أي بلاغ إلى %(who)s.",
            "سُلّم بلاغ واحد إلى %(who)s.",
            "سُلّم بلاغان إلى %(who)s.",
            "سُلّمت %(count)d بلاغات إلى %(who)s.",
            "سُلّم %(count)d بلاغًا إلى %(who)s.",
            "سُلّم %(count)d بلاغ إلى %(who)s.",
        ),
    ),
    "%(count)d melding stays with you: its melder asked to keep it away from %(who)s.": (
        (
            "%(count)d melding blijft bij u: de melder heeft gevraagd die bij %(who)s weg te "
            "houden.",
            "%(count)d meldingen blijven bij u: de melders hebben gevraagd die bij %(who)s weg "
            "te houden.",
        ),
        (
            "لا يبقى معك أي بلاغ لهذا السبب.",
            "يبقى بلاغ واحد معك: طلب مقدّمه إبعاده عن %(who)s.",
            "يبقى بلاغان معك: طلب مقدّماهما إبعادهما عن %(who)s.",
            "تبقى %(count)d بلاغات معك: طلب مقدّموها إبعادها عن %(who)s.",
            "يبقى %(count)d بلاغًا معك: طلب مقدّموها إبعادها عن %(who)s.",
            "يبقى %(count)d بلاغ معك: طلب مقدّموها إبعادها عن %(who)s.",
        ),
    ),
    "%(count)d melding stays with you: %(who)s can read it already, or is not designated on "
    "its form.": (
        (
            "%(count)d melding blijft bij u: %(who)s kan die al lezen, of is niet aangewezen "
            "voor het formulier ervan.",
            "%(count)d meldingen blijven bij u: %(who)s kan die al lezen, of is niet "
            "aangewezen voor het formulier ervan.",
        ),
        (
            "لا يبقى معك أي بلاغ لهذا السبب.",
            "يبقى بلاغ واحد معك: %(who)s يستطيع قراءته بالفعل، أو ليس معيّنًا لنموذجه.",
            "يبقى بلاغان معك: %(who)s يستطيع قراءتهما بالفعل، أو ليس معيّنًا لنموذجهما.",
            "تبقى %(count)d بلاغات معك: %(who)s يستطيع قراءتها بالفعل، أو ليس معيّنًا لنموذجها.",
            "يبقى %(count)d بلاغًا معك: %(who)s يستطيع قراءتها بالفعل، أو ليس معيّنًا لنموذجها.",
            "يبقى %(count)d بلاغ معك: %(who)s يستطيع قراءتها بالفعل، أو ليس معيّنًا لنموذجها.",
        ),
    ),
    "%(actor)s gave %(subject)s access to one melding of the form %(form)s, and can still "
    "read it too.": (
        (
            "%(actor)s heeft %(subject)s toegang gegeven tot één melding van het formulier "
            "%(form)s, en kan die zelf ook nog lezen.",
            "%(actor)s heeft %(subject)s toegang gegeven tot %(counter)s meldingen "
            "(meldingsformulieren: %(form)s), en kan die zelf ook nog lezen.",
        ),
        (
            "منح %(actor)s ‏%(subject)s حق الوصول إلى %(counter)s بلاغ (نماذج البلاغ: "
            "%(form)s)، ولا يزال يستطيع قراءتها أيضًا.",
            "منح %(actor)s ‏%(subject)s حق الوصول إلى بلاغ واحد من النموذج %(form)s، ولا يزال "
            "يستطيع قراءته أيضًا.",
            "منح %(actor)s ‏%(subject)s حق الوصول إلى بلاغين (نماذج البلاغ: %(form)s)، ولا يزال "
            "يستطيع قراءتهما أيضًا.",
            "منح %(actor)s ‏%(subject)s حق الوصول إلى %(counter)s بلاغات (نماذج البلاغ: "
            "%(form)s)، ولا يزال يستطيع قراءتها أيضًا.",
            "منح %(actor)s ‏%(subject)s حق الوصول إلى %(counter)s بلاغًا (نماذج البلاغ: "
            "%(form)s)، ولا يزال يستطيع قراءتها أيضًا.",
            "منح %(actor)s ‏%(subject)s حق الوصول إلى %(counter)s بلاغ (نماذج البلاغ: "
            "%(form)s)، ولا يزال يستطيع قراءتها أيضًا.",
        ),
    ),
    "%(actor)s handed one melding of the form %(form)s over to %(subject)s, and can no "
    "longer read it.": (
        (
            "%(actor)s heeft één melding van het formulier %(form)s overgedragen aan "
            "%(subject)s, en kan die zelf niet meer lezen.",
            "%(actor)s heeft %(counter)s meldingen (meldingsformulieren: %(form)s) overgedragen "
            "aan %(subject)s, en kan die zelf niet meer lezen.",
        ),
        (
            "سلّم %(actor)s ‏%(counter)s بلاغ (نماذج البلاغ: %(form)s) إلى %(subject)s، ولم "
            "يعد يستطيع قراءتها.",
            "سلّم %(actor)s بلاغًا واحدًا من النموذج %(form)s إلى %(subject)s، ولم يعد يستطيع قراءته.",
            "سلّم %(actor)s بلاغين (نماذج البلاغ: %(form)s) إلى %(subject)s، ولم يعد يستطيع "
            "قراءتهما.",
            "سلّم %(actor)s ‏%(counter)s بلاغات (نماذج البلاغ: %(form)s) إلى %(subject)s، ولم "
            "يعد يستطيع قراءتها.",
            "سلّم %(actor)s ‏%(counter)s بلاغًا (نماذج البلاغ: %(form)s) إلى %(subject)s، ولم "
            "يعد يستطيع قراءتها.",
            "سلّم %(actor)s ‏%(counter)s بلاغ (نماذج البلاغ: %(form)s) إلى %(subject)s، ولم "
            "يعد يستطيع قراءتها.",
        ),
    ),
}
