"""Dutch and Arabic for the vertrouwenspersoon's side of the conversation, the deadlines, the
urgency mark and the daily digest (issue 9, items 3 to 5)."""

# msgid: (Dutch, Arabic)
T = {
    # The question on the melding form (public side: "je")
    "Is it about someone who works at the school?": (
        "Gaat het over iemand die op school werkt?",
        "هل الأمر يتعلق بشخص يعمل في المدرسة؟",
    ),
    "If it is about sexual abuse of a pupil by someone who works at the school, the school "
    "must report it to the school board.": (
        "Gaat het om seksueel misbruik van een leerling door iemand die op school werkt? Dan "
        "moet de school dat melden bij het schoolbestuur.",
        "إذا كان الأمر يتعلق باعتداء جنسي على تلميذ من شخص يعمل في المدرسة، فيجب على المدرسة "
        "إبلاغ مجلس إدارة المدرسة بذلك.",
    ),
    "Yes": ("Ja", "نعم"),
    "No": ("Nee", "لا"),
    "I don't know": ("Weet ik niet", "لا أعرف"),
    # Urgency
    "Urgent": ("Urgent", "عاجل"),
    "About someone who works at the school": (
        "Over iemand die op school werkt",
        "يتعلق بشخص يعمل في المدرسة",
    ),
    # Deadlines
    "Acknowledgement": ("Ontvangstbevestiging", "تأكيد الاستلام"),
    "Feedback to the melder": ("Terugkoppeling aan de melder", "الإفادة بالنتيجة للمُبلِّغ"),
    "Next contact": ("Volgend contact", "التواصل التالي"),
    "Deadlines": ("Termijnen", "المواعيد النهائية"),
    "Overdue": ("Te laat", "متأخر"),
    "Due within 2 days": ("Binnen 2 dagen", "مستحق خلال يومين"),
    "Waiting for an answer": ("Wacht op antwoord", "بانتظار الرد"),
    "Waiting": ("Wacht", "مدة الانتظار"),
    "Due": ("Termijn", "الموعد النهائي"),
    "Waiting for an answer since %(date)s": (
        "Wacht op antwoord sinds %(date)s",
        "بانتظار الرد منذ %(date)s",
    ),
    "No meldingen match these filters.": (
        "Er zijn geen meldingen die bij deze filters passen.",
        "لا توجد بلاغات تطابق هذه المرشحات.",
    ),
    "Closed: no deadlines and no reminders.": (
        "Afgesloten: geen termijnen en geen herinneringen.",
        "مغلق: لا مواعيد نهائية ولا تذكيرات.",
    ),
    "No open deadlines.": ("Geen open termijnen.", "لا توجد مواعيد نهائية مفتوحة."),
    "Acknowledged on %(date)s.": (
        "Ontvangst bevestigd op %(date)s.",
        "تم تأكيد الاستلام في %(date)s.",
    ),
    "Feedback given on %(date)s.": (
        "Terugkoppeling gegeven op %(date)s.",
        "تمت الإفادة بالنتيجة في %(date)s.",
    ),
    "The melder has been waiting for an answer since %(date)s.": (
        "De melder wacht sinds %(date)s op antwoord.",
        "ينتظر المُبلِّغ الرد منذ %(date)s.",
    ),
    "This melding is closed, so it has no next contact date. Reopen it first.": (
        "Deze melding is afgesloten en heeft daarom geen datum voor volgend contact. Open de "
        "melding eerst opnieuw.",
        "هذا البلاغ مغلق، لذلك ليس له موعد للتواصل التالي. أعد فتحه أولًا.",
    ),
    "That date has passed. Choose today or a later date.": (
        "Die datum is al voorbij. Kies vandaag of een latere datum.",
        "لقد مضى هذا التاريخ. اختر اليوم أو تاريخًا لاحقًا.",
    ),
    "Next contact by": ("Volgend contact uiterlijk op", "التواصل التالي في موعد أقصاه"),
    "The date by which the melder is to hear from you again. You get a reminder two days "
    "before. Leave it empty for no date.": (
        "De datum waarop de melder uiterlijk weer van u hoort. U krijgt twee dagen van tevoren "
        "een herinnering. Laat het leeg als u geen datum wilt.",
        "التاريخ الذي يجب أن يسمع فيه المُبلِّغ منك مجددًا في موعد أقصاه. ستتلقى تذكيرًا قبل "
        "يومين. اتركه فارغًا إن لم ترد تحديد تاريخ.",
    ),
    "Enter a date, for example 2030-03-15.": (
        "Vul een datum in, bijvoorbeeld 2030-03-15.",
        "أدخل تاريخًا، مثل 2030-03-15.",
    ),
    "Next contact by %(date)s.": (
        "Volgend contact uiterlijk op %(date)s.",
        "التواصل التالي في موعد أقصاه %(date)s.",
    ),
    "The next contact date was removed.": (
        "De datum voor volgend contact is weggehaald.",
        "أُزيل موعد التواصل التالي.",
    ),
    "Save date": ("Datum opslaan", "حفظ التاريخ"),
    "This message was the next contact, so the date %(date)s was removed. Set a new one if "
    "you like.": (
        "Dit bericht was het volgende contact, dus de datum %(date)s is weggehaald. Stel een "
        "nieuwe datum in als u wilt.",
        "كانت هذه الرسالة هي التواصل التالي، لذلك أُزيل التاريخ %(date)s. حدّد تاريخًا جديدًا إن أردت.",
    ),
    # The status the melder sees
    "Status shown to the melder": (
        "Status die de melder ziet",
        "الحالة التي يراها المُبلِّغ",
    ),
    "The melder sees only this in the mailbox, not your own status or notes.": (
        "De melder ziet alleen deze status in het postvak, niet uw eigen status of notities.",
        "يرى المُبلِّغ هذه الحالة فقط في صندوق الرسائل، وليس حالتك الخاصة أو ملاحظاتك.",
    ),
    "Choose what the melder sees.": ("Kies wat de melder ziet.", "اختر ما يراه المُبلِّغ."),
    "Save status for the melder": (
        "Status voor de melder opslaan",
        "حفظ الحالة للمُبلِّغ",
    ),
    "The melder now sees the status “%(status)s”.": (
        "De melder ziet nu de status “%(status)s”.",
        "يرى المُبلِّغ الآن الحالة “%(status)s”.",
    ),
    # The conversation
    "The melding": ("De melding", "البلاغ"),
    "Conversation with the melder": ("Gesprek met de melder", "المحادثة مع المُبلِّغ"),
    "The melder": ("De melder", "المُبلِّغ"),
    "A vertrouwenspersoon": ("Een vertrouwenspersoon", "شخص مؤتمن"),
    "The melder shared:": ("De melder heeft gedeeld:", "شارك المُبلِّغ:"),
    "name": ("naam", "الاسم"),
    "e-mail": ("e-mail", "البريد الإلكتروني"),
    "Read by the melder on %(date)s.": (
        "Gelezen door de melder op %(date)s.",
        "قرأها المُبلِّغ في %(date)s.",
    ),
    "Not read yet.": ("Nog niet gelezen.", "لم تُقرأ بعد."),
    "No messages yet. Your first message counts as the acknowledgement of the melding.": (
        "Nog geen berichten. Uw eerste bericht geldt als ontvangstbevestiging van de melding.",
        "لا توجد رسائل بعد. تُعدّ رسالتك الأولى تأكيدًا لاستلام البلاغ.",
    ),
    "Your message to the melder": ("Uw bericht aan de melder", "رسالتك إلى المُبلِّغ"),
    "The melder reads it after logging in with their code. It is encrypted like the melding.": (
        "De melder leest het na inloggen met de eigen code. Het wordt versleuteld, net als de "
        "melding.",
        "يقرؤها المُبلِّغ بعد تسجيل الدخول برمزه. وهي مشفّرة مثل البلاغ.",
    ),
    "Photos or PDF files (optional)": (
        "Foto's of pdf-bestanden (optioneel)",
        "صور أو ملفات PDF (اختياري)",
    ),
    "This is the feedback on the melding": (
        "Dit is de terugkoppeling over de melding",
        "هذه هي الإفادة بالنتيجة بشأن البلاغ",
    ),
    "Write a message or add a file; an empty message is not sent.": (
        "Schrijf een bericht of voeg een bestand toe; een leeg bericht wordt niet verstuurd.",
        "اكتب رسالة أو أضف ملفًا؛ لا تُرسل رسالة فارغة.",
    ),
    "Send to the melder": ("Naar de melder sturen", "أرسل إلى المُبلِّغ"),
    "Your message was sent. The melder reads it after logging in with their code.": (
        "Uw bericht is verstuurd. De melder leest het na inloggen met de eigen code.",
        "أُرسلت رسالتك. سيقرؤها المُبلِّغ بعد تسجيل الدخول برمزه.",
    ),
    "Too many or too large files were sent, so nothing could be read or sent.": (
        "Er zijn te veel of te grote bestanden verstuurd. Daarom kon niets worden gelezen of "
        "verstuurd.",
        "أُرسلت ملفات كثيرة جدًا أو كبيرة جدًا، لذلك تعذّرت قراءة أي شيء أو إرساله.",
    ),
    "This melding no longer exists (it was deleted or purged a moment ago), or you can no "
    "longer read it. Your message was not sent.": (
        "Deze melding bestaat niet meer (ze is net verwijderd of opgeschoond), of u kunt ze "
        "niet meer lezen. Uw bericht is niet verstuurd.",
        "لم يعد هذا البلاغ موجودًا (حُذف أو أُزيل قبل لحظات)، أو لم تعد تستطيع قراءته. لم "
        "تُرسل رسالتك.",
    ),
    "What you wrote, to copy if you still need it:": (
        "Wat u schreef, om te kopiëren als u het nog nodig hebt:",
        "ما كتبته، لتنسخه إن كنت لا تزال تحتاجه:",
    ),
    # The daily digest (mail to the vertrouwenspersoon: "u")
    "Deadlines in your meldingen inbox": (
        "Termijnen in uw inbox voor meldingen",
        "المواعيد النهائية في صندوق بلاغاتك",
    ),
    "This is your daily overview of the deadlines in your meldingen inbox.": (
        "Dit is uw dagelijkse overzicht van de termijnen in uw inbox voor meldingen.",
        "هذه نظرتك اليومية العامة على المواعيد النهائية في صندوق بلاغاتك.",
    ),
    "Overdue (%(count)s):": ("Te laat (%(count)s):", "متأخر (%(count)s):"),
    "Due within 2 days (%(count)s):": (
        "Binnen 2 dagen (%(count)s):",
        "مستحق خلال يومين (%(count)s):",
    ),
    "Closed meldingen deleted for good within 72 hours, at the end of their retention period "
    "(%(count)s):": (
        "Afgesloten meldingen die binnen 72 uur voorgoed worden verwijderd, aan het eind van "
        "hun bewaartermijn (%(count)s):",
        "بلاغات مغلقة ستُحذف نهائيًا خلال 72 ساعة، عند انتهاء مدة الاحتفاظ بها (%(count)s):",
    ),
    "Export what you must keep before then.": (
        "Exporteer vóór die tijd wat u moet bewaren.",
        "صدّر ما يجب عليك الاحتفاظ به قبل ذلك.",
    ),
    "Your inbox shows which meldingen these are (you will need your password and your second "
    "factor):": (
        "In uw inbox ziet u om welke meldingen het gaat (u hebt uw wachtwoord en uw tweede "
        "factor nodig):",
        "يعرض صندوق بريدك البلاغات المقصودة (ستحتاج إلى كلمة المرور والعامل الثاني):",
    ),
    "This message holds nothing of the meldingen themselves, only dates.": (
        "Dit bericht bevat niets van de meldingen zelf, alleen datums.",
        "لا تحتوي هذه الرسالة على أي شيء من البلاغات نفسها، بل على تواريخ فقط.",
    ),
}
