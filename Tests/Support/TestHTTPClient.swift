import Foundation
import Glibc

/// A raw HTTP/1.1 client over one real TCP connection to `127.0.0.1:port`, for tests.
///
/// Every read and write gives up after `timeout` (`SO_RCVTIMEO`, `SO_SNDTIMEO`), so a test
/// fails instead of hanging. The connection is kept: `request` may be called again on it,
/// and `send(raw:)` followed by several `readResponse()` calls tests pipelining. Not for use
/// from several tasks at once.
public final class TestHTTPClient {
    public let port: Int
    private let fd: Int32
    /// Bytes received and not yet returned as part of a response.
    private var received: [UInt8] = []
    private var isClosed = false

    /// Connects to `127.0.0.1:port`.
    public init(port: Int, timeout: Duration = .seconds(5)) throws {
        self.port = port
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestHTTPClientError.system("socket", errno) }
        var time = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: Int(timeout.components.attoseconds / 1_000_000_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
        var on: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = in_addr_t(INADDR_LOOPBACK).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let code = errno
            Glibc.close(fd)
            throw TestHTTPClientError.system("connect", code)
        }
    }

    deinit { close() }

    /// Closes the connection (idempotent).
    public func close() {
        guard !isClosed else { return }
        isClosed = true
        Glibc.close(fd)
    }

    /// Shuts the write side: the server reads end-of-file after what was sent.
    public func shutdownWrite() {
        Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    // MARK: Sending

    /// Sends `bytes` as they are.
    public func send(raw bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                throw TestHTTPClientError.timedOut
            } else {
                throw TestHTTPClientError.system("send", errno)
            }
        }
    }

    /// Sends `text` as UTF-8, as it is (write `\r\n` yourself).
    public func send(raw text: String) throws {
        try send(raw: Array(text.utf8))
    }

    /// Sends a request and reads its final response (skipping `1xx` interim answers).
    ///
    /// Adds `Host` and, when there is a body, `Content-Length` unless `headers` has them (or
    /// `Transfer-Encoding`); `authorization` adds `Authorization: Bearer <token>`.
    public func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil,
        authorization: String? = nil
    ) throws -> TestHTTPResponse {
        var fields = headers
        if let authorization { fields.append(("Authorization", "Bearer \(authorization)")) }
        if !fields.contains(where: { Self.named($0.0, "host") }) {
            fields.insert(("Host", "127.0.0.1:\(port)"), at: 0)
        }
        if let body, !fields.contains(where: { Self.named($0.0, "content-length") || Self.named($0.0, "transfer-encoding") }) {
            fields.append(("Content-Length", String(body.count)))
        }
        var bytes = Array("\(method) \(path) HTTP/1.1\r\n".utf8)
        for (name, value) in fields { bytes.append(contentsOf: "\(name): \(value)\r\n".utf8) }
        bytes.append(contentsOf: "\r\n".utf8)
        bytes.append(contentsOf: body ?? [])
        try send(raw: bytes)
        while true {
            let response = try readResponse(forHead: method == "HEAD")
            if response.status >= 200 { return response }
        }
    }

    /// Sends a request with a JSON body (`Content-Type: application/json`).
    public func request(
        _ method: String, _ path: String, json: String, headers: [(String, String)] = [], authorization: String? = nil
    ) throws -> TestHTTPResponse {
        try request(
            method, path, headers: [("Content-Type", "application/json")] + headers, body: Array(json.utf8),
            authorization: authorization)
    }

    // MARK: Receiving

    /// Reads the next response: status line, fields, then a `Content-Length`, chunked or
    /// read-until-close body. `forHead` (the answer to `HEAD`), `1xx`, `204` and `304` have none.
    public func readResponse(forHead: Bool = false) throws -> TestHTTPResponse {
        let headEnd = try readUntil([0x0D, 0x0A, 0x0D, 0x0A])
        let head = String(decoding: received[..<headEnd], as: UTF8.self)
        received.removeFirst(headEnd + 4)
        var lines = head.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard statusLine.count >= 2, statusLine[0].hasPrefix("HTTP/1."), statusLine[1].count == 3,
              let status = Int(statusLine[1])
        else { throw TestHTTPClientError.malformed("status line \(head.prefix(80))") }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw TestHTTPClientError.malformed("field \(line)") }
            headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        let response = { (body: [UInt8]) in
            TestHTTPResponse(
                status: status, reason: statusLine.count > 2 ? String(statusLine[2]) : "", headers: headers, body: body)
        }
        if forHead || status < 200 || status == 204 || status == 304 { return response([]) }
        let partial = response([])
        if partial.header("transfer-encoding")?.lowercased() == "chunked" { return response(try readChunkedBody()) }
        if let length = partial.header("content-length") {
            guard let count = Int(length), count >= 0 else { throw TestHTTPClientError.malformed("Content-Length \(length)") }
            return response(try take(count))
        }
        while try fill() {}
        defer { received = [] }
        return response(received)
    }

    /// Whether the server closes the connection (end-of-file or reset) within the read
    /// timeout; bytes that arrive meanwhile are kept for `readResponse`.
    public func isClosedByPeer() -> Bool {
        do {
            while try fill() {}
            return true
        } catch TestHTTPClientError.system(_, ECONNRESET) {
            return true
        } catch {
            return false
        }
    }

    private func readChunkedBody() throws -> [UInt8] {
        var body: [UInt8] = []
        while true {
            let lineEnd = try readUntil([0x0D, 0x0A])
            let line = String(decoding: received[..<lineEnd], as: UTF8.self)
            received.removeFirst(lineEnd + 2)
            guard let size = Int(line.split(separator: ";", maxSplits: 1).first ?? "", radix: 16) else {
                throw TestHTTPClientError.malformed("chunk size \(line)")
            }
            if size == 0 { break }
            body += try take(size)
            guard try take(2) == [0x0D, 0x0A] else { throw TestHTTPClientError.malformed("chunk without CRLF") }
        }
        // Trailer fields, up to the empty line.
        while true {
            let lineEnd = try readUntil([0x0D, 0x0A])
            received.removeFirst(lineEnd + 2)
            if lineEnd == 0 { return body }
        }
    }

    /// The index where `pattern` starts in the received bytes, reading until it arrives.
    private func readUntil(_ pattern: [UInt8]) throws -> Int {
        var searched = 0
        while true {
            if received.count >= pattern.count {
                for start in searched...(received.count - pattern.count)
                where received[start..<start + pattern.count].elementsEqual(pattern) {
                    return start
                }
                searched = received.count - pattern.count + 1
            }
            guard try fill() else { throw TestHTTPClientError.closed(partial: received) }
        }
    }

    /// The next `count` received bytes, reading until they arrived.
    private func take(_ count: Int) throws -> [UInt8] {
        while received.count < count {
            guard try fill() else { throw TestHTTPClientError.closed(partial: received) }
        }
        defer { received.removeFirst(count) }
        return Array(received[..<count])
    }

    /// Reads once into `received`; false at end-of-file.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                received.append(contentsOf: chunk[..<count])
                return true
            }
            if count == 0 { return false }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: throw TestHTTPClientError.timedOut
            default: throw TestHTTPClientError.system("recv", errno)
            }
        }
    }

    private static func named(_ name: String, _ expected: String) -> Bool {
        name.caseInsensitiveCompare(expected) == .orderedSame
    }
}
