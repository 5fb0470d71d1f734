import Glibc

/// A body read from an open file, from its start: typically a temporary file already unlinked,
/// written whole by the handler, so the body lives on disk rather than in memory. Owns the
/// descriptor and closes it when the transport is done.
public final class HTTPFileBody: HTTPBodySource, @unchecked Sendable {
    // Unchecked: `offset` is used by one thread at a time, the worker that made the body and
    // then the event loop, which receives it through a lock.
    private let fd: Int32
    private var offset = 0
    public let length: Int

    /// Takes ownership of `fd`, a regular file of `length` bytes.
    public init(fd: Int32, length: Int) {
        self.fd = fd
        self.length = length
    }

    public func read(maxCount: Int) -> [UInt8] {
        let count = min(maxCount, length - offset)
        guard count > 0 else { return [] }
        var chunk = [UInt8](repeating: 0, count: count)
        let got = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard got > 0 else { return [] }
        offset += got
        if got < count { chunk.removeLast(count - got) }
        return chunk
    }

    public func close() {
        Glibc.close(fd)
    }
}
