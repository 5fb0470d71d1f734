#!/usr/bin/env python3
"""Abuse benchmark: slow uploads (and, optionally, a login storm from rotating IPv6 addresses)
against a running Stepwork server, while a normal client registers, logs in once, then writes
and reads entries. Prints the normal client's success rate and p50/p99 latency.

    scripts/bench/abuse.py http://127.0.0.1:8091 [--uploads 300] [--storm 8] [--duration 20]

Starts nothing but its own processes: it talks to the server at the given URL, which must be
on loopback. Every part is bounded in connections and time.

- Slow uploads: UPLOADS connections each send a request head declaring a body (half
  `Content-Length: 1048576`, half chunked), 1 KiB of it, then trickle (a few payload bytes a
  second, or chunk-extension bytes that are no payload at all). An upload the server answers
  or closes is reopened after a short pause, so the pressure holds for the whole run.
- Login storm (STORM > 0): that many threads send failing logins for random emails, each
  with `X-Forwarded-For` naming a random address in a random /64 of 2001:db8::/32; the server
  must trust 127.0.0.1 as a proxy (`STEPWORK_TRUSTED_PROXIES=127.0.0.1`) for them to count as
  distinct clients.
- Normal client: registers a fresh user before the attack starts (setting up, not measured);
  WARMUP seconds into the attack it logs in (retrying on 429/503 as `Retry-After` says, a
  bounded number of times; if it never gets in, it goes on with the registration's token so
  that reading and writing are still measured), then for DURATION seconds alternates
  `POST /v1/entries` and `GET /v1/entries/{id}` on one keep-alive connection.

Standard library only (python3 >= 3.8).
"""

import argparse
import http.client
import json
import multiprocessing
import random
import selectors
import socket
import sys
import threading
import time
import uuid
from collections import Counter
from urllib.parse import urlsplit

PASSWORD = "one day at a time, abuse bench"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def main():
    options = parse_arguments()
    client = Client(options)
    email, token = client.register()
    if token is None:
        print("the normal client could not register before the attack: is the server up?", file=sys.stderr)
        return 1
    stop = multiprocessing.Event()
    results = multiprocessing.Queue()
    attackers = []
    if options.uploads > 0:
        attackers.append(multiprocessing.Process(target=slow_uploads, args=(options, stop, results), daemon=True))
    if options.storm > 0:
        attackers.append(multiprocessing.Process(target=login_storm, args=(options, stop, results), daemon=True))
    for process in attackers:
        process.start()
    try:
        time.sleep(options.warmup)
        normal = client.work(email, token)
    finally:
        stop.set()
    reports = {}
    for _ in attackers:
        try:
            name, report = results.get(timeout=15)
            reports[name] = report
        except Exception:  # a worker that died or hangs: report what we have
            break
    for process in attackers:
        process.join(timeout=5)
        if process.is_alive():
            process.terminate()
    print_report(options, normal, reports)
    return 0 if normal["ops"] and normal["failures"] == 0 else 1


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the server, e.g. http://127.0.0.1:8091 (loopback only)")
    parser.add_argument("--uploads", type=int, default=300, help="slow uploads held open at once (default 300)")
    parser.add_argument("--storm", type=int, default=0, help="login storm threads (default 0: no storm)")
    parser.add_argument("--duration", type=float, default=20, help="seconds the normal client works (default 20)")
    parser.add_argument("--warmup", type=float, default=3, help="seconds the attack runs before the client starts")
    parser.add_argument("--trickle-interval", type=float, default=1.0, help="seconds between trickled pieces")
    parser.add_argument("--reconnect-delay", type=float, default=0.5, help="seconds before a closed upload reopens")
    options = parser.parse_args()
    parts = urlsplit(options.url)
    if parts.scheme != "http" or parts.hostname not in LOOPBACK or not parts.port:
        parser.error("the URL must be http://127.0.0.1:PORT or http://[::1]:PORT")
    if not (0 <= options.uploads <= 5000 and 0 <= options.storm <= 64 and 0 < options.duration <= 600
            and 0 <= options.warmup <= 60):
        parser.error("out of bounds: uploads 0-5000, storm 0-64, duration 0-600 s, warmup 0-60 s")
    options.host, options.port = parts.hostname, parts.port
    return options


# MARK: Slow uploads

class Upload:
    """One slow upload: its socket, kind, and what it has sent."""

    def __init__(self, sock, chunked):
        self.sock = sock
        self.chunked = chunked
        self.answer = b""


