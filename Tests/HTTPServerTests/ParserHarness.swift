@testable import HTTPServer

/// What the parser made of some bytes: the complete requests, the heads announced before a
/// body, and the error that ended parsing, if any.
struct ParseOutcome {
    var requests: [(head: HTTPRequestHead, body: [UInt8])] = []
    var announcedHeads = 0
    var continueAsked = 0
    var error: HTTPParseError?
    /// Bytes left unconsumed at the end (a request still incomplete).
    var pending = 0
}

/// Feeds `input` to a fresh parser whole, or one byte at a time, the way a connection does:
/// keep the unconsumed bytes, append what arrives, parse while it makes progress.
func parse(_ input: [UInt8], limits: HTTPParserLimits = HTTPParserLimits(), byteByByte: Bool) -> ParseOutcome {
    var parser = HTTPRequestParser(limits: limits)
    var outcome = ParseOutcome()
    var buffer: [UInt8] = []
    let chunks = byteByByte ? input.map { [$0] } : [input]
    for chunk in chunks {
        buffer += chunk
        do throws(HTTPParseError) {
            while true {
                let (consumed, event) = try buffer.withUnsafeBufferPointer { bytes throws(HTTPParseError) in try parser.parse(bytes) }
                buffer.removeFirst(consumed)
                guard let event else {
                    if consumed == 0 { break } else { continue }
                }
                switch event {
                case .head(_, let expectsContinue):
                    outcome.announcedHeads += 1
                    if expectsContinue { outcome.continueAsked += 1 }
                case .complete(let head, let body):
                    outcome.requests.append((head, body))
                }
            }
        } catch {
            outcome.error = error
            return outcome
        }
    }
    outcome.pending = buffer.count
    return outcome
}

func parse(_ text: String, limits: HTTPParserLimits = HTTPParserLimits(), byteByByte: Bool) -> ParseOutcome {
    parse(Array(text.utf8), limits: limits, byteByByte: byteByByte)
}
