/// Why a `TestHTTPClient` call failed.
public enum TestHTTPClientError: Error, CustomStringConvertible {
    /// A socket call failed with `errno`.
    case system(String, Int32)
    /// Nothing (or not enough) arrived within the read timeout.
    case timedOut
    /// The server closed the connection before a whole response arrived.
    case closed(partial: [UInt8])
    /// The bytes received are not a valid HTTP/1.1 response.
    case malformed(String)

    public var description: String {
        switch self {
        case .system(let call, let code): "\(call) failed: errno \(code)"
        case .timedOut: "timed out waiting for the server"
        case .closed(let partial): "connection closed by the server after \(partial.count) bytes of a response"
        case .malformed(let reason): "malformed response: \(reason)"
        }
    }
}
