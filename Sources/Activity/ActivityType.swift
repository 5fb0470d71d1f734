import Postgres

/// What an activity item reports, as API.md names it in `type`.
public enum ActivityType: String, Codable, Sendable, PostgresCodable {
    /// To the inviter; the actor is the one who accepted.
    case sponsorshipStarted = "sponsorship_started"
    /// To the party who did not end it.
    case sponsorshipEnded = "sponsorship_ended"
    /// To the sponsor, when a share is created (not when its access changes).
    case entryShared = "entry_shared"
    /// To the other party of the thread (see `CommentService.post`).
    case commentAdded = "comment_added"
    /// To the reviewer.
    case reviewRequested = "review_requested"
    /// To the entry's owner.
    case reviewDecided = "review_decided"
}
