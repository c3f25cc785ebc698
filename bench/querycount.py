"""Queries per request, for the HTTP bench: a middleware for the bench's settings only.

A request with the header ``X-Count-Queries: 1`` is answered with its number of database
queries (every connection, every query, from the first middleware inside this one to the
rendered response and the session's save) in the ``X-Queries`` response header. Other
requests pass untouched, so the load runs measure no counting. Counted with Django's
``connection.execute_wrapper``. Put it first in ``MIDDLEWARE``.

The plain Wagtail project of the bench gets a verbatim copy of this file, so both projects
count the same way.
"""

from contextlib import ExitStack

from django.db import connections

REQUEST_HEADER = "HTTP_X_COUNT_QUERIES"
RESPONSE_HEADER = "X-Queries"


class QueryCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.META.get(REQUEST_HEADER) != "1":
            return self.get_response(request)
        count = 0

        def counter(execute, sql, params, many, context):
            nonlocal count
            count += 1
            return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response[RESPONSE_HEADER] = str(count)
        return response