def upload_head(options, chunked):
    framing = "Transfer-Encoding: chunked" if chunked else "Content-Length: 1048576"
    head = (f"POST /v1/auth/login HTTP/1.1\r\nHost: {options.host}:{options.port}\r\n"
            f"Content-Type: application/json\r\n{framing}\r\n\r\n")
    body = b"400\r\n" + b"x" * 1024 + b"\r\n1;" if chunked else b"x" * 1024
    return head.encode() + body


def slow_uploads(options, stop, results):
    """Holds `options.uploads` slow uploads open until `stop`, reopening those that end."""
    selector = selectors.DefaultSelector()
    outcomes = Counter()
    opened = 0
    held_samples = []
    reopen_at = [0.0] * options.uploads  # per place: when to (re)open it
    places = [None] * options.uploads
    next_trickle = time.monotonic() + options.trickle_interval
    family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
    while not stop.is_set():
        now = time.monotonic()
        for index in range(options.uploads):
            if places[index] is None and reopen_at[index] <= now:
                chunked = index % 2 == 1
                try:
                    sock = socket.socket(family, socket.SOCK_STREAM)
                    sock.settimeout(2)
                    sock.connect((options.host, options.port))
                    sock.sendall(upload_head(options, chunked))
                    sock.setblocking(False)
                except OSError as error:
                    outcomes[f"connect/send error {error.__class__.__name__}"] += 1
                    reopen_at[index] = now + options.reconnect_delay
                    continue
                opened += 1
                places[index] = Upload(sock, chunked)
                selector.register(sock, selectors.EVENT_READ, index)
        for key, _ in selector.select(timeout=0.05):
            index = key.data
            upload = places[index]
            try:
                data = upload.sock.recv(4096)
            except BlockingIOError:
                continue
            except OSError:
                data = None
            if data:
                upload.answer += data
                if b"\r\n" not in upload.answer:
                    continue
            status = upload.answer.split(b" ", 2)[1].decode(errors="replace") if upload.answer.startswith(b"HTTP/") else None
            outcomes[f"answered {status}" if status else ("reset" if data is None else "closed unanswered")] += 1
            selector.unregister(upload.sock)
            upload.sock.close()
            places[index] = None
            reopen_at[index] = time.monotonic() + options.reconnect_delay
        now = time.monotonic()
        if now >= next_trickle:
            next_trickle = now + options.trickle_interval
            held = 0
            for upload in places:
                if upload is None:
                    continue
                held += 1
                # A few payload bytes (Content-Length) or 16 bytes of a chunk extension (chunked).
                piece = b"e" * 16 if upload.chunked else b"x" * 16
                try:
                    upload.sock.send(piece)
                except OSError:
                    pass  # the read side will see the end
            held_samples.append(held)
    for upload in places:
        if upload is not None:
            upload.sock.close()
    results.put(("uploads", {"opened": opened, "outcomes": dict(outcomes), "held": held_samples}))


# MARK: Login storm

def random_ipv6():
    groups = [0x2001, 0x0db8] + [random.randrange(0x10000) for _ in range(6)]
    return ":".join(f"{group:x}" for group in groups)


