"""Dutch and Arabic for the profile editor and the route cards (issue 8, helper H3b)."""

# msgid: (Dutch, Arabic)
T = {
    # Placeholder of the name field of a vertrouwenspersoon profile (TitleFieldPanel)
    "Full name": ("Volledige naam", "الاسم الكامل"),
}
