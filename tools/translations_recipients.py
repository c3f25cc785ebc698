"""Dutch and Arabic for the strings of issue 7, "recipients": ending designations visibly,
identities instead of display names, the alert mail and the recipients page."""

# msgid: (Dutch, Arabic)
T = {
    # Wagtail's user admin refuses to delete a recipient.
    "%(users)s cannot be deleted here: designated to a melding form, or still holding "
    "meldingen, which nobody could read any more. Remove the designation under Settings › "
    "Melding recipients, or deactivate the account instead (both are announced to the "
    "recipients).": (
        "%(users)s kan hier niet worden verwijderd: aangewezen als ontvanger van een "
        "meldformulier, of nog in het bezit van meldingen die daarna niemand meer zou kunnen "
        "lezen. Beëindig de aanwijzing onder Instellingen › Ontvangers van meldingen, of zet "
        "het account in plaats daarvan op inactief (beide worden aan de ontvangers gemeld).",
        "لا يمكن حذف %(users)s هنا: فهو مُعيَّن مستلمًا لنموذج بلاغ، أو ما زال يحتفظ ببلاغات "
        "لن يتمكن أحد من قراءتها بعد ذلك. أنهِ التعيين من الإعدادات › مستلمو البلاغات، أو عطّل "
        "الحساب بدلًا من ذلك (ويُبلَّغ المستلمون بكلا الأمرين).",
    ),
    # The audit log.
    "Recipient's name, login name or e-mail address changed": (
        "Naam, inlognaam of e-mailadres van een ontvanger gewijzigd",
        "تغيّر اسم مستلم أو اسم دخوله أو عنوان بريده الإلكتروني",
    ),
    "who (at the time)": ("wie (op dat moment)", "مَن (في ذلك الوقت)"),
    "about whom (at the time)": ("over wie (op dat moment)", "عمّن (في ذلك الوقت)"),
    # The recipients page.
    "An active account that can use the Wagtail admin. They set up their key and second "
    "factor at their first visit to the inbox.": (
        "Een actief account dat de Wagtail-beheeromgeving kan gebruiken. Bij het eerste bezoek "
        "aan de inbox stelt deze persoon een sleutel en een tweede factor in.",
        "حساب مفعَّل يمكنه استخدام لوحة إدارة Wagtail. يُعِدّ صاحبه مفتاحه وعامل التحقق الثاني "
        "عند أول زيارة لصندوق الوارد.",
    ),
    "Choose an active account that can use the Wagtail admin and is not a recipient of this "
    "form yet.": (
        "Kies een actief account dat de Wagtail-beheeromgeving kan gebruiken en nog geen "
        "ontvanger van dit formulier is.",
        "اختر حسابًا مفعَّلًا يمكنه استخدام لوحة إدارة Wagtail وليس مستلمًا لهذا النموذج بعد.",
    ),
    "The vertrouwenspersonen who receive the meldingen of each form, in all its languages. A "
    "new recipient can read only meldingen sent after they were added. Every change is logged "
    "and mailed to the form's recipients, also when an account is deactivated or loses its "
    "admin access elsewhere.": (
        "De vertrouwenspersonen die de meldingen van elk formulier ontvangen, in al zijn talen. "
        "Een nieuwe ontvanger kan alleen meldingen lezen die zijn verstuurd nadat die persoon "
        "is toegevoegd. Elke wijziging wordt vastgelegd en gemaild naar de ontvangers van het "
        "formulier, ook als een account elders op inactief wordt gezet of de toegang tot de "
        "beheeromgeving verliest.",
        "الأشخاص المؤتمنون الذين يستلمون بلاغات كل نموذج، بكل لغاته. لا يستطيع المستلم الجديد "
        "أن يقرأ إلا البلاغات المرسلة بعد إضافته. يُسجَّل كل تغيير ويُرسَل بالبريد الإلكتروني "
        "إلى مستلمي النموذج، وكذلك عندما يُعطَّل حساب أو يفقد صلاحية الدخول إلى لوحة الإدارة "
        "في مكان آخر.",
    ),
    "Also in:": ("Ook in:", "متوفر أيضًا في:"),
    "inactive or without admin access: receives nothing": (
        "inactief of zonder toegang tot de beheeromgeving: ontvangt niets",
        "غير مفعَّل أو بلا صلاحية دخول إلى لوحة الإدارة: لا يستلم شيئًا",
    ),
    # Mail: a designation ended, and why.
    "Reason: the account was deleted.": (
        "Reden: het account is verwijderd.",
        "السبب: حُذف الحساب.",
    ),
    "Reason: the account was deactivated.": (
        "Reden: het account is op inactief gezet.",
        "السبب: عُطِّل الحساب.",
    ),
    "Reason: the account can no longer use the Wagtail admin (a group or permission was taken "
    "away).": (
        "Reden: het account kan de Wagtail-beheeromgeving niet meer gebruiken (een groep of "
        "recht is afgenomen).",
        "السبب: لم يعد الحساب قادرًا على استخدام لوحة إدارة Wagtail (سُحبت منه مجموعة أو صلاحية).",
    ),
    "Who made this change is not known: it was made outside the pages that record it (for "
    "example in the shell, or by changing a group).": (
        "Wie deze wijziging heeft gedaan, is niet bekend: ze is gedaan buiten de pagina's die "
        "dat vastleggen (bijvoorbeeld op de server, of door een groep te wijzigen).",
        "لا يُعرف مَن أجرى هذا التغيير: فقد أُجري خارج الصفحات التي تسجّل ذلك (مثلًا على "
        "الخادم، أو بتعديل مجموعة).",
    ),
    # Mail: a recipient's name, login name or address changed.
    "The account of a melding recipient was changed": (
        "Het account van een ontvanger van meldingen is gewijzigd",
        "تغيّر حساب أحد مستلمي البلاغات",
    ),
    "The account of a vertrouwenspersoon who receives meldingen was changed: their name, login "
    "name or e-mail address.": (
        "Het account van een vertrouwenspersoon die meldingen ontvangt, is gewijzigd: de naam, "
        "de inlognaam of het e-mailadres.",
        "تغيّر حساب شخص مؤتمن يستلم البلاغات: اسمه أو اسم دخوله أو عنوان بريده الإلكتروني.",
    ),
    "Before: %(before)s": ("Eerst: %(before)s", "قبل: %(before)s"),
    "Now: %(after)s": ("Nu: %(after)s", "الآن: %(after)s"),
    "Notices about new meldingen and recipient changes now go to the new address. If you did "
    "not expect this change, contact the school board at once. The change is in the audit "
    "log:": (
        "Berichten over nieuwe meldingen en over wijzigingen van ontvangers gaan nu naar het "
        "nieuwe adres. Had u deze wijziging niet verwacht? Neem dan meteen contact op met het "
        "schoolbestuur. De wijziging staat in het logboek:",
        "تُرسَل الإشعارات عن البلاغات الجديدة وعن تغييرات المستلمين الآن إلى العنوان الجديد. "
        "إذا لم تكن تتوقع هذا التغيير، فتواصل مع مجلس إدارة المدرسة فورًا. التغيير مسجّل في "
        "سجل التدقيق:",
    ),
    # Mail to the alert contacts: a live form lost its last recipient.
    "A melding form lost its last recipient": (
        "Een meldformulier heeft geen ontvanger meer",
        "فقد نموذج بلاغ آخر مستلم له",
    ),
    "The melding form “%(form)s” has no recipient left who can receive meldingen. Until "
    "someone is designated on the page Settings › Melding recipients, the form tells visitors "
    "that it cannot receive meldingen.": (
        "Het meldformulier “%(form)s” heeft geen ontvanger meer die meldingen kan ontvangen. "
        "Totdat iemand is aangewezen op de pagina Instellingen › Ontvangers van meldingen, "
        "meldt het formulier aan bezoekers dat het geen meldingen kan ontvangen.",
        "لم يبقَ لنموذج البلاغ «%(form)s» أي مستلم يمكنه استلام البلاغات. وإلى أن يُعيَّن أحد "
        "في صفحة الإعدادات › مستلمو البلاغات، يخبر النموذج الزوار بأنه لا يستطيع استلام "
        "البلاغات.",
    ),
    "The last recipient was %(subject)s.": (
        "De laatste ontvanger was %(subject)s.",
        "كان آخر مستلم %(subject)s.",
    ),
    "You receive this message because your address is set as the alert contact of the "
    "melding channel (WAGTAIL_VERTROUWEN_ALERT_EMAILS). This message holds nothing of any "
    "melding.": (
        "U ontvangt dit bericht omdat uw adres is ingesteld als waarschuwingsadres van het "
        "meldkanaal (WAGTAIL_VERTROUWEN_ALERT_EMAILS). Dit bericht bevat niets van een melding.",
        "تصلك هذه الرسالة لأن عنوانك مضبوط بوصفه عنوان التنبيه لقناة البلاغات "
        "(WAGTAIL_VERTROUWEN_ALERT_EMAILS). لا تحتوي هذه الرسالة على أي شيء من أي بلاغ.",
    ),
}
