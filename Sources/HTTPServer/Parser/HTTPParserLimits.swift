/// Bounds the parser enforces while reading a request.
public struct HTTPParserLimits: Sendable, Equatable {
    /// Request line plus header fields, in bytes (`414` / `431` beyond).
    public var maxHeadBytes: Int
    /// Header fields per request (`431` beyond).
    public var maxHeaderCount: Int
    /// Body bytes after de-chunking (`413` beyond).
    public var maxBodyBytes: Int
    /// Bytes of chunk extensions and trailer fields of one chunked body, together (`400` when
    /// an extension, `431` when a trailer passes it).
    public var maxChunkMetadataBytes: Int

    public init(
        maxHeadBytes: Int = 16 * 1024, maxHeaderCount: Int = 100, maxBodyBytes: Int = 1 << 20,
        maxChunkMetadataBytes: Int = 4 * 1024
    ) {
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkMetadataBytes = maxChunkMetadataBytes
    }
}
