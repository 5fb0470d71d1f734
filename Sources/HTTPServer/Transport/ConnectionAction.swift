/// What the event loop must do for a connection after its state machine handled an event.
/// Writing is not among them: after every event the loop writes whatever the state owes.
enum ConnectionAction {
    /// Answer `request` (inline or on a worker) and hand the answer to `responded`.
    case respond(HTTPRequest)
    /// `stream` is the connection's body from now on: wake the loop when it has bytes.
    case attach(HTTPStream)
    /// Shut the socket's write side: the lingering close begins.
    case shutdownWrite
    /// Close the socket and forget the connection (after calling `closed` on its state).
    case close
}
