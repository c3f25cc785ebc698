"""Dutch and Arabic for the fixes of the issue-9 review: limits on what a melder sends, and
the furthest next contact date."""

# msgid: (Dutch, Arabic)
T = {
    "You sent many messages in the last hour. Wait a while before you send more; your text is "
    "still here.": (
        "Je hebt het afgelopen uur veel berichten gestuurd. Wacht even voordat je meer stuurt; "
        "je tekst staat er nog.",
        "أرسلت رسائل كثيرة في الساعة الأخيرة. انتظر قليلًا قبل أن ترسل المزيد؛ نصك ما زال هنا.",
    ),
    "This melding has as many files as it can hold (%(count)d). Describe the rest in words, or "
    "ask the vertrouwenspersoon how to give it.": (
        "Bij deze melding passen geen bestanden meer (%(count)d). Beschrijf de rest in woorden, "
        "of vraag de vertrouwenspersoon hoe je het kunt geven.",
        "لا يتسع هذا البلاغ لملفات أخرى (%(count)d). صِف الباقي بالكلمات، أو اسأل الشخص المؤتمن "
        "كيف تسلّمه.",
    ),
    "Choose a date within two years. A melding should not wait longer for contact.": (
        "Kies een datum binnen twee jaar. Een melding hoort niet langer op contact te wachten.",
        "اختر تاريخًا خلال سنتين. لا ينبغي أن ينتظر البلاغ التواصل أطول من ذلك.",
    ),
}
