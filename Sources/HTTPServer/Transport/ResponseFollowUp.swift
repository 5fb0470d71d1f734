/// What follows a response head and inline body in the output.
enum ResponseFollowUp {
    /// Nothing: the answer is complete.
    case nothing
    /// The response's `bodySource`, pulled as the client takes it.
    case source
    /// The response's stream, until it ends.
    case stream(HTTPStream)
}
