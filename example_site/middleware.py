"""A strict Content-Security-Policy for the public pages: nothing loads from elsewhere."""

from django.conf import settings

PUBLIC_CSP = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "style-src 'self'",
        "script-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)

#: Paths that keep Wagtail's own policy-free pages (the admin uses inline scripts and styles).
EXEMPT_PREFIXES = ("/admin/",)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        exempt = request.path.startswith(EXEMPT_PREFIXES)
        if not exempt and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = getattr(settings, "PUBLIC_CSP", PUBLIC_CSP)
        return response
