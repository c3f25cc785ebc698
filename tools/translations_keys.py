"""Translations for the key passphrase (issue 7, point 3), to be merged into tools/translations.py.

Dutch term: "sleutelwachtwoord" for the key passphrase, "inlogwachtwoord" for the login
password. Arabic: "كلمة مرور المفتاح" and "كلمة مرور تسجيل الدخول".
"""

# msgid: (Dutch, Arabic)
T = {
    # forms/inbox.py
    "Key passphrase": ("Sleutelwachtwoord", "كلمة مرور المفتاح"),
    "The passphrase you chose when you set up your key; not your login password.": (
        "Het sleutelwachtwoord dat u koos toen u uw sleutel instelde; niet uw inlogwachtwoord.",
        "كلمة مرور المفتاح التي اخترتها عند إعداد مفتاحك، وليست كلمة مرور تسجيل الدخول.",
    ),
    "The two key passphrases differ.": (
        "De twee sleutelwachtwoorden zijn niet gelijk.",
        "كلمتا مرور المفتاح غير متطابقتين.",
    ),
    "New key passphrase": ("Nieuw sleutelwachtwoord", "كلمة مرور المفتاح الجديدة"),
    "New key passphrase again": (
        "Nieuw sleutelwachtwoord nogmaals",
        "كلمة مرور المفتاح الجديدة مرة أخرى",
    ),
    "A long phrase that you use nowhere else, and not your login password. Nobody can reset "
    "it for you: only your recovery code can replace it.": (
        "Een lange zin die u nergens anders gebruikt, en niet uw inlogwachtwoord. Niemand kan "
        "het voor u opnieuw instellen: alleen met uw herstelcode kunt u het vervangen.",
        "عبارة طويلة لا تستخدمها في أي مكان آخر، وليست كلمة مرور تسجيل الدخول. لا يستطيع أحد "
        "إعادة تعيينها لك: رمز الاسترداد وحده يمكنه استبدالها.",
    ),
    "Choose your key passphrase": ("Kies uw sleutelwachtwoord", "اختر كلمة مرور المفتاح"),
    "The same key passphrase again": (
        "Hetzelfde sleutelwachtwoord nogmaals",
        "كلمة مرور المفتاح نفسها مرة أخرى",
    ),
    "Current key passphrase": ("Huidig sleutelwachtwoord", "كلمة مرور المفتاح الحالية"),
    # services/keys.py
    "This is your login password. Choose a different key passphrase: an administrator can "
    "reset your login password, but your key must open only with a secret that is yours "
    "alone.": (
        "Dit is uw inlogwachtwoord. Kies een ander sleutelwachtwoord: een beheerder kan uw "
        "inlogwachtwoord opnieuw instellen, maar uw sleutel mag alleen opengaan met een geheim "
        "dat alleen u kent.",
        "هذه هي كلمة مرور تسجيل الدخول الخاصة بك. اختر كلمة مرور مختلفة للمفتاح: يستطيع المسؤول "
        "إعادة تعيين كلمة مرور تسجيل الدخول، أما مفتاحك فيجب ألا يُفتح إلا بسرّ تعرفه أنت وحدك.",
    ),
    # views/keys.py
    "Your key was already set up in another window or by a double click. Unlock it with the "
    "key passphrase you chose there, and keep the recovery code that was shown there.": (
        "Uw sleutel was al ingesteld in een ander venster of door een dubbele klik. Ontgrendel "
        "hem met het sleutelwachtwoord dat u daar koos, en bewaar de herstelcode die daar werd "
        "getoond.",
        "تم إعداد مفتاحك بالفعل في نافذة أخرى أو بنقرة مزدوجة. افتحه بكلمة مرور المفتاح التي "
        "اخترتها هناك، واحتفظ برمز الاسترداد الذي ظهر هناك.",
    ),
    "That key passphrase does not open your key. It is the passphrase you chose when you set "
    "up your key, not your login password.": (
        "Met dat sleutelwachtwoord gaat uw sleutel niet open. Het is het wachtwoord dat u koos "
        "toen u uw sleutel instelde, niet uw inlogwachtwoord.",
        "كلمة مرور المفتاح هذه لا تفتح مفتاحك. إنها الكلمة التي اخترتها عند إعداد مفتاحك، وليست "
        "كلمة مرور تسجيل الدخول.",
    ),
    "That is not your current key passphrase. Forgot it? Restore your key with your recovery "
    "code.": (
        "Dat is niet uw huidige sleutelwachtwoord. Vergeten? Herstel uw sleutel met uw "
        "herstelcode.",
        "هذه ليست كلمة مرور المفتاح الحالية. هل نسيتها؟ استعد مفتاحك برمز الاسترداد.",
    ),
    "Your key passphrase was changed. Use the new one from now on.": (
        "Uw sleutelwachtwoord is gewijzigd. Gebruik voortaan het nieuwe.",
        "تم تغيير كلمة مرور المفتاح. استخدم الجديدة من الآن فصاعدًا.",
    ),
    # models/audit.py
    "Key passphrase changed": ("Sleutelwachtwoord gewijzigd", "تم تغيير كلمة مرور المفتاح"),
    # templates/wagtail_vertrouwen/inbox/
    "Meldingen are encrypted so that only you can read them. Choose a key passphrase to "
    "protect your key: a long phrase that only you know and use nowhere else.": (
        "Meldingen worden versleuteld, zodat alleen u ze kunt lezen. Kies een sleutelwachtwoord "
        "om uw sleutel te beveiligen: een lange zin die alleen u kent en nergens anders "
        "gebruikt.",
        "تُشفَّر البلاغات بحيث لا يقرؤها أحد سواك. اختر كلمة مرور للمفتاح لحمايته: عبارة طويلة "
        "لا يعرفها أحد غيرك ولا تستخدمها في أي مكان آخر.",
    ),
    "It is not your login password. An administrator can reset your login password; nobody "
    "can reset your key passphrase, so nobody else, not even the administrator, can open your "
    "key.": (
        "Het is niet uw inlogwachtwoord. Een beheerder kan uw inlogwachtwoord opnieuw instellen; "
        "uw sleutelwachtwoord kan niemand opnieuw instellen, dus niemand anders, ook de "
        "beheerder niet, kan uw sleutel openen.",
        "إنها ليست كلمة مرور تسجيل الدخول. يستطيع المسؤول إعادة تعيين كلمة مرور تسجيل الدخول، "
        "أما كلمة مرور المفتاح فلا يستطيع أحد إعادة تعيينها، لذلك لا يستطيع أحد غيرك، ولا حتى "
        "المسؤول، فتح مفتاحك.",
    ),
    "Enter your key passphrase to unlock your meldingen. They lock again when you close the "
    "browser or after a while without use.": (
        "Vul uw sleutelwachtwoord in om uw meldingen te ontgrendelen. Ze worden weer vergrendeld "
        "als u de browser sluit of als u een tijdje niets doet.",
        "أدخل كلمة مرور المفتاح لفتح بلاغاتك. تُقفل مرة أخرى عند إغلاق المتصفح أو بعد فترة "
        "من عدم الاستخدام.",
    ),
    "Forgot your key passphrase? Use your recovery code.": (
        "Sleutelwachtwoord vergeten? Gebruik uw herstelcode.",
        "نسيت كلمة مرور المفتاح؟ استخدم رمز الاسترداد.",
    ),
    "Change key passphrase": ("Sleutelwachtwoord wijzigen", "تغيير كلمة مرور المفتاح"),
    "Enter your current key passphrase and choose a new one. Your recovery code stays the same.": (
        "Vul uw huidige sleutelwachtwoord in en kies een nieuw sleutelwachtwoord. Uw herstelcode "
        "blijft hetzelfde.",
        "أدخل كلمة مرور المفتاح الحالية واختر كلمة جديدة. يبقى رمز الاسترداد كما هو.",
    ),
    'This does not change your login password. Change that in <a href="%(account_url)s">your '
    "account</a>.": (
        'Uw inlogwachtwoord verandert hierdoor niet. Dat wijzigt u in <a href="%(account_url)s">'
        "uw account</a>.",
        'لا يغيّر هذا كلمة مرور تسجيل الدخول. غيّرها في <a href="%(account_url)s">حسابك</a>.',
    ),
    "Enter the recovery code you wrote down when you set up your key, and choose a new key "
    "passphrase. You get a new recovery code; the old one stops working. Your login password "
    "does not change.": (
        "Vul de herstelcode in die u hebt opgeschreven toen u uw sleutel instelde, en kies een "
        "nieuw sleutelwachtwoord. U krijgt een nieuwe herstelcode; de oude werkt dan niet meer. "
        "Uw inlogwachtwoord verandert niet.",
        "أدخل رمز الاسترداد الذي دوّنته عند إعداد مفتاحك، واختر كلمة مرور جديدة للمفتاح. "
        "ستحصل على رمز استرداد جديد، ويتوقف الرمز القديم عن العمل. لا تتغير كلمة مرور تسجيل "
        "الدخول.",
    ),
    "This is your recovery code. If you forget your key passphrase, it is the only way back to "
    "your meldingen. Write it down and keep it somewhere safe, away from your computer. It is "
    "shown only now.": (
        "Dit is uw herstelcode. Als u uw sleutelwachtwoord vergeet, is dit de enige weg terug "
        "naar uw meldingen. Schrijf de code op en bewaar hem op een veilige plek, niet bij uw "
        "computer. Hij wordt alleen nu getoond.",
        "هذا هو رمز الاسترداد الخاص بك. إذا نسيت كلمة مرور المفتاح، فهو الطريق الوحيد للعودة "
        "إلى بلاغاتك. اكتبه واحفظه في مكان آمن بعيدًا عن حاسوبك. لن يظهر إلا الآن.",
    ),
    "Your inbox is locked. Enter your key passphrase to open it.": (
        "Uw inbox is vergrendeld. Vul uw sleutelwachtwoord in om hem te openen.",
        "صندوق الوارد مقفل. أدخل كلمة مرور المفتاح لفتحه.",
    ),
}
