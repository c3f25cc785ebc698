"""The restricted area where vertrouwenspersonen read meldingen (I2, I3, I5).

Access is decided here and only here (``gate``): the user must be a recipient, their session
OTP-verified (django-otp) and their private key unlocked with their password. Django
permissions and superuser status play no part.
"""
