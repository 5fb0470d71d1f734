/// Feeds one input to a fresh parser in the given pieces, the way a connection does (the
/// unconsumed rest is offered again with the next piece), checking every step's invariants.
struct ParserRun {
    /// What a run saw: the events in order, the error that ended it (after which the parser's
    /// state does not matter), or where it stopped.
    struct Outcome: Equatable, CustomStringConvertible {
        var events: [String] = []
        var error: HTTPParseError?
        var consumed = 0
        var idle: Bool?

        var description: String {
            "events: \(events)\nerror: \(error.map { "\($0)" } ?? "none"), consumed: \(consumed), idle: \(idle.map { "\($0)" } ?? "-")"
        }
    }

    private(set) var outcome = Outcome()
    private var parser: HTTPRequestParser
    private let limits: HTTPParserLimits
    /// The head whose body is being read, between `.head` and `.complete`.
    private var open: String?
    /// `receivedBodyBytes` after the previous step.
    private var lastReceived = 0

    init(input: UnsafeBufferPointer<UInt8>, pieces: [Int], limits: HTTPParserLimits) {
        self.limits = limits
        parser = HTTPRequestParser(limits: limits)
        var pending: [UInt8] = []
        var offset = 0
        for length in pieces {
            pending.append(contentsOf: input[offset..<offset + length])
            offset += length
            guard drain(&pending) else { break }
        }
        if outcome.error == nil { outcome.idle = parser.isIdle }
    }

    /// Parses while the parser makes progress; false once it threw.
    private mutating func drain(_ pending: inout [UInt8]) -> Bool {
        while true {
            let step: (consumed: Int, event: HTTPRequestParser.Event?)
            do {
                step = try pending.withUnsafeBufferPointer { bytes throws(HTTPParseError) in try parser.parse(bytes) }
            } catch {
                outcome.error = error
                return false
            }
            require(step.consumed >= 0 && step.consumed <= pending.count, "consumed \(step.consumed) of \(pending.count)")
            pending.removeFirst(step.consumed)
            outcome.consumed += step.consumed
            if let event = step.event { record(event) }
            checkReceived()
            if step.consumed == 0 && step.event == nil { return true }
        }
    }

    private mutating func record(_ event: HTTPRequestParser.Event) {
        switch event {
        case .head(let head, let expectsContinue):
            require(open == nil, "a second head before the first request completed")
            checkHead(head)
            require(parser.isReadingBody, "no body state after .head")
            open = describe(head)
            outcome.events.append("head \(open!) continue=\(expectsContinue)")
        case .complete(let head, let body):
            checkHead(head)
            let described = describe(head)
            require(open == nil ? body.isEmpty : open == described, "complete does not match its head")
            require(body.count <= limits.maxBodyBytes, "body of \(body.count) bytes over the limit")
            if open == nil, let length = head.headers["content-length"] {
                require(length.allSatisfy { "0, \t".contains($0) }, "bodiless request with length \(length)")
            }
            require(parser.isIdle && !parser.isReadingBody, "parser not idle after .complete")
            open = nil
            outcome.events.append("complete \(described) body=\(body)")
        }
    }

    /// The payload count the server charges against its body budget: never more than the
    /// body limit, never shrinking within a request, 0 between requests, short of a declared
    /// length while that body is read.
    private mutating func checkReceived() {
        let received = parser.receivedBodyBytes
        require(received <= limits.maxBodyBytes, "\(received) body bytes received, over the limit")
        require(parser.isReadingBody || received == 0, "\(received) body bytes between requests")
        require(!parser.isReadingBody || received >= lastReceived, "received went from \(lastReceived) to \(received)")
        if let declared = parser.declaredBodyBytes {
            require(declared > received && declared <= limits.maxBodyBytes, "\(received) of \(declared) declared bytes")
        }
        lastReceived = parser.isReadingBody ? received : 0
    }

    private func checkHead(_ head: HTTPRequestHead) {
        require(HTTPMethod.known.contains(head.method), "unknown method \(head.method)")
        require(head.version == .http1_0 || head.version == .http1_1, "version \(head.version)")
        require(head.target.hasPrefix("/") || (head.target == "*" && head.method == .options), "target \(head.target)")
        require(head.headers.count <= limits.maxHeaderCount, "\(head.headers.count) header fields")
        for (name, value) in head.headers {
            require(!name.isEmpty && !name.utf8.contains { $0 <= 0x20 || $0 == UInt8(ascii: ":") || $0 >= 0x7F },
                    "header name \(name.utf8.map { $0 })")
            require(!value.utf8.contains { $0 == 0 || $0 == 0x0A || $0 == 0x0D }, "CR, LF or NUL in a value")
            require(value.first != " " && value.last != " " && value.first != "\t" && value.last != "\t", "untrimmed value")
        }
        if head.version == .http1_1 { require(head.headers.values(for: "host").count == 1, "HTTP/1.1 without one Host") }
        require(!(head.headers.contains("content-length") && head.headers.contains("transfer-encoding")), "CL and TE")
    }

    private func describe(_ head: HTTPRequestHead) -> String {
        "\(head.method) \(head.target) \(head.version) \(head.headers.map { "\($0.name)=\($0.value)" })"
    }

    private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fatalError("invariant: \(message())\n\(outcome)") }
    }
}
