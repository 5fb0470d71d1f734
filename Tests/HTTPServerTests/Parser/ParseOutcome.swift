import HTTPServer
import Testing

/// What `HTTPRequestParser` made of some bytes: the events in order, and the error that
/// ended parsing, if any.
struct ParseOutcome: CustomStringConvertible {
    /// A request the parser completed, with the `.head` announcement that preceded it, if any.
    struct Request {
        var head: HTTPRequestHead
        var body: [UInt8]
        /// `expectsContinue` of the `.head` event; nil when the request came whole (no body).
        var announcedContinue: Bool?

        var bodyString: String { String(decoding: body, as: UTF8.self) }
    }

    var requests: [Request] = []
    /// A `.head` whose request has not completed yet (the body is still awaited).
    var pendingHead: HTTPRequestHead?
    var pendingContinue = false
    var error: HTTPParseError?
    /// Bytes offered but not consumed when the input ran out.
    var unconsumed = 0

    /// The status that answers the error, if there was one.
    var status: Int? { error?.status.code }

    var description: String {
        let parts = requests.map { request in
            "\(request.head.method) \(request.head.target) \(request.head.version) \(request.head.headers.fields) "
                + "continue=\(request.announcedContinue.map { "\($0)" } ?? "-") body=\(request.body)"
        }
        return "\(parts) pending=\(pendingHead.map { "\($0.method) \($0.target)" } ?? "-") "
            + "error=\(error.map { "\($0)" } ?? "-") unconsumed=\(unconsumed)"
    }

    /// Parses `input` once whole and once one byte at a time; both must see the same.
    static func of(
        _ input: [UInt8], limits: HTTPParserLimits = HTTPParserLimits(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParseOutcome {
        let whole = feed(input, pieceSize: max(input.count, 1), limits: limits)
        let bytewise = feed(input, pieceSize: 1, limits: limits)
        #expect(whole.description == bytewise.description, "whole and byte at a time differ", sourceLocation: sourceLocation)
        return whole
    }

    static func of(
        _ text: String, limits: HTTPParserLimits = HTTPParserLimits(), sourceLocation: SourceLocation = #_sourceLocation
    ) -> ParseOutcome {
        of(Array(text.utf8), limits: limits, sourceLocation: sourceLocation)
    }

    /// Feeds `input` in pieces of `pieceSize` bytes, offering what was not consumed again with
    /// the next piece, as a connection does; stops at the first error.
    private static func feed(_ input: [UInt8], pieceSize: Int, limits: HTTPParserLimits) -> ParseOutcome {
        var parser = HTTPRequestParser(limits: limits)
        var outcome = ParseOutcome()
        var pending: [UInt8] = []
        for start in stride(from: 0, to: input.count, by: pieceSize) {
            pending += input[start..<min(start + pieceSize, input.count)]
            while true {
                let step: (consumed: Int, event: HTTPRequestParser.Event?)
                do {
                    step = try pending.withUnsafeBufferPointer { bytes throws(HTTPParseError) in try parser.parse(bytes) }
                } catch {
                    outcome.error = error
                    return outcome
                }
                pending.removeFirst(step.consumed)
                guard let event = step.event else {
                    if step.consumed == 0 { break }
                    continue
                }
                switch event {
                case .head(let head, let expectsContinue):
                    outcome.pendingHead = head
                    outcome.pendingContinue = expectsContinue
                case .complete(let head, let body):
                    let announced = outcome.pendingHead.map { _ in outcome.pendingContinue }
                    outcome.requests.append(Request(head: head, body: body, announcedContinue: announced))
                    outcome.pendingHead = nil
                }
            }
        }
        outcome.unconsumed = pending.count
        return outcome
    }
}
