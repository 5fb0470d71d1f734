import Foundation

/// What an activity item is about, by id only: never content.
public struct ActivitySubject: Sendable, Equatable {
    public var entryId: UUID?
    public var sponsorshipId: UUID?
    public var commentId: UUID?
    public var reviewId: UUID?

    public init(entryId: UUID? = nil, sponsorshipId: UUID? = nil, commentId: UUID? = nil, reviewId: UUID? = nil) {
        self.entryId = entryId
        self.sponsorshipId = sponsorshipId
        self.commentId = commentId
        self.reviewId = reviewId
    }
}
