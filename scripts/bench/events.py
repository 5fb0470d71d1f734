#!/usr/bin/env python3
"""Event stream benchmark against a running Stepwork server (`make bench-events` starts one):

1. memory: opens STREAMS (default 10,000) `GET /v1/events` streams of one sponsor, waits until
   every one has its head, and prints the server process's resident set (VmRSS of --pid);
2. latency: keeps LISTENERS (default 1,000) of them open, closes the rest, then posts COMMENTS
   comments one after another as the sponsee and records, for every listener, the time from
   the comment's `201` arriving to its event arriving (and from the request being sent);
   prints p50/p99/max over all listeners and comments.

One thread reads every stream through epoll (selectors), so a late read on the client's side
counts against the server: the figures are an upper bound. An event that arrives before the
`201` counts as 0 ms from it. Standard library only; talks only to a loopback URL.

    scripts/bench/events.py http://127.0.0.1:8092 --pid PID [--streams 10000] [--listeners 1000] [--comments 50]
"""

import argparse
import http.client
import json
import selectors
import socket
import sys
import threading
import time
import uuid
from urllib.parse import urlsplit

PASSWORD = "one day at a time, events bench"


def main():
    options = parse_arguments()
    api = API(options.url)
    sponsee, sponsor = api.register("Sam"), api.register("Robin")
    code = api.call("POST", "/v1/invites", sponsee, {"role": "sponsee"})["code"]
    sponsorship = api.call("POST", "/v1/invites/accept", sponsor, {"code": code})["id"]
    entry = api.call("POST", "/v1/entries", sponsee, {"kind": "journal", "title": "Bench", "body": "text"})["id"]
    api.call("PUT", f"/v1/entries/{entry}/shares/{sponsorship}", sponsee, {"access": "comment"})

    readers = Readers(options.url, sponsor)
    started = time.monotonic()
    readers.open(options.streams)
    opened = time.monotonic() - started
    time.sleep(2)  # let the server settle after the burst of opens
    rss = resident_kib(options.pid)
    print(f"streams open: {readers.count()} of {options.streams} in {opened:.1f} s; "
          f"server VmRSS {rss / 1024:.1f} MiB ({rss * 1024 / max(1, readers.count()):.0f} bytes per stream)")

    readers.keep(options.listeners)
    time.sleep(1)
    thread = threading.Thread(target=readers.run, daemon=True)
    thread.start()
    from_answer, from_request = [], []
    for index in range(options.comments):
        sent = time.monotonic()
        comment = api.call("POST", f"/v1/entries/{entry}/comments", sponsee, {"body": f"Comment {index}"})["id"]
        answered = time.monotonic()
        arrivals = readers.wait_for(comment, options.listeners, timeout=30)
        from_answer += [max(0.0, at - answered) for at in arrivals]
        from_request += [at - sent for at in arrivals]
        missing = options.listeners - len(arrivals)
        if missing:
            print(f"comment {index}: {missing} listeners did not get the event within 30 s", file=sys.stderr)
    readers.stop()
    print(f"events at {options.listeners} listeners, {options.comments} comments "
          f"({len(from_answer)} deliveries of {options.listeners * options.comments}):")
    print(f"  from the 201:         p50 {percentile(from_answer, 50):.1f} ms, p99 {percentile(from_answer, 99):.1f} ms, "
          f"max {max(from_answer) * 1000:.1f} ms")
    print(f"  from the request sent: p50 {percentile(from_request, 50):.1f} ms, p99 {percentile(from_request, 99):.1f} ms, "
          f"max {max(from_request) * 1000:.1f} ms")
    return 0


class API:
    def __init__(self, url):
        parts = urlsplit(url)
        self.host, self.port = parts.hostname, parts.port

    def register(self, name):
        email = f"{name.lower()}-{uuid.uuid4().hex[:10]}@example.org"
        body = {"email": email, "password": PASSWORD, "displayName": name}
        return self.call("POST", "/v1/auth/register", None, body)["token"]

    def call(self, method, path, token, body):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, body=json.dumps(body), headers=headers)
        response = connection.getresponse()
        data = response.read()
        connection.close()
        if response.status not in (200, 201):
            raise SystemExit(f"{method} {path}: {response.status} {data[:200]!r}")
        return json.loads(data) if data else {}


class Readers:
    """Many event streams read by one thread: when each comment's event reached each stream."""

    def __init__(self, url, token):
        parts = urlsplit(url)
        self.address = (parts.hostname, parts.port)
        self.request = (f"GET /v1/events HTTP/1.1\r\nHost: {parts.netloc}\r\nAccept: text/event-stream\r\n"
                        f"Authorization: Bearer {token}\r\n\r\n").encode()
        self.selector = selectors.DefaultSelector()
        self.buffers = {}
        self.arrivals = {}
        self.condition = threading.Condition()
        self.running = True

    def open(self, count):
        pending = set()
        for _ in range(count):
            connection = socket.create_connection(self.address)
            connection.sendall(self.request)
            connection.setblocking(False)
            self.selector.register(connection, selectors.EVENT_READ)
            self.buffers[connection] = b""
            pending.add(connection)
            if len(pending) >= 500:
                self.await_heads(pending)
        self.await_heads(pending)

    def await_heads(self, pending):
        deadline = time.monotonic() + 60
        while pending and time.monotonic() < deadline:
            for key, _ in self.selector.select(timeout=1):
                connection = key.fileobj
                data = self.read(connection)
                if data is None or b"\r\n\r\n" in self.buffers[connection]:
                    pending.discard(connection)
                    self.buffers[connection] = b""
        if pending:
            raise SystemExit(f"{len(pending)} streams got no answer within 60 s")

    def read(self, connection):
        try:
            data = connection.recv(65536)
        except BlockingIOError:
            return b""
        if not data:
            self.selector.unregister(connection)
            connection.close()
            self.buffers.pop(connection, None)
            return None
        self.buffers[connection] += data
        return data

    def count(self):
        return len(self.buffers)

    def keep(self, count):
        for connection in list(self.buffers)[count:]:
            self.selector.unregister(connection)
            connection.close()
            del self.buffers[connection]

    def run(self):
        while self.running:
            for key, _ in self.selector.select(timeout=0.2):
                connection = key.fileobj
                if self.read(connection) is None:
                    continue
                now = time.monotonic()
                buffer = self.buffers[connection]
                *events, rest = buffer.split(b"\n\n")
                self.buffers[connection] = rest
                for event in events:
                    # The comment's id, without parsing the JSON: the client's own time counts.
                    start = event.find(b'"commentId":"')
                    if start < 0:
                        continue
                    start += len(b'"commentId":"')
                    comment = event[start:event.find(b'"', start)].decode()
                    with self.condition:
                        self.arrivals.setdefault(comment, []).append(now)
                        self.condition.notify_all()

    def wait_for(self, comment, count, timeout):
        deadline = time.monotonic() + timeout
        with self.condition:
            while len(self.arrivals.get(comment, [])) < count and time.monotonic() < deadline:
                self.condition.wait(timeout=0.5)
            return list(self.arrivals.get(comment, []))

    def stop(self):
        self.running = False


def resident_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * p / 100))] * 1000


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--pid", type=int, required=True, help="the server process, for its VmRSS")
    parser.add_argument("--streams", type=int, default=10_000)
    parser.add_argument("--listeners", type=int, default=1_000)
    parser.add_argument("--comments", type=int, default=50)
    options = parser.parse_args()
    if urlsplit(options.url).hostname not in {"127.0.0.1", "::1", "localhost"}:
        parser.error("the server must be on loopback")
    return options


if __name__ == "__main__":
    sys.exit(main())
