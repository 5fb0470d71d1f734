/// The refusals that belong to reviews; visibility refusals (`404`, `403`) are the policy's
/// `AccessDenied`.
enum ReviewError: Error {
    /// `422 not_an_amend`: only amends are reviewed.
    case notAnAmend
    /// `422 not_shared_for_comment`: the entry is not shared with that (active) sponsorship
    /// with `comment` access.
    case notSharedForComment
    /// `409 review_pending`: that sponsorship has an undecided review of the entry already.
    case pending
}
