import Testing
@testable import HTTPServer

/// Every framing rule of SECURITY.md, each request fed whole and one byte at a time: the two
/// must agree, and a refused request must never yield a request.
@Suite struct ParserFramingTests {
    /// A request the parser must refuse, and the status that answers it.
    struct Refusal: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let status: Int
        var limits = HTTPParserLimits(maxHeadBytes: 1024, maxHeaderCount: 8, maxBodyBytes: 64)
        var testDescription: String { name }
    }

    static let refusals: [Refusal] = [
        Refusal(name: "bare LF ends a line", input: "GET / HTTP/1.1\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "bare CR in the request line", input: "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "bare CR in a field", input: "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", status: 400),
        Refusal(name: "header name not a token", input: "GET / HTTP/1.1\r\nHost: a\r\nBad Name: x\r\n\r\n", status: 400),
        Refusal(name: "whitespace before the colon", input: "GET / HTTP/1.1\r\nHost : a\r\n\r\n", status: 400),
        Refusal(name: "empty header name", input: "GET / HTTP/1.1\r\nHost: a\r\n: x\r\n\r\n", status: 400),
        Refusal(name: "obs-fold", input: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", status: 400),
        Refusal(name: "NUL in a value", input: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{0}c\r\n\r\n", status: 400),
        Refusal(name: "control character in a value", input: "GET / HTTP/1.1\r\nHost: a\r\nX-A: b\u{1}c\r\n\r\n", status: 400),
        Refusal(name: "Content-Length with a sign", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", status: 400),
        Refusal(name: "negative Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", status: 400),
        Refusal(name: "Content-Length not digits", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x5\r\n\r\n", status: 400),
        Refusal(name: "empty Content-Length", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n", status: 400),
        Refusal(name: "Content-Length overflowing", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 400),
        Refusal(name: "differing Content-Lengths", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd", status: 400),
        Refusal(name: "differing Content-Length list", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 4\r\n\r\nabcd", status: 400),
        Refusal(name: "Content-Length with Transfer-Encoding", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Refusal(name: "unknown transfer coding", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", status: 501),
        Refusal(name: "coding before chunked", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        Refusal(name: "chunked not last", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", status: 400),
        Refusal(name: "chunked twice", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n", status: 400),
        Refusal(name: "Transfer-Encoding in HTTP/1.0", input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Refusal(name: "chunk size not hex", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Refusal(name: "chunk size with a sign", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n", status: 400),
        Refusal(name: "chunk size overflowing", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n", status: 400),
        Refusal(name: "chunk data without CRLF", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", status: 400),
        Refusal(name: "chunk size line with bare LF", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n", status: 400),
        Refusal(name: "malformed trailer", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nbad trailer\r\n\r\n", status: 400),
        Refusal(name: "chunked body over the limit", input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n", status: 413),
        Refusal(name: "declared body over the limit", input: "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65\r\n\r\n", status: 413),
        Refusal(name: "trailers over the head limit (found by the fuzzer)",
                input: "POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
                    + String(repeating: "X-T: v\r\n", count: 200) + "\r\n", status: 431),
        Refusal(name: "HTTP/1.1 without Host", input: "GET / HTTP/1.1\r\n\r\n", status: 400),
        Refusal(name: "two Hosts", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Refusal(name: "two Hosts in HTTP/1.0", input: "GET / HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Refusal(name: "malformed Host", input: "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", status: 400),
        Refusal(name: "HTTP/2.0", input: "GET / HTTP/2.0\r\nHost: a\r\n\r\n", status: 505),
        Refusal(name: "HTTP/1.2", input: "GET / HTTP/1.2\r\nHost: a\r\n\r\n", status: 505),
        Refusal(name: "garbage version", input: "GET / HTTX/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "lower-case version", input: "GET / http/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "two spaces in the request line", input: "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "absolute-form target", input: "GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "asterisk outside OPTIONS", input: "GET * HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "unknown method", input: "BREW / HTTP/1.1\r\nHost: a\r\n\r\n", status: 501),
        Refusal(name: "method not a token", input: "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", status: 400),
        Refusal(name: "request line alone over the limit",
                input: "GET /" + String(repeating: "a", count: 1100) + " HTTP/1.1\r\nHost: a\r\n\r\n", status: 414),
        Refusal(name: "fields over the limit",
                input: "GET / HTTP/1.1\r\nHost: a\r\nX-A: " + String(repeating: "a", count: 1100) + "\r\n\r\n", status: 431),
        Refusal(name: "too many fields",
                input: "GET / HTTP/1.1\r\nHost: a\r\n" + (1...8).map { "X-\($0): v\r\n" }.joined() + "\r\n", status: 431),
        Refusal(name: "an expectation other than 100-continue",
                input: "POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\na", status: 417),
    ]

    @Test(arguments: refusals, [false, true])
    func refuses(_ refusal: Refusal, byteByByte: Bool) {
        let outcome = parse(refusal.input, limits: refusal.limits, byteByByte: byteByByte)
        #expect(outcome.error?.status.code == refusal.status, "\(String(describing: outcome.error))")
        #expect(outcome.requests.isEmpty)
    }

    @Test(arguments: [false, true])
    func nothingAfterAFramingErrorIsParsed(byteByByte: Bool) {
        // A smuggling attempt: the "second request" hides in a body the first one cannot frame.
        let outcome = parse(
            "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: a\r\n\r\n",
            byteByByte: byteByByte)
        #expect(outcome.error?.status == .badRequest)
        #expect(outcome.requests.isEmpty)
    }
}
