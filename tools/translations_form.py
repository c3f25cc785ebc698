"""Dutch and Arabic for the public melding form and the API (issue 7, topic "form")."""

# msgid: (Dutch, Arabic)
T = {
    # The page (public: "je")
    "This melding is being sent at this moment (perhaps the button was pressed twice). Wait a "
    "minute, then send again if you are not sure it arrived: it will not be stored twice. Your "
    "text is still here.": (
        "Deze melding wordt op dit moment verstuurd (misschien is er twee keer op de knop "
        "gedrukt). Wacht een minuut en verstuur het opnieuw als je niet zeker weet of het is "
        "aangekomen: het wordt niet twee keer opgeslagen. Je tekst staat er nog.",
        "يجري إرسال هذا البلاغ في هذه اللحظة (ربما ضُغط الزر مرتين). انتظر دقيقة، ثم أرسل مرة "
        "أخرى إن لم تكن متأكدًا من وصوله: لن يُحفَظ مرتين. نصّك ما زال هنا.",
    ),
    "The spam check could not be verified; it may have expired. Send again: a new check runs by "
    "itself. Nothing you wrote is lost.": (
        "De spamcontrole kon niet worden nagekeken; misschien is die verlopen. Verstuur het "
        "opnieuw: er start vanzelf een nieuwe controle. Wat je hebt geschreven, ben je niet kwijt.",
        "تعذّر التحقق من فحص الرسائل المزعجة؛ ربما انتهت صلاحيته. أرسل مرة أخرى: سيبدأ فحص جديد "
        "تلقائيًا. لم يضِع شيء مما كتبته.",
    ),
    # The API (to a client program)
    "Another request with this proof of work is being stored at this moment. Wait a minute and "
    "send again if it did not succeed: it will not be stored twice.": (
        "Een ander verzoek met dit bewijs van werk wordt op dit moment opgeslagen. Wacht een "
        "minuut en verstuur het opnieuw als het niet gelukt is: het wordt niet twee keer "
        "opgeslagen.",
        "يجري الآن حفظ طلب آخر بإثبات العمل نفسه. انتظر دقيقة وأرسل مرة أخرى إن لم ينجح: لن "
        "يُحفَظ مرتين.",
    ),
    "The proof of work is malformed, wrong or expired. GET this URL for a new challenge, solve "
    "it and send again.": (
        "Het bewijs van werk is onleesbaar, onjuist of verlopen. Haal met GET op deze URL een "
        "nieuwe uitdaging op, los die op en verstuur het opnieuw.",
        "إثبات العمل تالف أو غير صحيح أو منتهي الصلاحية. اطلب تحديًا جديدًا بطلب GET على هذا "
        "الرابط، وحُلّه، ثم أرسل مرة أخرى.",
    ),
}
