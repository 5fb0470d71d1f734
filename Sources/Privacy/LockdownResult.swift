/// What a lockdown closed: `{"sharesRevoked","sponsorshipsEnded","sessionsEnded"}`.
struct LockdownResult: Encodable, Sendable, Equatable {
    let sharesRevoked: Int
    let sponsorshipsEnded: Int
    let sessionsEnded: Int
}
