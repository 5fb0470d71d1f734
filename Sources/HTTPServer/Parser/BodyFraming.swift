/// How the end of a request body is found (RFC 9112 §6).
enum BodyFraming: Equatable, Sendable {
    case none
    case length(Int)
    case chunked
}
