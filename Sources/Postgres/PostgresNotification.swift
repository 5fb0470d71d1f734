/// One `NOTIFY` as a listener receives it.
public struct PostgresNotification: Sendable, Equatable {
    public let channel: String
    public let payload: String
    /// The server process of the session that sent it.
    public let senderProcessId: Int32

    public init(channel: String, payload: String, senderProcessId: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderProcessId = senderProcessId
    }
}
