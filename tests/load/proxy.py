"""A small TCP proxy on loopback, in a thread of the test process, that can fail on purpose.

The app servers reach PostgreSQL (or S3) only through it, so a test can make the service
"go away" without touching the shared server: ``refuse()`` closes the listening socket (a new
connection is refused by the kernel, as when the server is down) and cuts every open
connection with a reset; ``accept()`` listens again on the same port. ``retarget()`` points it
at another upstream port (a restarted moto server).

One thread and a selector carry every connection; nothing here blocks on a peer.
"""

import contextlib
import selectors
import socket
import struct
import threading

CHUNK = 64 * 1024


def _reset(sock):
    """Close ``sock`` with a reset (SO_LINGER 0), as a dying server's kernel would."""
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    with contextlib.suppress(OSError):
        sock.close()


class _Side:
    """One socket of a proxied connection: what waits to be written to it, and whether its
    peer has finished sending (then, once ``pending`` is written, its write side is shut)."""

    def __init__(self, sock):
        self.sock = sock
        self.peer = None
        self.pending = b""
        self.eof_in = False  # this socket sent EOF
        self.shut_out = False  # we shut this socket's write side
        self.events = 0  # what the selector watches it for (0: not registered)
        self.client = False  # the side that connected to the proxy
        self.last_request = b""  # a client side's last request line (HTTP)


class FaultProxy:
    def __init__(self, upstream_port: int, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.selector = selectors.DefaultSelector()
        self.lock = threading.Lock()
        self.sides = {}  # socket -> _Side
        self.listener = None
        self.port = 0
        self.accepted = 0
        self.cut = 0
        #: ``on_response(request_line, response_start, client_port)``, called in the proxy's
        #: thread before an upstream answer is passed on; True drops the connection instead.
        self.on_response = None
        self._todo = []
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self.selector.register(self._wake_r, selectors.EVENT_READ, "wake")
        self._running = True
        self._open_listener()
        self.thread = threading.Thread(target=self._loop, name="fault-proxy", daemon=True)
        self.thread.start()

    # Control, from the test's thread -------------------------------------------------------

    def _call(self, action):
        """Run ``action`` in the proxy's thread (the selector is not thread-safe); wait."""
        done = threading.Event()
        with self.lock:
            self._todo.append((action, done))
        self._wake_w.send(b"x")
        if not done.wait(10):
            raise RuntimeError("the fault proxy did not answer")

    def _open_listener(self):
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(256)
        listener.setblocking(False)
        self.port = listener.getsockname()[1]
        self.listener = listener
        self.selector.register(listener, selectors.EVENT_READ, "listen")

    def refuse(self):
        """From now on refuse new connections, and cut the open ones with a reset."""
        self._call(self.refuse_here)

    def refuse_here(self):
        """``refuse``, from the proxy's own thread (an ``on_response`` hook)."""
        if self.listener is not None:
            self.selector.unregister(self.listener)
            self.listener.close()
            self.listener = None
        for sock in list(self.sides):
            if sock in self.sides:
                self.cut += 1
                self._drop(sock)

    def accept(self):
        """Listen again, on the same port."""

        def start():
            if self.listener is None:
                self._open_listener()

        self._call(start)

    def retarget(self, upstream_port: int):
        """New connections go to ``upstream_port`` (open ones stay where they are)."""
        self.upstream = (self.upstream[0], upstream_port)

    def close(self):
        self.refuse()
        self._running = False
        self._wake_w.send(b"x")
        self.thread.join(5)
        self._wake_w.close()
        self._wake_r.close()
        self.selector.close()

    # The loop ------------------------------------------------------------------------------

    def _loop(self):
        while self._running:
            for key, mask in self.selector.select(timeout=0.5):
                if key.data == "wake":
                    with contextlib.suppress(BlockingIOError):
                        self._wake_r.recv(4096)
                    with self.lock:
                        todo, self._todo = self._todo, []
                    for action, done in todo:
                        try:
                            action()
                        finally:
                            done.set()
                elif key.data == "listen":
                    self._accept_one(key.fileobj)
                elif key.fileobj in self.sides:
                    self._pump(self.sides[key.fileobj], mask)

    def _accept_one(self, listener):
        try:
            client, _address = listener.accept()
        except OSError:
            return
        upstream = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            upstream.settimeout(3)
            upstream.connect(self.upstream)
        except OSError:
            _reset(upstream)
            _reset(client)  # the upstream is down: so is the service, for this client
            return
        self.accepted += 1
        a, b = _Side(client), _Side(upstream)
        a.peer, b.peer = b, a
        a.client = True
        for side in (a, b):
            side.sock.setblocking(False)
            side.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.sides[side.sock] = side
            self._watch(side, selectors.EVENT_READ)

    def _pump(self, side, mask):
        if mask & selectors.EVENT_WRITE:
            self._flush(side)
        if side.sock not in self.sides or not mask & selectors.EVENT_READ or side.eof_in:
            return
        if side.peer.pending:  # the peer is slow: read again once it took what it has
            return
        try:
            data = side.sock.recv(CHUNK)
        except BlockingIOError:
            return
        except OSError:
            self._drop(side.sock)
            return
        if data and side.client and data[:8].split(b" ")[0].isalpha():
            side.last_request = data.split(b"\r\n", 1)[0]
        if data and not side.client and self.on_response is not None:
            client = side.peer
            if self.on_response(client.last_request, data[:32], client.sock.getpeername()[1]):
                self._drop(side.sock)
                return
        if data:
            side.peer.pending += data
        else:
            side.eof_in = True
        self._flush(side.peer)

    def _flush(self, side):
        if side.pending:
            try:
                sent = side.sock.send(side.pending)
            except BlockingIOError:
                sent = 0
            except OSError:
                self._drop(side.sock)
                return
            side.pending = side.pending[sent:]
        if not side.pending and side.peer.eof_in and not side.shut_out:
            side.shut_out = True
            with contextlib.suppress(OSError):
                side.sock.shutdown(socket.SHUT_WR)
        if side.shut_out and side.peer.shut_out:
            self._drop(side.sock, reset=False)
            return
        events = 0 if side.eof_in else selectors.EVENT_READ
        if side.pending:
            events |= selectors.EVENT_WRITE
        self._watch(side, events)

    def _watch(self, side, events):
        if events == side.events:
            return
        if not events:
            self.selector.unregister(side.sock)
        elif not side.events:
            self.selector.register(side.sock, events, "conn")
        else:
            self.selector.modify(side.sock, events, "conn")
        side.events = events

    def _drop(self, sock, reset=True):
        side = self.sides.get(sock)
        if side is None:
            return
        for each in (side, side.peer):
            if self.sides.pop(each.sock, None) is None:
                continue
            if each.events:
                self.selector.unregister(each.sock)
                each.events = 0
            if reset:
                _reset(each.sock)
            else:
                with contextlib.suppress(OSError):
                    each.sock.close()
