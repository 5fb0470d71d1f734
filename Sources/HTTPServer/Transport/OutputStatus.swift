/// What a connection has to write next.
enum OutputStatus: Equatable {
    /// Bytes from `ConnectionState.unsentOutput` on.
    case pending
    /// Nothing now.
    case drained
    /// The body cannot be completed (its source ended early, or a stream's client fell too far
    /// behind): the connection must close.
    case broken
}
