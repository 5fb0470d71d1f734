import Foundation

/// The authenticated user behind a request, and the session that carried its token or cookie.
public struct Caller: Sendable, Equatable {
    public let userId: UUID
    public let sessionId: UUID

    public init(userId: UUID, sessionId: UUID) {
        self.userId = userId
        self.sessionId = sessionId
    }
}
