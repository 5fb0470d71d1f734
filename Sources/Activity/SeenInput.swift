/// The body of `POST /v1/activity/seen`: `{"upTo": activityId}`.
struct SeenInput: Decodable, Sendable {
    let upTo: String
}
