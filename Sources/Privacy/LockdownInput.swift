/// The body of `POST /v1/me/lockdown`; both default to `false`.
struct LockdownInput: Decodable, Sendable {
    let endSponsorships: Bool?
    let endOtherSessions: Bool?
}
