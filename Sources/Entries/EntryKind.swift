import Postgres

/// What an entry is; decides its `step` rule and the shape of its `fields`.
public enum EntryKind: String, Codable, Sendable, CaseIterable {
    case journal
    case stepWork = "step_work"
    case inventory
    case amend
    case meeting

    /// Step work is always about one step; the other kinds may name one.
    public var requiresStep: Bool { self == .stepWork }
}

extension EntryKind: PostgresCodable {}
