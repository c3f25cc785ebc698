"""Dutch and Arabic for the inbox's second factor, list and audit log (issue 7, topic "inbox")."""

# msgid: (Dutch, Arabic)
T = {
    # The code form (django-otp's OTPTokenForm with our wording)
    "Which code": ("Welke code", "أيّ رمز"),
    "Code": ("Code", "الرمز"),
    "The code from my authenticator app": (
        "De code uit mijn authenticator-app",
        "الرمز من تطبيق المصادقة الخاص بي",
    ),
    "A backup code": ("Een back-upcode", "رمز احتياطي"),
    "Enter the code.": ("Vul de code in.", "أدخل الرمز."),
    "Choose whether you enter a code from the app or a backup code.": (
        "Kies of u een code uit de app of een back-upcode invult.",
        "اختر ما إذا كنت ستدخل رمزًا من التطبيق أو رمزًا احتياطيًا.",
    ),
    "That code is not right, or was used already. Check which kind of code you chose and try "
    "the newest code.": (
        "Die code klopt niet of is al gebruikt. Kijk welke soort code u hebt gekozen en probeer "
        "de nieuwste code.",
        "هذا الرمز غير صحيح أو سبق استخدامه. تحقّق من نوع الرمز الذي اخترته وجرّب أحدث رمز.",
    ),
    "Too many wrong codes. Wait a minute, then try again.": (
        "Te veel verkeerde codes. Wacht een minuut en probeer het dan opnieuw.",
        "رموز خاطئة كثيرة جدًا. انتظر دقيقة ثم حاول مرة أخرى.",
    ),
    "Codes cannot be checked right now. Try again later.": (
        "Codes kunnen nu niet worden gecontroleerd. Probeer het later opnieuw.",
        "لا يمكن التحقق من الرموز الآن. حاول مرة أخرى لاحقًا.",
    ),
    "QR code with the key for your authenticator app": (
        "QR-code met de sleutel voor uw authenticator-app",
        "رمز QR يحتوي على المفتاح لتطبيق المصادقة الخاص بك",
    ),
    "The inbox asks for a code once every working day, and again after you close your browser.": (
        "De inbox vraagt één keer per werkdag om een code, en opnieuw nadat u uw browser hebt "
        "gesloten.",
        "يطلب صندوق الوارد رمزًا مرة واحدة في كل يوم عمل، ومرة أخرى بعد إغلاق المتصفح.",
    ),
    # The inbox list
    "Unread first": ("Ongelezen eerst", "غير المقروءة أولًا"),
    "No meldingen with this status.": (
        "Er zijn geen meldingen met deze status.",
        "لا توجد بلاغات بهذه الحالة.",
    ),
    # The audit log
    "Date": ("Datum", "التاريخ"),
    "No lines match these filters.": (
        "Geen regels voldoen aan deze filters.",
        "لا توجد أسطر تطابق عوامل التصفية هذه.",
    ),
    "Show all lines": ("Alle regels tonen", "عرض كل الأسطر"),
    "Every line stays here: page through them, or filter by what happened, the melding, the "
    "date or who did it.": (
        "Elke regel blijft hier staan: blader door de pagina's, of filter op wat er gebeurde, de "
        "melding, de datum of wie het deed.",
        "يبقى كل سطر هنا: تصفّح الصفحات، أو صفِّ حسب ما حدث أو البلاغ أو التاريخ أو من قام به.",
    ),
    "Every line about this melding": (
        "Alle regels over deze melding",
        "كل الأسطر المتعلقة بهذا البلاغ",
    ),
    "Every line about this melding in the audit log": (
        "Alle regels over deze melding in het logboek",
        "كل الأسطر المتعلقة بهذا البلاغ في سجل التدقيق",
    ),
    "The newest %(shown)s of %(total)s lines.": (
        "De nieuwste %(shown)s van %(total)s regels.",
        "أحدث %(shown)s من أصل %(total)s سطرًا.",
    ),
}
