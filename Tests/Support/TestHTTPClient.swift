import Foundation
import Glibc

/// A raw HTTP/1.1 client over one real TCP connection to a loopback address, with a read
/// timeout so a test can never hang. Sends exactly the bytes it is given, or a request it builds.
/// The timeout is generous: a loaded CI machine can hold a request that waits its turn for a
/// row lock and a pooled connection for many seconds, and that is not a failure.
public final class TestHTTPClient {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var isClosed = false

    /// Connects to `host` (`127.0.0.1` or `::1`) on `port`.
    public init(port: Int, host: String = "127.0.0.1", timeout: Duration = .seconds(30)) throws {
        let family = host.contains(":") ? AF_INET6 : AF_INET
        // Close-on-exec: a process another test starts must not hold our connections open.
        fd = socket(family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestHTTPError("socket: \(errno)") }
        var storage = sockaddr_storage()
        let length: Int
        if family == AF_INET6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET6, host, &address.sin6_addr)
            length = Self.store(address, in: &storage)
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            inet_pton(AF_INET, host, &address.sin_addr)
            length = Self.store(address, in: &storage)
        }
        let connected = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(length)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestHTTPError("connect to \(host) port \(port): errno \(code)")
        }
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close() }

    /// Copies a concrete socket address into `storage`; returns its size.
    private static func store<Address>(_ address: Address, in storage: inout sockaddr_storage) -> Int {
        withUnsafeBytes(of: address) { bytes in withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) } }
        return MemoryLayout<Address>.size
    }

    /// Closes the connection (also done when the client is released).
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    /// Shuts the write side, as a client that has sent its last request does.
    public func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    /// Sends bytes as they are.
    public func send(raw bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else {
                throw TestHTTPError(errno == EAGAIN ? "timed out sending to the server" : "send failed: errno \(errno)")
            }
            offset += written
        }
    }

    public func send(raw text: String) throws { try send(raw: Array(text.utf8)) }

    /// Sends a request and reads its final response (a `1xx` interim answer is skipped).
    /// `Host` and, for a body, `Content-Length` are added unless `headers` has them (or
    /// `Transfer-Encoding`); `token` adds `Authorization: Bearer <token>`.
    public func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        token: String? = nil
    ) throws -> TestHTTPResponse {
        let has = { (name: String) in headers.contains { $0.0.lowercased() == name } }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        if !has("host") { head += "Host: 127.0.0.1\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        if let body, !has("content-length"), !has("transfer-encoding") { head += "Content-Length: \(body.count)\r\n" }
        try send(raw: Array((head + "\r\n").utf8) + (body ?? []))
        while true {
            let response = try readResponse(method: method)
            if response.status >= 200 { return response }
        }
    }

    /// A request whose body is JSON text, sent as `application/json`.
    public func request(
        _ method: String, _ path: String, json: String, headers: [(String, String)] = [], token: String? = nil
    ) throws -> TestHTTPResponse {
        try request(
            method, path, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8), token: token)
    }

    /// Reads the response to a `HEAD` (`forHead`: no body follows) or to another request.
    public func readResponse(forHead: Bool) throws -> TestHTTPResponse {
        try readResponse(method: forHead ? "HEAD" : "GET")
    }

    /// Reads one response with a `Content-Length` body, handing the body to `consume` piece by
    /// piece as it arrives instead of keeping it: for bodies too large to hold in a test.
    /// The returned response has an empty body.
    public func readResponse(streamingBodyTo consume: ([UInt8]) throws -> Void) throws -> TestHTTPResponse {
        let response = try readHead()
        guard var remaining = response.header("content-length").flatMap(Int.init) else {
            throw TestHTTPError("no Content-Length")
        }
        while remaining > 0 {
            if buffer.isEmpty { try fill() }
            let piece = Array(buffer.prefix(remaining))
            buffer.removeFirst(piece.count)
            remaining -= piece.count
            try consume(piece)
        }
        return response
    }

    /// Reads one response; `method` tells whether a body follows (`HEAD` has none).
    public func readResponse(method: String = "GET") throws -> TestHTTPResponse {
        let response = try readHead()
        let (status, headers) = (response.status, response.headers)
        if status < 200 || status == 204 || status == 304 || method == "HEAD" {
            return response
        }
        var body: [UInt8]
        if response.header("transfer-encoding")?.lowercased() == "chunked" {
            body = try readChunkedBody()
        } else if let length = response.header("content-length").flatMap(Int.init) {
            body = try readExactly(length)
        } else {
            body = try readToEnd()
        }
        return TestHTTPResponse(status: status, headers: headers, body: body)
    }

    /// Reads a response's status line and header fields.
    private func readHead() throws -> TestHTTPResponse {
        let headEnd = try readUntilHeadEnd()
        let headText = String(decoding: buffer[..<headEnd], as: UTF8.self)
        buffer.removeFirst(headEnd + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
            throw TestHTTPError("malformed status line: \(headText.prefix(100))")
        }
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return TestHTTPResponse(status: status, headers: headers, body: [])
    }

    /// Whether the server closed the connection (EOF or reset) before the read timeout.
    public func isClosedByPeer() -> Bool {
        var scratch = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET || errno == EPIPE }
            buffer.append(contentsOf: scratch[..<count])
        }
    }

    // MARK: Reading

    private func fill() throws {
        var scratch = [UInt8](repeating: 0, count: 16 * 1024)
        let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count > 0 {
            buffer.append(contentsOf: scratch[..<count])
        } else if count == 0 {
            throw TestHTTPError("connection closed by the server")
        } else {
            throw TestHTTPError(errno == EAGAIN ? "timed out waiting for the server" : "recv failed: errno \(errno)")
        }
    }

    private func readUntilHeadEnd() throws -> Int {
        while true {
            if let end = find([13, 10, 13, 10]) { return end }
            try fill()
        }
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        return (0...(buffer.count - pattern.count)).first { buffer[$0..<($0 + pattern.count)].elementsEqual(pattern) }
    }

    private func readExactly(_ count: Int) throws -> [UInt8] {
        while buffer.count < count { try fill() }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    private func readToEnd() throws -> [UInt8] {
        while true {
            do { try fill() } catch { break }
        }
        defer { buffer.removeAll() }
        return buffer
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let line = String(decoding: try readLine(), as: UTF8.self)
            guard let size = Int(line.split(separator: ";").first ?? "", radix: 16) else {
                throw TestHTTPError("bad chunk size: \(line.prefix(40))")
            }
            if size == 0 { break }
            body += try readExactly(size)
            guard try readExactly(2) == [13, 10] else { throw TestHTTPError("chunk data not followed by CRLF") }
        }
        while try !readLine().isEmpty {}  // trailer fields, up to the empty line
        return body
    }

    /// The next line, without its CRLF.
    private func readLine() throws -> [UInt8] {
        var lineEnd = find([13, 10])
        while lineEnd == nil {
            try fill()
            lineEnd = find([13, 10])
        }
        defer { buffer.removeFirst(lineEnd! + 2) }
        return Array(buffer[..<lineEnd!])
    }
}
