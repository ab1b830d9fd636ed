"""A loopback TCP proxy in front of the database, which a scenario or a test cuts and restores.

The machine's PostgreSQL serves other people too, so an outage is made here, never by stopping
the server: the archive is pointed at this proxy, and

- ``cut()`` closes every connection through it and stops listening (new ones are refused): the
  database is gone, as when its host goes down or a failover has not finished;
- ``restore()`` listens again on the same port: the database is back at the same address;
- ``drop()`` closes the connections but keeps listening: a server restarted at once;
- ``freeze()`` closes the connections and accepts new ones that nothing ever answers: a failover
  in progress behind an address that still takes connections (a pooler, a load balancer).
"""

import contextlib
import socket
import threading


class Proxy:
    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._frozen = False
        self.port = 0

    def start(self) -> "Proxy":
        self._listen()
        return self

    def _listen(self) -> None:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        listener.settimeout(0.1)  # so a cut listener's thread notices and ends
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                client, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._frozen:
                with self._lock:
                    self._sockets.add(client)  # held open, never answered
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            client.settimeout(None)
            upstream.settimeout(None)
            with self._lock:
                self._sockets.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            self._close(source, sink)

    def _close(self, *sockets: socket.socket) -> None:
        for sock in sockets:
            with self._lock:
                self._sockets.discard(sock)
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in recv()
            sock.close()

    def drop(self) -> None:
        """Close every connection through the proxy; new ones are still accepted."""
        with self._lock:
            sockets = list(self._sockets)
        self._close(*sockets)

    def cut(self) -> None:
        """Refuse new connections and close the open ones."""
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        self.drop()

    def freeze(self) -> None:
        """Accept new connections but never answer them; close the open ones."""
        self._frozen = True
        self.drop()

    def restore(self) -> None:
        if self._frozen:
            self._frozen = False
            self.drop()  # the connections nothing answered
        if self._listener is None:
            self._listen()

    close = cut
