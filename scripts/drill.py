#!/usr/bin/python3
"""Fault drills against the running `scripts/cluster.sh` cluster, under a steady mixed load
through HAProxy; stops by itself and prints one table row per drill.

    scripts/drill.py [--url http://127.0.0.1:8100] [--writers 6] [--readers 2] [--settle 4]

The load: WRITERS threads, each its own user (registered before the drills), loop over
`POST /v1/entries`, `POST /v1/entries/{id}/comments` (every third entry), `GET /v1/entries`
and `GET /v1/entries/{id}`, and log in again every 25 operations; READERS threads only read.
Every creating POST carries an `Idempotency-Key` (a fresh UUID per logical write) and a
failed one (no answer, a reset, 5xx, 408, 409 idempotency_key_in_use, 429) is sent again with the same key and body until it is
acknowledged or 20 s have passed. Logins and reads are not retried: a failure is counted, and
the thread pauses 0.1 s after a failed read.

The drills, one after another, each SETTLE seconds of steady load before and after:
  a) kill -9 server 1, then start it again
  b) restart the PostgreSQL primary (pg_ctl stop -m fast; start)
  c) stop the replica, then start it again
  d) SIGTERM server 2, then start it again: a rolling restart (it fails /readyz and serves on
     for its shutdown grace, until HAProxy took it out; then it drains its requests)
  e) the same for server 1 with HAProxy's admin socket draining it first (no new requests),
     then SIGTERM, start, and HAProxy sends it requests again

Per drill: requests that failed (every attempt counts, retries included), time to recover (from
the fault until the last failed request; 0 when none failed), acknowledged writes lost (every
entry and comment acknowledged with 201 must be in the database afterwards: checked as the
owner role, so row-level security hides nothing) and duplicates (entries stored more than once
for one logical write: same title, which carries the write's key).

Event streams (HOOK for `GET /v1/events`, issue 13, being built on branch `sse`): when the
server answers it, STREAMS streams (default 10) listen for the activity of one sponsor per
writer (round-robin, so some sponsors have two streams, likely on different servers); each
writer shares one entry with its sponsor and posts its comments there (`comment_added` to the
sponsor). A stream reconnects after any failure with `Last-Event-ID`; afterwards every item in
the sponsor's `GET /v1/activity` created after the streams connected must have arrived on each
of its streams (missed: goal 0). When `GET /v1/events` answers 404 the streams are skipped and
the table says so.
Standard library only; loopback only; bounded in threads, requests and time.
"""

import argparse
import http.client
import json
import subprocess
import sys
import threading
import time
import uuid
from urllib.parse import urlsplit

PASSWORD = "one day at a time, cluster drill"
LOOPBACK = {"127.0.0.1", "::1", "localhost"}
CLUSTER = ["scripts/cluster.sh"]
RETRY_FOR_SECONDS = 20.0


class Transport:
    """One keep-alive connection to HAProxy, reopened after any failure."""

    def __init__(self, host, port):
        self.host, self.port, self.connection = host, port, None

    def request(self, method, path, body=None, headers=None):
        """(status, parsed JSON or None); status 0 when there was no answer."""
        headers = dict(headers or {})
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
            self.connection.request(method, path, body=payload, headers=headers)
            response = self.connection.getresponse()
            data = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.close()
            try:
                return response.status, json.loads(data) if data else None
            except ValueError:
                return response.status, None
        except (OSError, http.client.HTTPException):
            self.close()
            return 0, None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


class Ledger:
    """Every attempt with its time and outcome, every logical write with its fate."""

    def __init__(self):
        self.lock = threading.Lock()
        self.attempts = []  # (monotonic time, ok, status: 0 for no answer)
        self.entries = []   # (phase, key, title, acknowledged id or None)
        self.comments = []  # (phase, key, acknowledged id or None)
        self.phase = "warm-up"

    def attempt(self, ok, status):
        with self.lock:
            self.attempts.append((time.monotonic(), ok, status))


