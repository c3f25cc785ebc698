"""Strings of the fixes after the adversarial review of issue 7: form going offline, account
events of a recipient, legacy keys."""

T = {
    "Authenticator app set up": ("Authenticator-app ingesteld", "تم إعداد تطبيق المصادقة"),
    "Login password changed": ("Inlogwachtwoord gewijzigd", "تم تغيير كلمة مرور الدخول"),
    "Melding form unpublished or deleted": (
        "Meldingsformulier gedepubliceerd of verwijderd",
        "تم إلغاء نشر نموذج البلاغ أو حذفه",
    ),
    "The melding form “%(form)s” was unpublished or deleted: it no longer receives meldingen. "
    "Meldingen received before stay in the inbox of their recipients. If nobody agreed to this, "
    "tell the school board: a form replaced by another one can send meldingen to other people.": (
        "Het meldingsformulier “%(form)s” is gedepubliceerd of verwijderd: het ontvangt geen "
        "meldingen meer. Meldingen die eerder binnenkwamen blijven in de inbox van hun "
        "ontvangers. Is dit niet afgesproken, vertel het dan aan het schoolbestuur: een "
        "formulier dat door een ander is vervangen, kan meldingen naar andere mensen sturen.",
        "تم إلغاء نشر نموذج البلاغ “%(form)s” أو حذفه: لم يعد يستقبل بلاغات. تبقى البلاغات "
        "التي وصلت من قبل في صندوق مستلميها. إن لم يُتفق على ذلك، فأخبر مجلس إدارة المدرسة: "
        "فالنموذج الذي يُستبدل بآخر قد يرسل البلاغات إلى أشخاص آخرين.",
    ),
    "The melding form “%(form)s” has its first recipient: %(subject)s. From now on its meldingen "
    "go to this person. If that is not what was agreed, tell the school board.": (
        "Het meldingsformulier “%(form)s” heeft zijn eerste ontvanger: %(subject)s. Vanaf nu "
        "gaan de meldingen naar deze persoon. Is dat niet wat is afgesproken, vertel het dan aan "
        "het schoolbestuur.",
        "لنموذج البلاغ “%(form)s” أول مستلم له: %(subject)s. من الآن تذهب بلاغاته إلى هذا "
        "الشخص. إن لم يكن هذا ما اتُّفق عليه، فأخبر مجلس إدارة المدرسة.",
    ),
    "A new authenticator app was set up for the inbox of %(subject)s.": (
        "Er is een nieuwe authenticator-app ingesteld voor de inbox van %(subject)s.",
        "تم إعداد تطبيق مصادقة جديد لصندوق البلاغات الخاص بـ %(subject)s.",
    ),
    "A new key was set up for %(subject)s: new meldingen are sealed to it from now on.": (
        "Er is een nieuwe sleutel ingesteld voor %(subject)s: nieuwe meldingen worden vanaf nu "
        "met deze sleutel vergrendeld.",
        "تم إعداد مفتاح جديد لـ %(subject)s: من الآن تُقفل البلاغات الجديدة بهذا المفتاح.",
    ),
    "The key of %(subject)s was restored with its recovery code and got a new key passphrase.": (
        "De sleutel van %(subject)s is hersteld met de herstelcode en heeft een nieuw "
        "sleutelwachtwoord gekregen.",
        "تمت استعادة مفتاح %(subject)s برمز الاسترداد وحصل على كلمة مرور مفتاح جديدة.",
    ),
    "The login password of %(subject)s was changed.": (
        "Het inlogwachtwoord van %(subject)s is gewijzigd.",
        "تم تغيير كلمة مرور الدخول الخاصة بـ %(subject)s.",
    ),
    "If this was not you, or not agreed with you, tell the school board and a co-recipient at "
    "once: someone may be preparing to read new meldingen in your place.": (
        "Was jij dit niet, of is het niet met jou afgesproken, vertel het dan meteen aan het "
        "schoolbestuur en aan een mede-ontvanger: misschien bereidt iemand zich voor om nieuwe "
        "meldingen in jouw plaats te lezen.",
        "إن لم تكن أنت من فعل ذلك، أو لم يُتفق معك عليه، فأخبر مجلس إدارة المدرسة ومستلمًا "
        "آخر فورًا: قد يستعد شخص ما لقراءة البلاغات الجديدة بدلًا منك.",
    ),
    "This message holds nothing of any melding.": (
        "Dit bericht bevat niets uit een melding.",
        "لا تحتوي هذه الرسالة على أي شيء من أي بلاغ.",
    ),
    "A melding form went offline": (
        "Een meldingsformulier is offline gehaald",
        "تم إيقاف نموذج بلاغ عن العمل",
    ),
    "A melding form got its first recipient": (
        "Een meldingsformulier heeft zijn eerste ontvanger",
        "حصل نموذج بلاغ على أول مستلم له",
    ),
    "A change to a vertrouwenspersoon's account": (
        "Een wijziging in het account van een vertrouwenspersoon",
        "تغيير في حساب الشخص المؤتمن",
    ),
    "Your key still opens with your login password, which an administrator can reset. Choose a "
    "key passphrase of your own now; until then the inbox stays locked.": (
        "Je sleutel opent nog met je inlogwachtwoord, en dat kan een beheerder opnieuw instellen. "
        "Kies nu een eigen sleutelwachtwoord; tot dan blijft de inbox op slot.",
        "لا يزال مفتاحك يُفتح بكلمة مرور الدخول، وهذه يمكن للمسؤول إعادة تعيينها. اختر الآن "
        "كلمة مرور خاصة بك للمفتاح؛ وحتى ذلك الحين يبقى صندوق البلاغات مقفلًا.",
    ),
}
