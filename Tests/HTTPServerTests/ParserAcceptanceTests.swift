import Testing
@testable import HTTPServer

/// Requests the parser must accept, fed whole and one byte at a time, with what it must read.
@Suite struct ParserAcceptanceTests {
    @Test(arguments: [false, true])
    func aSimpleGet(byteByByte: Bool) throws {
        let outcome = parse("GET /v1/entries?kind=amend HTTP/1.1\r\nHost: example.org\r\nX-Empty:\r\nAccept:  */* \r\n\r\n", byteByByte: byteByByte)
        #expect(outcome.error == nil)
        let request = try #require(outcome.requests.first)
        #expect(request.head.method == .get)
        #expect(request.head.path == "/v1/entries")
        #expect(request.head.query == "kind=amend")
        #expect(request.head.version == .http1_1)
        #expect(request.head.headers["host"] == "example.org")
        #expect(request.head.headers["x-empty"] == "")
        #expect(request.head.headers["accept"] == "*/*")
        #expect(request.body.isEmpty)
        #expect(outcome.pending == 0)
    }

    @Test(arguments: [false, true])
    func aContentLengthBody(byteByByte: Bool) throws {
        let outcome = parse("POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", byteByByte: byteByByte)
        #expect(outcome.error == nil)
        #expect(outcome.announcedHeads == 1)
        #expect(outcome.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["hello"])
    }

    @Test(arguments: [false, true])
    func aChunkedBodyWithExtensionsAndTrailers(byteByByte: Bool) throws {
        let input = "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\nA\r\n, world!!!\r\n000\r\nX-Checksum: abc\r\n\r\n"
        let outcome = parse(input, byteByByte: byteByByte)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["hello, world!!!"])
        #expect(outcome.pending == 0)
    }

    @Test(arguments: [false, true])
    func pipelinedRequestsComeOutInOrder(byteByByte: Bool) {
        let input = "GET /1 HTTP/1.1\r\nHost: a\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabc"
            + "POST /3 HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n"
            + "GET /4 HTTP/1.0\r\n\r\n"
        let outcome = parse(input, byteByByte: byteByByte)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.head.target) == ["/1", "/2", "/3", "/4"])
        #expect(outcome.requests.map { String(decoding: $0.body, as: UTF8.self) } == ["", "abc", "z", ""])
    }

    @Test(arguments: [false, true])
    func http10NeedsNoHost(byteByByte: Bool) {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n", byteByByte: byteByByte)
        #expect(outcome.requests.first?.head.version == .http1_0)
    }

    @Test(arguments: [false, true])
    func leadingEmptyLinesAreIgnored(byteByByte: Bool) {
        let outcome = parse("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", byteByByte: byteByByte)
        #expect(outcome.error == nil)
        #expect(outcome.requests.count == 1)
    }

    @Test(arguments: [false, true])
    func optionsAsteriskAndAnEmptyHost(byteByByte: Bool) {
        let outcome = parse("OPTIONS * HTTP/1.1\r\nHost:\r\n\r\n", byteByByte: byteByByte)
        #expect(outcome.requests.first?.head.target == "*")
    }

    @Test(arguments: [false, true])
    func expectContinueIsAnnouncedWithTheHead(byteByByte: Bool) {
        let outcome = parse("PUT /x HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 2\r\n\r\nok", byteByByte: byteByByte)
        #expect(outcome.continueAsked == 1)
        #expect(outcome.requests.count == 1)
    }

    @Test func anIncompleteRequestWaitsForMore() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc", byteByByte: false)
        #expect(outcome.error == nil)
        #expect(outcome.requests.isEmpty)
        #expect(outcome.announcedHeads == 1)
    }

    @Test func theLimitsAreInclusive() {
        let limits = HTTPParserLimits(maxHeadBytes: 64, maxHeaderCount: 2, maxBodyBytes: 4)
        let head = "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\n"
        #expect(head.utf8.count <= 64)
        #expect(parse(head + "abcd", limits: limits, byteByByte: false).requests.count == 1)
    }
}