class Worker(threading.Thread):
    def __init__(self, options, ledger, stop, number, writes):
        super().__init__(daemon=True)
        self.options, self.ledger, self.stop, self.number, self.writes = options, ledger, stop, number, writes
        self.transport = Transport(options.host, options.port)
        self.email = f"drill-{uuid.uuid4().hex[:12]}@example.org"
        self.token = None
        self.entry_ids = []
        self.shared_entry = None  # with event streams: the entry its sponsor is told about

    def call(self, method, path, body=None, headers=None, expect=(200,)):
        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        status, document = self.transport.request(method, path, body, headers)
        self.ledger.attempt(status in expect, status)
        return status, document

    def register(self):
        for _ in range(50):
            status, document = self.transport.request("POST", "/v1/auth/register", {
                "email": self.email, "password": PASSWORD, "displayName": f"Drill {self.number}"})
            if status == 201:
                self.token = document["token"]
                return True
            time.sleep(0.2)
        return False

    def login(self):
        status, document = self.call("POST", "/v1/auth/login", {"email": self.email, "password": PASSWORD})
        if status == 200:
            self.token = document["token"]

    def create(self, path, body, expect=(201,)):
        """Sends one logical write until acknowledged (same key, same body); its id or None."""
        key = str(uuid.uuid4())
        deadline = time.monotonic() + RETRY_FOR_SECONDS
        pause = 0.05
        while time.monotonic() < deadline:  # even past the end of the load: a write is finished
            status, document = self.call("POST", path, body, {"Idempotency-Key": key}, expect)
            if status in expect:
                return key, document["id"]
            if status and status < 500 and status not in (408, 409, 429):
                return key, None  # refused for good: nothing to retry (409: the key's first attempt still runs)
            time.sleep(pause)
            pause = min(pause * 2, 0.5)
        return key, None

    def write_entry(self):
        title = f"drill {uuid.uuid4().hex}"
        key, entry_id = self.create("/v1/entries", {"kind": "journal", "title": title, "body": "a steady day"})
        with self.ledger.lock:  # counted in the drill during which it was finished (its last attempt)
            self.ledger.entries.append((self.ledger.phase, key, title, entry_id))
        if entry_id:
            self.entry_ids.append(entry_id)
        return entry_id

    def write_comment(self, entry_id):
        key, comment_id = self.create(f"/v1/entries/{entry_id}/comments", {"body": "thank you"})
        with self.ledger.lock:
            self.ledger.comments.append((self.ledger.phase, key, comment_id))

    def read(self, step):
        if step % 2 == 0 or not self.entry_ids:
            status, _ = self.call("GET", "/v1/entries?limit=20")
        else:
            status, _ = self.call("GET", f"/v1/entries/{self.entry_ids[-1 - step % len(self.entry_ids)]}")
        if status != 200:
            time.sleep(0.1)  # a client backs off after a failure rather than spinning

    def run(self):
        step = 0
        while not self.stop.is_set():
            step += 1
            if self.writes:
                if step % 25 == 0:
                    self.login()
                entry_id = self.write_entry()
                if entry_id and step % 3 == 0:
                    self.write_comment(self.shared_entry or entry_id)
            self.read(step)
            time.sleep(self.options.pause)
        self.transport.close()


class EventStream(threading.Thread):
    """HOOK (GET /v1/events, branch `sse`): one stream of a sponsor's activity, reconnecting with
    `Last-Event-ID` after any failure until `stop`; the ids received, in a set."""

    def __init__(self, options, token, stop):
        super().__init__(daemon=True)
        self.options, self.token, self.stop = options, token, stop
        self.received, self.last_id, self.reconnects = set(), None, 0
        self.connected = threading.Event()
        self.connection = None

    def open(self):
        """(status, response) of one GET /v1/events."""
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "text/event-stream"}
        if self.last_id:
            headers["Last-Event-ID"] = self.last_id
        # keep-alive comments come at least every 15 s: a longer silence is a dead stream
        self.connection = http.client.HTTPConnection(self.options.host, self.options.port, timeout=30)
        self.connection.request("GET", "/v1/events", headers=headers)
        response = self.connection.getresponse()
        return response.status, response

    def run(self):
        while not self.stop.is_set():
            try:
                status, response = self.open()
                if status == 200:
                    self.connected.set()
                    self.read(response)
            except (OSError, http.client.HTTPException):
                pass
            finally:
                self.close()
            if not self.stop.is_set():
                self.reconnects += 1
                time.sleep(0.2)

    def read(self, response):
        event_id = None
        while not self.stop.is_set():
            line = response.readline()
            if not line:
                return  # the server ended the stream (shutdown, restart): reconnect
            line = line.decode().rstrip("\r\n")
            if line.startswith("id:"):
                event_id = line[3:].strip()
            elif line == "" and event_id:
                self.received.add(event_id)
                self.last_id, event_id = event_id, None

    def close(self):
        connection, self.connection = self.connection, None
        if connection is not None:
            connection.close()


