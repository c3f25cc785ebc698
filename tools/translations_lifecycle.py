"""Dutch and Arabic for a melding form's life: a version going offline (unpublished, deleted,
made private), public again, moved to another website (review "form and recipient
lifecycle")."""

# msgid: (Dutch, Arabic)
T = {
    # Audit actions and fields
    "Melding form went offline": (
        "Meldingsformulier offline gehaald",
        "أصبح نموذج البلاغ غير متاح",
    ),
    "Melding form public again": (
        "Meldingsformulier weer openbaar",
        "أصبح نموذج البلاغ عامًا من جديد",
    ),
    "Melding form moved to another website": (
        "Meldingsformulier naar een andere website verplaatst",
        "نُقل نموذج البلاغ إلى موقع آخر",
    ),
    "form (at the time)": ("formulier (op dat moment)", "النموذج (في ذلك الوقت)"),
    # How a version went offline (in the mail)
    "it was unpublished": ("het is gedepubliceerd", "أُلغي نشره"),
    "it was deleted": ("het is verwijderd", "حُذف"),
    "it was made private (a privacy setting on the page or a page above it)": (
        "het is afgeschermd (een privacy-instelling op de pagina of een pagina erboven)",
        "جُعل خاصًا (إعداد خصوصية على الصفحة أو على صفحة أعلى منها)",
    ),
    # The recipients page
    "Versions:": ("Versies:", "النسخ:"),
    "on no website": ("op geen enkele website", "ليس على أي موقع"),
    "not published: receives nothing": (
        "niet gepubliceerd: ontvangt niets",
        "غير منشور: لا يستقبل شيئًا",
    ),
    "not public (privacy setting): receives nothing": (
        "niet openbaar (privacy-instelling): ontvangt niets",
        "غير عام (إعداد الخصوصية): لا يستقبل شيئًا",
    ),
    "on another school's website: receives nothing": (
        "op de website van een andere school: ontvangt niets",
        "على موقع مدرسة أخرى: لا يستقبل شيئًا",
    ),
    # Mail subjects
    "A version of a melding form went offline": (
        "Een versie van een meldingsformulier is offline gehaald",
        "أصبحت نسخة من نموذج البلاغ غير متاحة",
    ),
    "A melding form is public again": (
        "Een meldingsformulier is weer openbaar",
        "أصبح نموذج البلاغ عامًا من جديد",
    ),
    "A melding form was moved to another website": (
        "Een meldingsformulier is naar een andere website verplaatst",
        "نُقل نموذج البلاغ إلى موقع آخر",
    ),
    # Mail bodies (mail/event.txt)
    "The melding form “%(form)s” went offline: %(subject)s. No version of it receives "
    "meldingen any more. Meldingen received before stay in the inbox of their recipients. If "
    "nobody agreed to this, tell the school board: a form replaced by another one can send "
    "meldingen to other people.": (
        "Het meldingsformulier “%(form)s” is offline gehaald: %(subject)s. Geen enkele versie "
        "ervan ontvangt nog meldingen. Meldingen die eerder binnenkwamen blijven in de inbox "
        "van hun ontvangers. Is dit niet afgesproken, vertel het dan aan het schoolbestuur: een "
        "formulier dat door een ander is vervangen, kan meldingen naar andere mensen sturen.",
        "أصبح نموذج البلاغ “%(form)s” غير متاح: %(subject)s. لم تعد أي نسخة منه تستقبل "
        "بلاغات. تبقى البلاغات التي وصلت من قبل في صندوق مستلميها. إن لم يُتفق على ذلك، فأخبر "
        "مجلس إدارة المدرسة: فالنموذج الذي يُستبدل بآخر قد يرسل البلاغات إلى أشخاص آخرين.",
    ),
    "A version of the melding form “%(form)s” went offline: %(subject)s. Its other versions "
    "still receive meldingen. If nobody agreed to this, tell the school board: the school may "
    "link to this version, and a version replaced by another form can send meldingen to other "
    "people.": (
        "Een versie van het meldingsformulier “%(form)s” is offline gehaald: %(subject)s. De "
        "andere versies ontvangen nog meldingen. Is dit niet afgesproken, vertel het dan aan "
        "het schoolbestuur: de school linkt misschien naar deze versie, en een versie die door "
        "een ander formulier is vervangen, kan meldingen naar andere mensen sturen.",
        "أصبحت نسخة من نموذج البلاغ “%(form)s” غير متاحة: %(subject)s. لا تزال نسخه الأخرى "
        "تستقبل البلاغات. إن لم يُتفق على ذلك، فأخبر مجلس إدارة المدرسة: فقد تضع المدرسة "
        "رابطًا إلى هذه النسخة، والنسخة التي يحل محلها نموذج آخر قد ترسل البلاغات إلى أشخاص "
        "آخرين.",
    ),
    "The melding form “%(form)s” is public again and receives meldingen: %(subject)s.": (
        "Het meldingsformulier “%(form)s” is weer openbaar en ontvangt meldingen: %(subject)s.",
        "أصبح نموذج البلاغ “%(form)s” عامًا من جديد ويستقبل البلاغات: %(subject)s.",
    ),
    "A version of the melding form “%(form)s” was moved to another website: %(subject)s. It "
    "receives meldingen there, for this form's recipients: that website belongs to the school "
    "the form was pinned to at its first designation. If nobody agreed to this move, tell the "
    "school board.": (
        "Een versie van het meldingsformulier “%(form)s” is naar een andere website "
        "verplaatst: %(subject)s. Ze ontvangt daar meldingen, voor de ontvangers van dit "
        "formulier: die website hoort bij de school waaraan het formulier bij de eerste "
        "aanwijzing is vastgelegd. Is dit verplaatsen niet afgesproken, vertel het dan aan het "
        "schoolbestuur.",
        "نُقلت نسخة من نموذج البلاغ “%(form)s” إلى موقع آخر: %(subject)s. وهي تستقبل البلاغات "
        "هناك لمستلمي هذا النموذج: فذلك الموقع تابع للمدرسة التي رُبط بها النموذج عند تعيين "
        "أول مستلم له. إن لم يُتفق على هذا النقل، فأخبر مجلس إدارة المدرسة.",
    ),
    "A version of the melding form “%(form)s” was moved onto another website: %(subject)s. It "
    "receives nothing there: the form receives only on the websites of the school it was "
    "pinned to at its first designation, so that another school's melders never write to this "
    "form's recipients; its page says that it cannot receive meldingen. If the move was a "
    "mistake, move it back; a school that needs a form makes its own.": (
        "Een versie van het meldingsformulier “%(form)s” is naar een andere website "
        "verplaatst: %(subject)s. Ze ontvangt daar niets: het formulier ontvangt alleen op de "
        "websites van de school waaraan het bij de eerste aanwijzing is vastgelegd, zodat de "
        "melders van een andere school nooit aan de ontvangers van dit formulier schrijven; "
        "haar pagina zegt dat ze geen meldingen kan ontvangen. Was het verplaatsen een "
        "vergissing, zet haar dan terug; een school die een formulier nodig heeft, maakt een "
        "eigen formulier.",
        "نُقلت نسخة من نموذج البلاغ “%(form)s” إلى موقع آخر: %(subject)s. وهي لا تستقبل شيئًا "
        "هناك: فالنموذج لا يستقبل إلا على مواقع المدرسة التي رُبط بها عند تعيين أول مستلم له، "
        "حتى لا يكتب مبلّغو مدرسة أخرى أبدًا إلى مستلمي هذا النموذج؛ وتقول صفحتها إنها لا "
        "تستطيع استقبال البلاغات. إن كان النقل خطأً فأعِدها إلى مكانها؛ والمدرسة التي تحتاج "
        "إلى نموذج تنشئ نموذجها الخاص.",
    ),
    # The school a form is pinned to (review 2, "the reference version can change")
    "school of a melding form": ("school van een meldingsformulier", "مدرسة نموذج البلاغ"),
    "schools of melding forms": ("scholen van meldingsformulieren", "مدارس نماذج البلاغ"),
    "it was moved under a private page (a privacy setting on a page above it)": (
        "het is onder een afgeschermde pagina gezet (een privacy-instelling op een pagina erboven)",
        "نُقل تحت صفحة خاصة (إعداد خصوصية على صفحة أعلى منه)",
    ),
    "receives meldingen": ("ontvangt meldingen", "يستقبل البلاغات"),
    "receives nothing": ("ontvangt niets", "لا يستقبل شيئًا"),
    # Review 3: designated => pinned
    "“%(form)s” stands on no website, so it has no school to receive for. Put the form on the "
    "school's website first: publish it under the school's homepage.": (
        "“%(form)s” staat op geen enkele website en hoort dus bij geen school. Zet het formulier "
        "eerst op de website van de school: publiceer het onder de homepage van de school.",
        "“%(form)s” غير موجود على أي موقع، فلا مدرسة يستقبل لها. ضع النموذج أولًا على موقع "
        "المدرسة: انشره تحت الصفحة الرئيسية للمدرسة.",
    ),
    "This form has recipients but is pinned to no school, so it receives nothing. Put it on "
    "the school's site and designate a recipient again.": (
        "Dit formulier heeft ontvangers maar is aan geen school gekoppeld en ontvangt dus niets. "
        "Zet het op de website van de school en wijs opnieuw een ontvanger aan.",
        "لهذا النموذج مستلمون لكنه غير مرتبط بأي مدرسة، فلا يستقبل شيئًا. ضعه على موقع "
        "المدرسة وعيّن مستلمًا من جديد.",
    ),
    "pinned to no school: receives nothing": (
        "aan geen school gekoppeld: ontvangt niets",
        "غير مرتبط بأي مدرسة: لا يستقبل شيئًا",
    ),
    "The form is now pinned to the school %(school)s: its versions receive meldingen only on "
    "that school's websites.": (
        "Het formulier is nu gekoppeld aan de school %(school)s: de versies ervan ontvangen "
        "alleen meldingen op de websites van die school.",
        "النموذج مرتبط الآن بالمدرسة %(school)s: لا تستقبل نسخه البلاغات إلا على مواقع تلك "
        "المدرسة.",
    ),
    "The melding form “%(form)s” had recipients but was pinned to no school, so it received "
    "nothing. A new recipient, %(subject)s, pinned it: from now on its meldingen go to its "
    "recipients. If that is not what was agreed, tell the school board.": (
        "Het meldformulier “%(form)s” had ontvangers maar was aan geen school gekoppeld en "
        "ontving dus niets. Een nieuwe ontvanger, %(subject)s, heeft het gekoppeld: vanaf nu "
        "gaan de meldingen naar de ontvangers. Als dat niet zo is afgesproken, meld het dan "
        "aan het schoolbestuur.",
        "كان لنموذج البلاغ “%(form)s” مستلمون لكنه لم يكن مرتبطًا بأي مدرسة، فلم يستقبل "
        "شيئًا. ربطه مستلم جديد، %(subject)s: من الآن تذهب بلاغاته إلى مستلميه. إن لم يكن "
        "هذا ما اتُّفق عليه، فأبلغ مجلس إدارة المدرسة.",
    ),
    "The website settings (Sites) changed where the melding form “%(form)s” receives "
    "meldingen: %(subject)s. If nobody agreed to this, tell the school board.": (
        "De website-instellingen (Sites) hebben veranderd waar het meldformulier “%(form)s” "
        "meldingen ontvangt: %(subject)s. Als niemand hiermee heeft ingestemd, meld het dan "
        "aan het schoolbestuur.",
        "غيّرت إعدادات المواقع (Sites) المكان الذي يستقبل فيه نموذج البلاغ “%(form)s” "
        "البلاغات: %(subject)s. إن لم يوافق أحد على ذلك، فأبلغ مجلس إدارة المدرسة.",
    ),
    "A melding form was pinned to its school": (
        "Een meldformulier is aan zijn school gekoppeld",
        "رُبط نموذج بلاغ بمدرسته",
    ),
    "The website settings changed where a melding form receives": (
        "De website-instellingen hebben veranderd waar een meldformulier ontvangt",
        "غيّرت إعدادات المواقع مكان استقبال نموذج بلاغ",
    ),
    # Pinning a form left unpinned (check W008) from the recipients page
    "Melding form pinned to its school": (
        "Meldformulier vastgepind aan de school",
        "تم تثبيت نموذج البلاغ على مدرسته",
    ),
    "Pin to its school": ("Vastpinnen aan de school", "تثبيت على مدرسته"),
    "This form has recipients but is pinned to no school, so it receives nothing. Put it on "
    "the school's website, then pin it to its school.": (
        "Dit formulier heeft ontvangers, maar is aan geen school vastgepind en ontvangt daarom "
        "niets. Zet het op de website van de school en pin het dan vast aan de school.",
        "لهذا النموذج مستلمون لكنه غير مثبت على أي مدرسة، لذلك لا يستقبل شيئًا. ضعه على موقع "
        "المدرسة الإلكتروني، ثم ثبّته على مدرسته.",
    ),
    "“%(form)s” now receives on the websites of its school: %(school)s.": (
        "“%(form)s” ontvangt nu op de websites van de school: %(school)s.",
        "يستقبل «%(form)s» الآن على المواقع الإلكترونية لمدرسته: %(school)s.",
    ),
    "The melding form “%(form)s” had recipients but was pinned to no school, so it received "
    "nothing. It has now been pinned to its school: from now on its meldingen go to its "
    "recipients. If that is not what was agreed, tell the school board.": (
        "Het meldformulier “%(form)s” had ontvangers, maar was aan geen school vastgepind en "
        "ontving daarom niets. Het is nu vastgepind aan de school: vanaf nu gaan de meldingen "
        "naar de ontvangers. Is dat niet zo afgesproken, meld het dan aan het schoolbestuur.",
        "كان لنموذج البلاغ «%(form)s» مستلمون لكنه لم يكن مثبتًا على أي مدرسة، لذلك لم يستقبل "
        "شيئًا. وقد ثُبّت الآن على مدرسته: من الآن فصاعدًا تذهب بلاغاته إلى مستلميه. إذا لم "
        "يكن هذا ما تم الاتفاق عليه، فأبلغ مجلس إدارة المدرسة.",
    ),
}
