/// Why a request cannot be read. Every case ends the connection after its answer:
/// the bytes that follow a framing error are never parsed.
public enum HTTPParseError: Error, Equatable, Sendable {
    /// Malformed request line, header, chunk or framing (`400`).
    case badRequest(String)
    /// The request line alone is over the head limit (`414`).
    case uriTooLong
    /// The head is over the byte limit or has too many fields (`431`).
    case headTooLarge
    /// The declared or received body is over the limit (`413`).
    case bodyTooLarge
    /// A transfer coding we do not implement (`501`).
    case unsupportedTransferCoding
    /// A method this server does not know (`501`).
    case unknownMethod
    /// An HTTP version other than 1.0 or 1.1 (`505`).
    case unsupportedVersion
    /// An `Expect` other than `100-continue` (`417`).
    case unsupportedExpectation

    /// The status that answers this error.
    public var status: HTTPStatus {
        switch self {
        case .badRequest: .badRequest
        case .uriTooLong: .uriTooLong
        case .headTooLarge: .requestHeaderFieldsTooLarge
        case .bodyTooLarge: .contentTooLarge
        case .unsupportedTransferCoding, .unknownMethod: .notImplemented
        case .unsupportedVersion: .httpVersionNotSupported
        case .unsupportedExpectation: .expectationFailed
        }
    }
}
