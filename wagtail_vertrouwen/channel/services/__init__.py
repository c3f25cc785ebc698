"""What the confidential channel does with meldingen: receive, read, designate, purge.

Views (the public form, the inbox, the API) call these functions; none of them encrypts or
decrypts by itself.
"""
