import Activity
import Auth
import Foundation
import Logging
import Postgres

/// The rules of invites and sponsorships: anyone invites; someone else accepts a code once,
/// before it expires, and the two are linked; either party ends the link.
struct SponsorshipService: Sendable {
    let inviteLifetime: Duration
    /// Failed acceptances per client address.
    let acceptThrottle: Throttle
    let invites = InviteStore()
    let sponsorships = SponsorshipStore()
    let activity = ActivityRecorder()

    func invite(as role: InviteRole, by inviter: UUID, on database: PostgresLease, logger: Logger) throws -> Invite {
        let code = try InviteCode.generate()
        let expiresAt = try invites.insert(
            inviter: inviter, role: role, codeHash: code.hash, lifetime: inviteLifetime, on: try database.connection())
        logger.info("invite_created", ["user_id": inviter.uuidString, "role": role.rawValue])
        return Invite(code: code.formatted, role: role, expiresAt: expiresAt)
    }

    /// Accepts the invite with `typedCode` for `caller`. Unknown, used, expired and malformed
    /// codes get one answer (`invite_not_found`) and count against the client's address;
    /// after too many, `429` comes before any lookup. The inviter hears of it
    /// (`sponsorship_started`, the acceptor its actor).
    func accept(
        _ typedCode: String, by caller: UUID, from address: String, on database: PostgresLease, logger: Logger
    ) throws -> Sponsorship {
        let codeHash = InviteCode(typed: typedCode)?.hash
        let sponsorship = try database.withTransaction { connection -> Sponsorship? in
            let attempt = try acceptThrottle.consume(ThrottleSubject(address: address), on: connection)
            // Returning nil commits the counted attempt; throwing rolls it back.
            guard let codeHash, let invite = try invites.claim(codeHash: codeHash, on: connection) else { return nil }
            try attempt.refund(on: connection)
            guard invite.inviterId != caller else { throw SponsorshipError.selfInvite }
            let (sponsor, sponsee) = invite.inviterRole == .sponsor
                ? (invite.inviterId, caller) : (caller, invite.inviterId)
            guard let id = try sponsorships.insert(sponsor: sponsor, sponsee: sponsee, on: connection) else {
                throw SponsorshipError.alreadySponsoring
            }
            try invites.link(invite.id, to: id, on: connection)
            try activity.record(
                .sponsorshipStarted, by: caller, to: [invite.inviterId], about: ActivitySubject(sponsorshipId: id),
                on: connection)
            return try sponsorships.find(id, on: connection)
        }
        guard let sponsorship else {
            logger.info("invite_accept_failed", ["user_id": caller.uuidString, "reason": "invite_not_found"])
            throw SponsorshipError.inviteNotFound
        }
        logger.info("invite_accepted", ["user_id": caller.uuidString, "sponsorship_id": sponsorship.id.uuidString])
        return sponsorship
    }

    func sponsorships(of userId: UUID, on database: PostgresLease) throws -> [Sponsorship] {
        try sponsorships.list(for: userId, on: try database.connection())
    }

    /// Ends the sponsorship; its shares stop granting access when this commits, and the other
    /// party hears of it (`sponsorship_ended`; ending an ended one changes nothing). `404`
    /// unless `userId` is a party to it.
    func end(_ id: UUID, by userId: UUID, on database: PostgresLease, logger: Logger) throws {
        let ended = try database.withTransaction { connection in
            guard let ending = try sponsorships.end(id, by: userId, on: connection) else { return false }
            if ending.ended {
                try activity.record(
                    .sponsorshipEnded, by: userId, to: [ending.otherParty], about: ActivitySubject(sponsorshipId: id),
                    on: connection)
            }
            return true
        }
        guard ended else {
            logger.info("sponsorship_access_denied", ["user_id": userId.uuidString, "sponsorship_id": id.uuidString])
            throw SponsorshipError.sponsorshipNotFound
        }
        logger.info("sponsorship_ended", ["user_id": userId.uuidString, "sponsorship_id": id.uuidString])
    }
}
