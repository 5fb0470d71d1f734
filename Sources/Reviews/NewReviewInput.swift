/// The body of `POST /v1/entries/{id}/reviews`.
struct NewReviewInput: Decodable, Sendable {
    /// Kept as text: an id that does not parse names no sponsorship the entry is shared with
    /// (`422 not_shared_for_comment`), like one that does not exist.
    let sponsorshipId: String
}
