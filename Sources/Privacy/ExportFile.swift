import Foundation
import Glibc
import HTTPServer
import Web

/// The export being written: a temporary file, unlinked at once (only its descriptor names
/// it), filled through a small buffer and then handed to the transport as the body, so the
/// account's data is never held in memory whole.
final class ExportFile {
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var length = 0
    private static let flushBytes = 64 * 1024

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/stepwork-export-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw PrivacyError.exportFile(errno) }
        _ = template.withUnsafeBufferPointer { unlink($0.baseAddress!) }
        buffer.reserveCapacity(Self.flushBytes)
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    /// `value` as the API's JSON.
    func write(json value: some Encodable) throws {
        try write(JSONOutput.encode(value))
    }

    /// `values` as a JSON array.
    func write(array values: [some Encodable], continuing: inout Bool) throws {
        for value in values {
            try write(continuing ? "," : "")
            try write(json: value)
            continuing = true
        }
    }

    func write(_ bytes: [UInt8]) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushBytes { try flush() }
    }

    /// The written file as a response body; the file belongs to the body from now on.
    func body() throws -> HTTPFileBody {
        try flush()
        let body = HTTPFileBody(fd: fd, length: length)
        fd = -1
        return body
    }

    private func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw PrivacyError.exportFile(errno) }
            offset += written
        }
        length += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
