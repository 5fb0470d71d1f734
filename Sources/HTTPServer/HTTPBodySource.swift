/// A response body the transport pulls in chunks as the client takes them, instead of one
/// held whole in memory (`HTTPResponse.body`): for answers too large to buffer.
///
/// The event loop that owns the connection calls `read` whenever the socket has taken
/// everything before: an implementation must answer quickly and never wait on the network
/// or a lock another request holds (reading a local file is fine). `close` is called exactly
/// once, when the body is sent or the connection is gone.
public protocol HTTPBodySource: AnyObject, Sendable {
    /// The body's size in bytes, sent as `Content-Length`.
    var length: Int { get }
    /// Up to `maxCount` next bytes; empty at the end (or on a failure, which ends the connection).
    func read(maxCount: Int) -> [UInt8]
    func close()
}