def login_storm(options, stop, results):
    """`options.storm` threads sending failing logins from rotating IPv6 addresses until `stop`."""
    outcomes = Counter()
    lock = threading.Lock()

    def storm():
        connection = None
        while not stop.is_set():
            if connection is None:
                connection = http.client.HTTPConnection(options.host, options.port, timeout=10)
            body = json.dumps({"email": f"storm-{uuid.uuid4().hex[:12]}@example.org", "password": "wrong password 0"})
            headers = {"Content-Type": "application/json", "X-Forwarded-For": random_ipv6()}
            try:
                connection.request("POST", "/v1/auth/login", body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                outcome = str(response.status)
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                outcome = f"error {error.__class__.__name__}"
                connection.close()
                connection = None
                time.sleep(0.05)
            with lock:
                outcomes[outcome] += 1

    threads = [threading.Thread(target=storm, daemon=True) for _ in range(options.storm)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    with lock:
        results.put(("storm", {"outcomes": dict(outcomes)}))


# MARK: The normal client

class Client:
    """One keep-alive connection that times every request and counts what failed."""

    def __init__(self, options):
        self.options = options
        self.connection = None
        self.latencies = []  # (label, seconds, ok)

    def request(self, method, path, body=None, token=None, expect=(200,), label=None):
        headers = {}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = json.dumps(body) if body is not None else None
        start = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.options.host, self.options.port, timeout=10)
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            status = response.status
            retry_after = response.getheader("Retry-After")
            if response.getheader("Connection", "").lower() == "close":
                self.close()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            status, data, retry_after = f"error {error.__class__.__name__}", b"", None
        elapsed = time.monotonic() - start
        ok = status in expect
        self.latencies.append((label or f"{method} {path}", elapsed, ok, status))
        return status, data, retry_after

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


    def sign_in(self, path, body, expected, label):
        """The token, retrying on 429/503 as told (a bounded number of times); None if refused."""
        for _ in range(10):
            status, data, retry_after = self.request("POST", path, body=body, expect=expected, label=label)
            if status in expected:
                return json.loads(data)["token"]
            if status not in (429, 503):
                return None
            time.sleep(min(float(retry_after or 1), 5))
        return None

    def register(self):
        """A fresh user's email and token (before the attack; not measured)."""
        email = f"bench-{uuid.uuid4().hex[:16]}@example.org"
        token = self.sign_in("/v1/auth/register", {"email": email, "password": PASSWORD, "displayName": "Bench"},
                             (201,), "register")
        self.latencies.clear()
        return email, token

    def work(self, email, token):
        """Logs in, then writes and reads entries for `duration` seconds; what it measured."""
        token = self.sign_in("/v1/auth/login", {"email": email, "password": PASSWORD}, (200,), "login") or token
        deadline = time.monotonic() + self.options.duration
        number = 0
        while time.monotonic() < deadline:
            number += 1
            entry = {"kind": "journal", "title": f"Bench entry {number}",
                     "body": "Went to a meeting, called my sponsor, read a page. " * 4}
            status, data, _ = self.request("POST", "/v1/entries", body=entry, token=token, expect=(201,),
                                           label="POST /v1/entries")
            if status == 201:
                entry_id = json.loads(data)["id"]
                self.request("GET", f"/v1/entries/{entry_id}", token=token, expect=(200,), label="GET /v1/entries/{id}")
        self.close()
        return {
            "signin": [sample for sample in self.latencies if sample[0] == "login"],
            "ops": [sample for sample in self.latencies if sample[0] != "login"],
            "failures": sum(1 for sample in self.latencies if not sample[2]),
            "requests": len(self.latencies),
        }


# MARK: Report

def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(fraction * len(ordered))) - 1))] if ordered else float("nan")


def print_report(options, normal, reports):
    print(f"abuse bench against {options.url}: {options.uploads} slow uploads, "
          f"login storm of {options.storm} threads, normal client for {options.duration:g} s")
    uploads = reports.get("uploads")
    if uploads:
        held = uploads["held"]
        mean = sum(held) / len(held) if held else 0
        outcomes = ", ".join(f"{name} x{count}" for name, count in sorted(uploads["outcomes"].items()))
        print(f"  slow uploads: {uploads['opened']} opened; open at once: mean {mean:.0f}, "
              f"max {max(held, default=0)} (answered or not); ended: {outcomes or 'none'}")
    storm = reports.get("storm")
    if storm:
        total = sum(storm["outcomes"].values())
        outcomes = ", ".join(f"{name} x{count}" for name, count in sorted(storm["outcomes"].items()))
        print(f"  login storm: {total} logins: {outcomes}")
    logins = normal["signin"]
    attempts = ", ".join(f"{status} in {elapsed * 1000:.1f} ms" for _, elapsed, _, status in logins)
    print(f"  normal client login: {'in' if logins and logins[-1][2] else 'NOT in (entries use the registration token)'}"
          f" after {len(logins)} attempt(s): {attempts}")
    ops = normal["ops"]
    succeeded = sum(1 for sample in ops if sample[2])
    latencies = [sample[1] * 1000 for sample in ops]
    statuses = Counter(str(sample[3]) for sample in ops if not sample[2])
    rate = 100.0 * succeeded / len(ops) if ops else 0.0
    print(f"  normal client entries: {len(ops)} requests (POST then GET), success {rate:.2f} %, "
          f"p50 {percentile(latencies, 0.50):.2f} ms, p99 {percentile(latencies, 0.99):.2f} ms, "
          f"max {max(latencies, default=float('nan')):.2f} ms"
          + (f"; failed: {dict(statuses)}" if statuses else ""))
    print(f"  normal client overall: {normal['requests'] - normal['failures']}/{normal['requests']} requests succeeded")


if __name__ == "__main__":
    sys.exit(main())
