import Foundation
import Postgres
import Web

/// The account's own rows as the API shows them, read in the caller's transaction (the
/// export's snapshot), and its sessions ended there (lockdown).
public struct AccountData: Sendable {
    private let users = UserStore()
    private let sessions: SessionStore

    public init(authenticator: Authenticator) {
        sessions = SessionStore(settings: authenticator.settings)
    }

    /// The caller's profile; `AccountError.accountGone` (`401`) should the account be gone.
    public func user(of caller: Caller, on connection: PostgresConnection) throws -> UserOutput {
        guard let user = try users.find(id: caller.userId, on: connection) else { throw AccountError.accountGone }
        return UserOutput(user)
    }

    /// The caller's live sessions, the current one marked.
    public func sessions(of caller: Caller, on connection: PostgresConnection) throws -> [SessionOutput] {
        try sessions.list(userId: caller.userId, on: connection).map { SessionOutput($0, current: $0.id == caller.sessionId) }
    }

    /// Ends every session of the caller but the current one; returns how many ended.
    public func endOtherSessions(of caller: Caller, on connection: PostgresConnection) throws -> Int {
        try sessions.deleteAll(userId: caller.userId, except: caller.sessionId, on: connection)
    }
}
