import Auth
import Encryption
import Foundation
import HTTPServer
import Logging
import Postgres
import Web

/// The account's own data (API.md 1.1):
///
/// - `POST /v1/me/export` `{"password"}` — `200`, the whole account as one JSON document
///   (`stepwork-export/1`), an attachment named by the date;
/// - `DELETE /v1/me` `{"password"}` — `204`, the account and everything only its is gone;
/// - `POST /v1/me/lockdown` `{"endSponsorships"?, "endOtherSessions"?}` — `200` with counts.
///
/// A wrong password is `403 invalid_credentials`, backing off like a password change (`429`).
public struct PrivacyRoutes: Sendable {
    private let service: PrivacyService
    private let confirmation: PasswordConfirmation

    public init(account: AccountData, confirmation: PasswordConfirmation, keys: DataKeys, logger: Logger) {
        service = PrivacyService(account: account, logger: logger, store: PrivacyStore(keys: keys))
        self.confirmation = confirmation
    }

    public func register(on routes: RouterGroup) {
        routes.post("/me/export") { request, context in
            let input = try request.decode(PasswordInput.self)
            try confirmation.confirm(input.password, of: request, context: context, event: "account_export")
            let (body, exportedAt) = try service.export(of: try context.caller, on: context.database)
            return HTTPResponse(status: .ok, headers: [
                "Content-Type": "application/json; charset=utf-8",
                "Content-Disposition": "attachment; filename=\"stepwork-export-\(Self.day(of: exportedAt)).json\"",
            ], bodySource: body)
        }
        routes.delete("/me") { request, context in
            let input = try request.decode(PasswordInput.self)
            try confirmation.confirm(input.password, of: request, context: context, event: "account_delete")
            try service.deleteAccount(of: try context.caller, on: context.database)
            return .noContent
        }
        routes.post("/me/lockdown") { request, context in
            let input = try request.decode(LockdownInput.self).choices()
            return try .json(service.lockdown(input, of: try context.caller, on: context.database))
        }
    }

    /// `YYYY-MM-DD` of `date` in UTC.
    private static func day(of date: Date) -> String {
        String(RFC3339Timestamp.string(from: date).prefix(10))
    }
}
