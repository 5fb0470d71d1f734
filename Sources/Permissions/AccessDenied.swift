/// Why `EntryAccessPolicy` refused: the entry is not visible to the caller at all (it does
/// not exist for them), or they see it but may not do what they ask.
public enum AccessDenied: String, Error, Sendable {
    case notVisible = "not_visible"
    case forbidden
}
