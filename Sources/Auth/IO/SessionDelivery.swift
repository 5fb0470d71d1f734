/// How a new session reaches the client: a bearer `token` in the body (the default), or a
/// `cookie` the browser keeps and script cannot read.
enum SessionDelivery: String, Decodable, Sendable {
    case token
    case cookie
}
