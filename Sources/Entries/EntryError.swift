/// The refusals of the entry rules that are not about access (those are `AccessDenied`).
enum EntryError: Error {
    /// A `PATCH` without `If-Match`: `428 precondition_required`.
    case preconditionRequired
    /// `If-Match` names another version than the current one: `412 version_conflict`.
    case versionConflict
}
