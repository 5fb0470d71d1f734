/// Writes a response head and body into an output buffer.
enum ResponseSerializer {
    /// Appends `response` to `output`; the body is left out for `HEAD` and for statuses that
    /// have none. `Content-Length`, `Date` and `Connection` are the server's to write (a
    /// stream has no length: it ends with the connection). Returns what is to follow.
    @discardableResult
    static func write(
        _ response: HTTPResponse, for method: HTTPMethod?, version: HTTPVersion, keepAlive: Bool,
        date: [UInt8], into output: inout [UInt8]
    ) -> ResponseFollowUp {
        let code = response.status.code
        let bodiless = code < 200 || code == 204 || code == 304
        output.append(contentsOf: "HTTP/1.1 ".utf8)
        appendDecimal(code, to: &output)
        output.append(UInt8(ascii: " "))
        output.append(contentsOf: response.status.reason.utf8)
        output.append(contentsOf: "\r\n".utf8)
        for (name, value) in response.headers.fields
        where !(name.equalsIgnoringASCIICase("content-length") || name.equalsIgnoringASCIICase("connection")
            || name.equalsIgnoringASCIICase("date") || name.equalsIgnoringASCIICase("transfer-encoding")) {
            // A name that is not a token, or a value with CR, LF or another control byte, could
            // split the response: drop the field rather than send it.
            guard !name.isEmpty, name.utf8.allSatisfy(ByteClass.isToken), value.utf8.allSatisfy(ByteClass.isFieldValue)
            else { continue }
            output.append(contentsOf: name.utf8)
            output.append(contentsOf: ": ".utf8)
            output.append(contentsOf: value.utf8)
            output.append(contentsOf: "\r\n".utf8)
        }
        if !bodiless && response.stream == nil {
            output.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(response.bodySource?.length ?? response.body.count, to: &output)
            output.append(contentsOf: "\r\n".utf8)
        }
        output.append(contentsOf: "Date: ".utf8)
        output.append(contentsOf: date)
        output.append(contentsOf: "\r\n".utf8)
        if !keepAlive {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        } else if version == .http1_0 {
            output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        output.append(contentsOf: "\r\n".utf8)
        guard !bodiless && method != .head else { return .nothing }
        if let stream = response.stream { return .stream(stream) }
        if response.bodySource != nil { return .source }
        output.append(contentsOf: response.body)
        return .nothing
    }

    /// A bare interim `100 Continue`.
    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &output) }
        output.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
