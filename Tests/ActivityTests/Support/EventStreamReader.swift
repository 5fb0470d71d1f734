import Foundation
import TestSupport

/// One Server-Sent Event as `GET /v1/events` sends it.
struct ServerSentEvent {
    let id: String
    let event: String
    let data: [String: Any]
}

/// A `GET /v1/events` stream over a real socket, read event by event; comments (the
/// keep-alives) are skipped. Waiting for an event gives up after 30 seconds (keep-alives
/// arriving meanwhile do not extend it), then throws.
final class EventStreamReader {
    let client: TestHTTPClient
    let head: TestHTTPResponse

    init(port: Int, token: String, lastEventId: String? = nil) throws {
        client = try TestHTTPClient(port: port, timeout: .seconds(30))
        let extra = lastEventId.map { "Last-Event-ID: \($0)\r\n" } ?? ""
        try client.send(raw: "GET /v1/events HTTP/1.1\r\nHost: a\r\nAccept: text/event-stream\r\n"
            + "Authorization: Bearer \(token)\r\n\(extra)\r\n")
        head = try client.readStreamHead()
    }

    /// The next event.
    func next() throws -> ServerSentEvent {
        let deadline = ContinuousClock.now + Self.patience
        while true {
            guard ContinuousClock.now < deadline else { throw TestHTTPError("no event within \(Self.patience)") }
            let block = try client.readStream(through: "\n\n")
            var fields: [String: String] = [:]
            for line in block.split(separator: "\n") where !line.hasPrefix(":") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = String(line[line.index(after: colon)...].drop { $0 == " " })
            }
            guard let id = fields["id"], let event = fields["event"], let data = fields["data"] else { continue }
            let json = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any] ?? [:]
            return ServerSentEvent(id: id, event: event, data: json)
        }
    }

    /// Events until one satisfies `condition` (at most `limit` of them, within the same 30
    /// seconds); that one.
    func next(where condition: (ServerSentEvent) -> Bool, limit: Int = 50) throws -> ServerSentEvent {
        let deadline = ContinuousClock.now + Self.patience
        for _ in 0..<limit where ContinuousClock.now < deadline {
            let event = try next()
            if condition(event) { return event }
        }
        throw TestHTTPError("no matching event within \(Self.patience) or \(limit) events")
    }

    private static let patience = Duration.seconds(30)

    /// Whether the server ended the stream (within the read timeout); events before the end are skipped.
    func isEndedByServer() -> Bool { client.isClosedByPeer() }
}
