/// Why an activity request was refused.
enum ActivityError: Error, Equatable {
    /// `upTo` names no item of the caller's that they can see now.
    case notFound
}
