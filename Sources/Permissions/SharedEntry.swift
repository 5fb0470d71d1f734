import Foundation

/// An entry some sponsor may see through an active sponsorship, with the access granted.
public struct SharedEntry: Sendable, Equatable {
    public let entryId: UUID
    public let access: Access
    public let position: EntryPosition
}
