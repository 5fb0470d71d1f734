/// The body of `PUT /v1/entries/{id}/shares/{sponsorshipId}`.
struct ShareInput: Decodable, Sendable {
    let access: ShareAccess
}
