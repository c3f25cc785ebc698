"""Dutch and Arabic for the mailbox foundation (issue 9): the melding's new fields (deadlines,
the status the melder sees), the messages, the form's deadline settings, the new audit
actions and the mails about new messages.

Terms: a *message* is a "bericht" (رسالة); the melder's *mailbox* is their "postvak"
(صندوق الرسائل). Admin strings use "u", the melder's mail uses "je"."""

# msgid: (Dutch, Arabic)
T = {
    # What the melder sees as the status (models/meldingen.py, MelderStatus); "Received" has a
    # context of its own, apart from the inbox's date column.
    ("status shown to the melder", "Received"): ("Ontvangen", "تم الاستلام"),
    "Being looked into": ("In behandeling", "قيد المعالجة"),
    "Finished": ("Afgerond", "انتهت المعالجة"),
    # The melding's new fields (admin)
    "status for the melder": ("status voor de melder", "الحالة كما يراها المُبلِّغ"),
    "acknowledge by": ("ontvangst bevestigen vóór", "تأكيد الاستلام قبل"),
    "acknowledged": ("ontvangst bevestigd", "تم تأكيد الاستلام"),
    "feedback by": ("terugkoppeling vóór", "الإفادة بالنتيجة قبل"),
    "feedback given": ("terugkoppeling gegeven", "تمت الإفادة بالنتيجة"),
    "next contact by": ("volgend contact vóór", "التواصل التالي قبل"),
    "waiting since": ("wacht sinds", "ينتظر منذ"),
    # Messages (models/mailbox.py, MessageKind)
    "Message": ("Bericht", "رسالة"),
    "Name or contact details": ("Naam of contactgegevens", "الاسم أو بيانات التواصل"),
    # The melding form's deadline settings (models/forms.py, admin: "u")
    "acknowledge within (days)": (
        "ontvangst bevestigen binnen (dagen)",
        "تأكيد الاستلام خلال (بالأيام)",
    ),
    "The vertrouwenspersoon answers every melding within this many days; the form says so, "
    "and the inbox reminds her.": (
        "De vertrouwenspersoon reageert binnen dit aantal dagen op elke melding; het formulier "
        "vermeldt dat, en de inbox herinnert haar eraan.",
        "يردّ الشخص المؤتمن على كل بلاغ خلال هذا العدد من الأيام؛ يذكر النموذج ذلك، "
        "ويذكّره صندوق الوارد به.",
    ),
    "klokkenluidersregeling applies": (
        "klokkenluidersregeling van toepassing",
        "تنطبق لائحة المبلّغين عن المخالفات (klokkenluidersregeling)",
    ),
    "For an employer with 50 or more staff: every melding of this form is acknowledged within "
    "7 days and gets feedback within 3 months, as the Wet bescherming klokkenluiders requires "
    "for reports by staff. The form says so.": (
        "Voor een werkgever met 50 of meer medewerkers: van elke melding via dit formulier wordt "
        "de ontvangst binnen 7 dagen bevestigd, en binnen 3 maanden volgt een terugkoppeling, "
        "zoals de Wet bescherming klokkenluiders eist voor meldingen van medewerkers. Het "
        "formulier vermeldt dat.",
        "لصاحب عمل لديه 50 موظفًا أو أكثر: يُؤكَّد استلام كل بلاغ يصل عبر هذا النموذج خلال "
        "7 أيام، وتُقدَّم إفادة بالنتيجة خلال 3 أشهر، كما يشترط قانون حماية المبلّغين عن "
        "المخالفات (Wet bescherming klokkenluiders) لبلاغات الموظفين. يذكر النموذج ذلك.",
    ),
    # Audit actions (models/audit.py)
    "Melder logged in to the mailbox": (
        "Melder ingelogd in het postvak",
        "سجّل المُبلِّغ الدخول إلى صندوق الرسائل",
    ),
    "Wrong codes entered at the mailbox": (
        "Verkeerde codes ingevoerd bij het postvak",
        "أُدخلت رموز خاطئة في صندوق الرسائل",
    ),
    "Message to the melder sent": (
        "Bericht aan de melder verstuurd",
        "أُرسلت رسالة إلى المُبلِّغ",
    ),
    "Message from the melder received": (
        "Bericht van de melder ontvangen",
        "وصلت رسالة من المُبلِّغ",
    ),
    "Melder shared name or contact details": (
        "Melder heeft naam of contactgegevens gedeeld",
        "شارك المُبلِّغ اسمه أو بيانات التواصل",
    ),
    "Status shown to the melder changed": (
        "Status voor de melder gewijzigd",
        "تغيّرت الحالة التي يراها المُبلِّغ",
    ),
    "Next contact date set": (
        "Datum voor volgend contact ingesteld",
        "حُدِّد موعد التواصل التالي",
    ),
    "Feedback given to the melder": (
        "Terugkoppeling aan de melder gegeven",
        "قُدِّمت إفادة بالنتيجة إلى المُبلِّغ",
    ),
    "Access to a melding given to a colleague": (
        "Toegang tot een melding aan een collega gegeven",
        "مُنح زميل إمكانية الوصول إلى بلاغ",
    ),
    "Own access to a melding given up": (
        "Eigen toegang tot een melding opgegeven",
        "تم التخلي عن إمكانية الوصول الخاصة إلى بلاغ",
    ),
    # Mail to the recipients: the melder wrote (admin: "u" where addressed)
    "A melder wrote a new message": (
        "Een melder heeft een nieuw bericht geschreven",
        "كتب مُبلِّغ رسالة جديدة",
    ),
    "The melder of one of your meldingen wrote a new message.": (
        "De melder van een van uw meldingen heeft een nieuw bericht geschreven.",
        "كتب مُبلِّغ أحد بلاغاتك رسالة جديدة.",
    ),
    # The melder's optional notice (public: "je")
    "There is a new message for you": (
        "Er is een nieuw bericht voor je",
        "هناك رسالة جديدة لك",
    ),
    "There is a new message for you on the website of %(site)s.": (
        "Er is een nieuw bericht voor je op de website van %(site)s.",
        "هناك رسالة جديدة لك على موقع %(site)s.",
    ),
    "To read it, open the page below and log in with your code. This mail does not say what "
    "the message is about.": (
        "Open de pagina hieronder en log in met je code om het te lezen. In deze mail staat niet "
        "waar het bericht over gaat.",
        "لقراءتها، افتح الصفحة أدناه وسجّل الدخول برمزك. لا تذكر هذه الرسالة الإلكترونية "
        "موضوع الرسالة.",
    ),
    "You asked for this notice yourself. You can switch it off in your mailbox.": (
        "Je hebt zelf om dit bericht gevraagd. Je kunt het uitzetten in je postvak.",
        "أنت طلبت هذا التنبيه بنفسك. يمكنك إيقافه في صندوق رسائلك.",
    ),
}