def activity_ids(worker):
    """Every item id in the worker's GET /v1/activity, following the cursor (bounded)."""
    ids, cursor = set(), None
    for _ in range(100):
        path = "/v1/activity?limit=100" + (f"&cursor={cursor}" if cursor else "")
        # Its keep-alive connection may have been closed while it sat idle through the drills.
        for _ in range(5):
            status, document = worker.transport.request("GET", path, headers={"Authorization": f"Bearer {worker.token}"})
            if status != 0:
                break
            time.sleep(0.5)
        if status != 200:
            raise RuntimeError(f"GET /v1/activity answered {status}")
        ids.update(item["id"] for item in document["items"])
        cursor = document.get("nextCursor")
        if not cursor:
            break
    return ids


def events_available(options, worker):
    probe = EventStream(options, worker.token, threading.Event())
    try:
        status, _ = probe.open()
    finally:
        probe.close()
    return status != 404


def start_event_streams(options, ledger, writers, stop):
    """Sponsors for the writers, one shared entry each, and the streams (ended by their own
    event, not the load's: they finish receiving after the load stopped); None when there is no
    GET /v1/events. Returns (streams with their sponsor, each sponsor's activity before, their stop)."""
    if options.streams == 0 or not events_available(options, writers[0]):
        return None
    sponsors = []
    for writer in writers[:options.streams]:
        sponsor = Worker(options, ledger, stop, 100 + writer.number, writes=False)
        if not sponsor.register():
            raise RuntimeError("could not register a sponsor")
        _, invite = sponsor.call("POST", "/v1/invites", {"role": "sponsor"}, expect=(201,))
        _, sponsorship = writer.call("POST", "/v1/invites/accept", {"code": invite["code"]}, expect=(201,))
        entry_id = writer.write_entry()
        status, _ = writer.call("PUT", f"/v1/entries/{entry_id}/shares/{sponsorship['id']}", {"access": "comment"})
        if status != 200:
            raise RuntimeError(f"sharing an entry answered {status}")
        writer.shared_entry = entry_id
        sponsors.append(sponsor)
    before = {sponsor.email: activity_ids(sponsor) for sponsor in sponsors}
    done = threading.Event()
    streams = [(EventStream(options, sponsors[n % len(sponsors)].token, done), sponsors[n % len(sponsors)])
               for n in range(options.streams)]
    for stream, _ in streams:
        stream.start()
    for stream, _ in streams:
        if not stream.connected.wait(30):
            raise RuntimeError("an event stream did not connect within 30 s")
    return streams, before, done


def check_event_streams(events):
    """Waits (bounded) until every stream has every item created since it connected; a summary."""
    streams, before, done = events
    expected = {sponsor.email: activity_ids(sponsor) - before[sponsor.email] for _, sponsor in streams}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(expected[s.email] - stream.received for stream, s in streams):
        time.sleep(0.2)
    missed = sum(len(expected[s.email] - stream.received) for stream, s in streams)
    done.set()  # the threads (daemons) end at their next line or keep-alive
    return {"streams": len(streams), "sponsors": len(expected), "expected": sum(len(e) for e in expected.values()),
            "reconnects": sum(stream.reconnects for stream, _ in streams), "missed": missed}


def cluster(*arguments):
    subprocess.run(CLUSTER + list(arguments), check=True, stdout=subprocess.DEVNULL)


def psql(sql):
    url = subprocess.run(CLUSTER + ["url"], check=True, capture_output=True, text=True).stdout.strip()
    done = subprocess.run(["psql", url, "-qAtX", "-v", "ON_ERROR_STOP=1"], input=sql,
                          check=True, capture_output=True, text=True)
    return [line.split("|") for line in done.stdout.splitlines() if line]


