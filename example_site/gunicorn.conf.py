"""gunicorn's settings for the example site in production, and for both sides of ``make bench``
(the package and the plain Wagtail project): ``gunicorn --config example_site/gunicorn.conf.py``.

The application is loaded once, in the master (``preload_app``), and what loading made is
frozen out of Python's cyclic garbage collector before each worker is forked (``gc.freeze``,
as Python's documentation advises for servers that fork). The workers then share those pages
instead of copying them, and a full collection in a worker walks the objects of its own
requests rather than the some 190,000 of Django, Wagtail and the package: such a collection
took about 145 ms of one request in every 40 on the inbox list (docs/performance.md).

Loading in the master opens no connection (nothing queries the database or the cache at
import); ``pre_fork`` closes any all the same, so that no worker inherits one.
"""

import gc

preload_app = True


def pre_fork(server, worker):
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
    gc.freeze()
