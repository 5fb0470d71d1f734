import Foundation
import Web

/// One login in `GET /v1/me/sessions`; `current` marks the session making the request.
public struct SessionOutput: Encodable, Sendable, Equatable {
    let id: UUID
    let createdAt: Date
    let lastUsedAt: Date
    @Nullable var userAgent: String?
    let current: Bool

    init(_ session: SessionRecord, current: Bool) {
        id = session.id
        createdAt = session.createdAt
        lastUsedAt = session.lastUsedAt
        userAgent = session.userAgent
        self.current = current
    }
}