def wait_ready(port, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, _ = Transport("127.0.0.1", port).request("GET", "/readyz")
        if status == 200:
            return True
        time.sleep(0.1)
    return False


def drills(options):
    first, second = options.port + 1, options.port + 2
    return [
        ("a) kill -9 server 1, start it", lambda: cluster("server-stop", "1", "KILL"),
         lambda: cluster("server-start", "1")),
        ("b) restart the primary", lambda: cluster("pg-restart", "primary"),
         lambda: wait_ready(first) and wait_ready(second)),
        ("c) stop the replica, start it", lambda: cluster("pg-stop", "replica"),
         lambda: cluster("pg-start", "replica")),
        ("d) SIGTERM server 2 (rolling)", lambda: cluster("server-stop", "2", "TERM"),
         lambda: cluster("server-start", "2")),
        ("e) rolling restart of server 1", lambda: cluster("server-roll", "1"), None),
    ]


def main():
    options = parse_arguments()
    ledger = Ledger()
    stop = threading.Event()
    workers = [Worker(options, ledger, stop, n, writes=True) for n in range(options.writers)]
    readers = [Worker(options, ledger, stop, options.writers + n, writes=False) for n in range(options.readers)]
    for worker in workers + readers:
        if not worker.register():
            print(f"could not register {worker.email} through {options.url}: is the cluster up?", file=sys.stderr)
            return 1
    for reader in readers:  # readers read their own (few) entries
        reader.write_entry()
    events = start_event_streams(options, ledger, workers, stop)
    for worker in workers + readers:
        worker.start()
    time.sleep(options.settle)
    rows = []
    try:
        for name, fault, repair in drills(options):
            ledger.phase = name
            started = time.monotonic()
            fault()
            if repair:
                time.sleep(options.down)
                repair()
            back = time.monotonic() - started
            time.sleep(options.settle)
            ended = time.monotonic()
            with ledger.lock:
                window = [a for a in ledger.attempts if started <= a[0] < ended]
            failed = [t for t, ok, _ in window if not ok]
            statuses = {}
            for _, ok, status in window:
                if not ok:
                    statuses[status] = statuses.get(status, 0) + 1
            rows.append({"drill": name, "requests": len(window), "failed": len(failed),
                         "statuses": " ".join(f"{k or 'none'}:{v}" for k, v in sorted(statuses.items())),
                         "recovered": (max(failed) - started) if failed else 0.0, "back": back})
        ledger.phase = "after"
    finally:
        stop.set()
        for worker in workers + readers:
            worker.join(timeout=RETRY_FOR_SECONDS + 15)
    verify(ledger, rows)
    print_table(options, ledger, rows, check_event_streams(events) if events else None)
    return 0


def verify(ledger, rows):
    """Acknowledged writes found in the database, and entries stored twice, per drill."""
    acknowledged_entries = [e for e in ledger.entries if e[3]]
    acknowledged_comments = [c for c in ledger.comments if c[2]]
    stored = set()
    for table, ids in (("entries", [e[3] for e in acknowledged_entries]), ("comments", [c[2] for c in acknowledged_comments])):
        for start in range(0, len(ids), 5000):
            chunk = ",".join(f"'{i}'" for i in ids[start:start + 5000] if _is_uuid(i))
            if chunk:
                stored.update(r[0].lower() for r in psql(f"SELECT id FROM stepwork.{table} WHERE id IN ({chunk})"))
    counts = {title: int(n) for title, n in psql(
        "SELECT title, count(*) FROM stepwork.entries WHERE title LIKE 'drill %' GROUP BY title")}
    for row in rows:
        phase = row["drill"]
        entries = [e for e in ledger.entries if e[0] == phase]
        comments = [c for c in ledger.comments if c[0] == phase]
        acked = [e[3].lower() for e in entries if e[3]] + [c[2].lower() for c in comments if c[2]]
        row["acknowledged"] = len(acked)
        row["lost"] = sum(1 for i in acked if i not in stored)
        row["gave_up"] = sum(1 for e in entries if not e[3]) + sum(1 for c in comments if not c[2])
        row["duplicates"] = sum(max(counts.get(e[2], 0) - 1, 0) for e in entries)
    drilled = {row["drill"] for row in rows}
    outside = [e for e in ledger.entries if e[0] not in drilled]
    outside_comments = [c for c in ledger.comments if c[0] not in drilled]
    outside_acked = [e[3].lower() for e in outside if e[3]] + [c[2].lower() for c in outside_comments if c[2]]
    ledger.outside = {
        "acknowledged": len(outside_acked), "lost": sum(1 for i in outside_acked if i not in stored),
        "gave_up": sum(1 for e in outside if not e[3]) + sum(1 for c in outside_comments if not c[2]),
        "duplicates": sum(max(counts.get(e[2], 0) - 1, 0) for e in outside),
    }
    everything = ledger.entries
    ledger.total = {
        "acknowledged": len(acknowledged_entries) + len(acknowledged_comments),
        "lost": sum(1 for i in [e[3] for e in acknowledged_entries] + [c[2] for c in acknowledged_comments]
                    if i.lower() not in stored),
        "duplicates": sum(max(counts.get(e[2], 0) - 1, 0) for e in everything),
        "attempts": len(ledger.attempts),
        "failed": sum(1 for _, ok, _ in ledger.attempts if not ok),
    }


def _is_uuid(text):
    try:
        uuid.UUID(text)
        return True
    except (TypeError, ValueError):
        return False


def print_table(options, ledger, rows, streams):
    print(f"\nDrills through HAProxy {options.url}: {options.writers} writers + {options.readers} readers, "
          f"{options.down:g} s down per fault, {options.settle:g} s steady before/after")
    header = ("drill", "requests", "failed", "failed by status", "recovered s", "back s", "writes acked", "lost",
              "gave up", "duplicates")
    widths = (30, 8, 6, 18, 11, 6, 12, 4, 7, 10)
    print(" | ".join(h.ljust(w) for h, w in zip(header, widths)))
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        cells = (row["drill"], row["requests"], row["failed"], row["statuses"] or "-", f"{row['recovered']:.2f}", f"{row['back']:.2f}",
                 row["acknowledged"], row["lost"], row["gave_up"], row["duplicates"])
        print(" | ".join(str(c).ljust(w) for c, w in zip(cells, widths)))
    outside = ledger.outside
    cells = ("before/after the drills", "", "", "", "", "", outside["acknowledged"], outside["lost"],
             outside["gave_up"], outside["duplicates"])
    print(" | ".join(str(c).ljust(w) for c, w in zip(cells, widths)))
    total = ledger.total
    print(f"whole run: {total['attempts']} requests, {total['failed']} failed, {total['acknowledged']} writes "
          f"acknowledged, {total['lost']} lost, {total['duplicates']} entries stored twice")
    if streams:
        print(f"event streams: {streams['streams']} on {streams['sponsors']} sponsors, {streams['expected']} items "
              f"expected, {streams['reconnects']} reconnects (Last-Event-ID), {streams['missed']} missed")
    elif options.streams:
        print(f"event streams: skipped, GET /v1/events answers 404 on this build (branch sse not merged); "
              f"the {options.streams} streams start by themselves once it exists")


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8100")
    parser.add_argument("--writers", type=int, default=6)
    parser.add_argument("--readers", type=int, default=2)
    parser.add_argument("--settle", type=float, default=4.0, help="seconds of steady load around each fault")
    parser.add_argument("--down", type=float, default=2.0, help="seconds a stopped component stays down")
    parser.add_argument("--streams", type=int, default=10, help="GET /v1/events streams (0: none)")
    parser.add_argument("--pause", type=float, default=0.0, help="seconds each thread sleeps between rounds")
    options = parser.parse_args()
    parts = urlsplit(options.url)
    if parts.hostname not in LOOPBACK:
        parser.error("the drill only talks to loopback")
    if not (1 <= options.writers <= 32 and 0 <= options.readers <= 32 and 0 <= options.streams <= 64):
        parser.error("1..32 writers, 0..32 readers, 0..64 streams")
    options.host, options.port = parts.hostname, parts.port or 80
    return options


if __name__ == "__main__":
    sys.exit(main())
