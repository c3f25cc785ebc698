"""Arabic default content of the route-finder, keyed by the English text in defaults.py.

Modern Standard Arabic, addressing the reader in the second person. Proper names of Dutch
institutions (Veilig Thuis, meldcode, meldplicht, bezwaar) stay in Latin script, as parents
meet them so in letters and on the phone. Machine-assisted: have a native speaker who knows
Dutch schools review it before relying on it.
"""

ARABIC = {
    "Who can I turn to?": "إلى من يمكنني التوجه؟",
    "Choose who you are and what it is about. You will see whom to turn to first and what you "
    "can do next.": "اختر من أنت وعمّ يدور الأمر، فترى إلى من تتوجه أولًا وماذا يمكنك أن تفعل "
    "بعد ذلك.",
    "School organisation": "تنظيم المدرسة",
    "Matters of how the school is run.": "أمور تتعلق بطريقة إدارة المدرسة.",
    "holidays and days off": "العطل وأيام الإجازة",
    "the parental contribution": "مساهمة أولياء الأمور",
    "the timetable": "الجدول الدراسي",
    "cleaning": "النظافة",
    "how staff members work or work together": "طريقة عمل الموظفين أو تعاونهم",
    "Talk to your mentor or teacher.": "تحدّث مع مرشدك أو معلمك.",
    "If that does not solve it.": "إذا لم يحلّ ذلك المشكلة.",
    "Talk to the school leaders, for example the head or team leader.": "تحدّث مع إدارة "
    "المدرسة، مثل المدير أو رئيس الفريق.",
    "If you cannot sort it out together.": "إذا لم تتمكنوا من حلّ الأمر معًا.",
    "Go to the internal confidential adviser, who listens, thinks along with you and helps you "
    "further.": "توجّه إلى الشخص المؤتمن الداخلي، فهو يستمع إليك ويفكّر معك ويساعدك.",
    "Discuss it with the school leaders.": "ناقش الأمر مع إدارة المدرسة.",
    "If you cannot resolve it together.": "إذا لم تتمكنوا من حلّ الأمر معًا.",
    "Take it to the school board.": "اعرض الأمر على مجلس إدارة المدرسة.",
    "If that brings no solution.": "إذا لم يؤدِّ ذلك إلى حل.",
    "Ask the internal or external confidential adviser for advice or mediation.": "اطلب من "
    "الشخص المؤتمن الداخلي أو الخارجي النصيحة أو الوساطة.",
    "If mediation does not help.": "إذا لم تنجح الوساطة.",
    "File a formal complaint with the school board or with the complaints committee. You can do "
    "so up to a year after what happened. A formal complaint is written, signed and never "
    "anonymous.": "قدّم شكوى رسمية إلى مجلس إدارة المدرسة أو إلى لجنة الشكاوى، خلال سنة من "
    "وقوع الأمر. الشكوى الرسمية مكتوبة وموقّعة ولا تكون مجهولة الهوية أبدًا.",
    "Discuss it with your line manager.": "ناقش الأمر مع مسؤولك المباشر.",
    "Take it to the school board. Matters of your employment are not for the external "
    "confidential adviser.": "اعرض الأمر على مجلس إدارة المدرسة. شؤون عملك الوظيفية ليست من "
    "اختصاص الشخص المؤتمن الخارجي.",
    "Is it about a decision of the board of a public school? Then you lodge an administrative "
    "objection (bezwaar); the complaints procedure does not apply.": "هل يتعلق الأمر بقرار من "
    "مجلس إدارة مدرسة عامة؟ عندها تقدّم اعتراضًا إداريًا (bezwaar)، ولا ينطبق نظام الشكاوى.",
    "Teaching and support": "التعليم والدعم",
    "Matters of lessons, tests and the support of pupils.": "أمور تتعلق بالدروس والاختبارات "
    "ودعم التلاميذ.",
    "the teaching method": "طريقة التدريس",
    "tests and marks": "الاختبارات والعلامات",
    "the teaching approach": "الأسلوب التربوي",
    "extra support and adjustments": "الدعم الإضافي والتعديلات",
    "Talk to your teacher or mentor.": "تحدّث مع معلمك أو مرشدك.",
    "Talk to the school leaders.": "تحدّث مع إدارة المدرسة.",
    "Discuss it with the teacher or mentor.": "ناقش الأمر مع المعلم أو المرشد.",
    "Ask a confidential adviser for advice or mediation.": "اطلب من شخص مؤتمن النصيحة أو الوساطة.",
    "Do you disagree with an examination decision? Go to the examination appeals board. Is it "
    "about admission, the development perspective (OPP) or expulsion? Then you can go to the "
    "Disputes Committee for Special Needs Education within 6 weeks.": "هل لا توافق على قرار "
    "يتعلق بامتحان؟ توجّه إلى لجنة الطعون في الامتحانات. هل يتعلق الأمر بالقبول أو بخطة "
    "التطور (OPP) أو بالفصل؟ عندها يمكنك التوجه إلى لجنة النزاعات للتعليم المناسب خلال 6 "
    "أسابيع.",
    "Domestic violence and child abuse": "العنف المنزلي وإساءة معاملة الأطفال",
    "Violence, abuse or neglect at home or around a child.": "عنف أو إساءة أو إهمال في المنزل "
    "أو في محيط الطفل.",
    "being hit or threatened at home": "التعرّض للضرب أو التهديد في المنزل",
    "seeing or hearing violence between parents": "رؤية العنف بين الوالدين أو سماعه",
    "neglect": "الإهمال",
    "not feeling safe at home": "عدم الشعور بالأمان في المنزل",
    "Tell an adult you trust, for example your mentor or the internal confidential adviser.": (
        "أخبر شخصًا بالغًا تثق به، مثل مرشدك أو الشخص المؤتمن الداخلي."
    ),
    "They will tell you what happens next.": "سيخبرك بما سيحدث بعد ذلك.",
    "The school's child protection officer follows the meldcode and makes sure you get help.": (
        "يتّبع مسؤول حماية الطفل في المدرسة خطوات meldcode ويتأكد من حصولك على المساعدة."
    ),
    "You can always call Veilig Thuis yourself too: free, day and night.": "يمكنك أيضًا دائمًا "
    "الاتصال بـ Veilig Thuis بنفسك: مجانًا، ليلًا ونهارًا.",
    "Discuss your concerns with the internal confidential adviser.": "ناقش مخاوفك مع الشخص "
    "المؤتمن الداخلي.",
    "You may also call Veilig Thuis straight away.": "يمكنك أيضًا الاتصال بـ Veilig Thuis فورًا.",
    "Call Veilig Thuis for advice or to make a report.": "اتصل بـ Veilig Thuis للاستشارة أو "
    "لتقديم بلاغ.",
    "Follow the steps of the meldcode and consult the child protection officer.": "اتّبع خطوات "
    "meldcode واستشر مسؤول حماية الطفل.",
    "When in doubt, and always in acute or structural unsafety.": "عند الشك، ودائمًا في حالات "
    "الخطر الداهم أو المستمر.",
    "Ask Veilig Thuis for advice. In acute or structural unsafety you always make a report.": (
        "اطلب الاستشارة من Veilig Thuis. في حالات الخطر الداهم أو المستمر تقدّم بلاغًا دائمًا."
    ),
    "In acute danger, call 112. In acute or structural unsafety, Veilig Thuis is always "
    "involved.": "في حالة الخطر الداهم اتصل بالرقم 112. في حالات الخطر الداهم أو المستمر "
    "يُستعان دائمًا بـ Veilig Thuis.",
    "Personal problems and home situation": "مشكلات شخصية والوضع في المنزل",
    "Problems that affect your wellbeing or learning, personal or at home.": "مشكلات تؤثر في "
    "صحتك النفسية أو تعلّمك، شخصية أو في المنزل.",
    "parents separating": "انفصال الوالدين",
    "grief": "الحزن على فقدان شخص",
    "worries about money or housing": "القلق بشأن المال أو السكن",
    "low mood or stress": "الاكتئاب أو الضغط النفسي",
    "Talk to your mentor or to the internal confidential adviser.": "تحدّث مع مرشدك أو مع "
    "الشخص المؤتمن الداخلي.",
    "If you need more help.": "إذا احتجت إلى مساعدة أكثر.",
    "The pupil support coordinator works out with you what help fits.": "يبحث منسق دعم "
    "التلاميذ معك عن المساعدة المناسبة.",
    "If help outside class is needed.": "إذا لزمت مساعدة خارج الصف.",
    "The school social worker helps you further.": "يساعدك الأخصائي الاجتماعي المدرسي.",
    "Discuss it with the mentor.": "ناقش الأمر مع المرشد.",
    "If more is needed.": "إذا لزم أكثر من ذلك.",
    "Discuss with the pupil support coordinator what support fits.": "ناقش مع منسق دعم "
    "التلاميذ الدعم المناسب.",
    "Discuss it with your line manager or with a confidential adviser.": "ناقش الأمر مع "
    "مسؤولك المباشر أو مع شخص مؤتمن.",
    "Are there signs of abuse? Then follow the route for domestic violence and child abuse.": (
        "هل توجد علامات على إساءة المعاملة؟ اتّبع إذن مسار العنف المنزلي وإساءة معاملة الأطفال."
    ),
    "Sexually transgressive behaviour": "السلوك الجنسي المتجاوز للحدود",
    "Unwanted sexual attention, in words, gestures or touch, online too.": "اهتمام جنسي غير "
    "مرغوب فيه، بالكلام أو الإيماءات أو اللمس، وكذلك عبر الإنترنت.",
    "unwanted touching": "اللمس غير المرغوب فيه",
    "sexual remarks or jokes": "تعليقات أو نكات جنسية",
    "nude pictures passed on": "تداول صور عارية",
    "abuse by an adult at school": "إساءة من شخص بالغ في المدرسة",
    "Go to the internal or external confidential adviser. You may also confide in another adult "
    "you trust.": "توجّه إلى الشخص المؤتمن الداخلي أو الخارجي. يمكنك أيضًا أن تثق بشخص بالغ "
    "آخر وتخبره.",
    "You can also call the confidential inspector straight away.": "يمكنك أيضًا الاتصال "
    "بالمفتش المؤتمن فورًا.",
    "Call the confidential inspector for advice.": "اتصل بالمفتش المؤتمن للاستشارة.",
    "Discuss it with the internal or external confidential adviser.": "ناقش الأمر مع الشخص "
    "المؤتمن الداخلي أو الخارجي.",
    "If you want the matter formally investigated.": "إذا أردت التحقيق في الأمر رسميًا.",
    "Do you suspect that someone working for the school commits a sexual offence against a "
    "minor pupil? Report it to the school board at once: that is your legal duty (meldplicht). "
    "In other cases you can go to a confidential adviser.": "هل تشتبه في أن شخصًا يعمل لدى "
    "المدرسة يرتكب جريمة جنسية بحق تلميذ قاصر؟ أبلغ مجلس إدارة المدرسة فورًا: هذا واجبك "
    "القانوني (meldplicht). في الحالات الأخرى يمكنك التوجه إلى شخص مؤتمن.",
    "The board then acts.": "بعد ذلك يتصرف مجلس الإدارة.",
    "The board consults the confidential inspector and, on reasonable suspicion, reports it to "
    "the police.": "يتشاور مجلس الإدارة مع المفتش المؤتمن، وعند وجود شبهة معقولة يبلّغ الشرطة.",
    "Did it happen between pupils? Then the parents of the pupils involved are informed. Note: a "
    "suspected sexual offence by a staff member against a minor pupil cannot be kept secret; "
    "the duty to report (meldplicht) applies.": "هل حدث ذلك بين التلاميذ؟ عندها يُبلَّغ أولياء "
    "أمور التلاميذ المعنيين. تنبيه: لا يمكن إبقاء الاشتباه في جريمة جنسية من موظف بحق تلميذ "
    "قاصر سرًّا، إذ ينطبق واجب الإبلاغ (meldplicht).",
    "Bullying, discrimination and aggression": "التنمر والتمييز والعدوان",
    "Behaviour that makes someone feel unsafe, threatened or left out.": "سلوك يجعل شخصًا "
    "يشعر بعدم الأمان أو بالتهديد أو بالإقصاء.",
    "bullying, online too": "التنمر، وكذلك عبر الإنترنت",
    "discrimination and racism": "التمييز والعنصرية",
    "aggression and violence": "العدوان والعنف",
    "radicalisation": "التطرف",
    "If it does not stop, or if you would rather talk to someone else.": "إذا لم يتوقف ذلك، أو "
    "إذا كنت تفضّل التحدث مع شخص آخر.",
    "Go to the anti-bullying contact or to the internal confidential adviser.": "توجّه إلى "
    "مسؤول مكافحة التنمر أو إلى الشخص المؤتمن الداخلي.",
    "If it does not stop.": "إذا لم يتوقف ذلك.",
    "At any time you can also ask a confidential adviser for advice.": "يمكنك في أي وقت أيضًا "
    "أن تطلب النصيحة من شخص مؤتمن.",
    "Go to a confidential adviser.": "توجّه إلى شخص مؤتمن.",
    "If needed, file a formal complaint under the complaints procedure.": "عند الحاجة، قدّم "
    "شكوى رسمية وفق نظام الشكاوى.",
    "For discrimination, serious violence or radicalisation you can also call the confidential "
    "inspector.": "في حالات التمييز أو العنف الخطير أو التطرف يمكنك أيضًا الاتصال بالمفتش المؤتمن.",
}
