import Foundation
import Postgres
import Web

/// A user as they see themselves: `{"id","email","displayName","sobrietyDate","createdAt"}`.
public struct UserOutput: Encodable, Sendable, Equatable {
    let id: UUID
    let email: String
    let displayName: String
    @Nullable var sobrietyDate: CalendarDate?
    let createdAt: Date

    init(_ user: UserRecord) {
        id = user.id
        email = user.email
        displayName = user.displayName
        sobrietyDate = user.sobrietyDate
        createdAt = user.createdAt
    }
}
