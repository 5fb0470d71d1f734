import Web

/// The body of `POST /v1/me/lockdown`; both default to `false` and, when sent, must be
/// `true` or `false` (`null` is `422`).
struct LockdownInput: Decodable, Sendable {
    var endSponsorships: PatchField<Bool>
    var endOtherSessions: PatchField<Bool>

    /// The two choices, or `422 validation_failed` naming each field sent as `null`.
    func choices() throws(HTTPError) -> (endSponsorships: Bool, endOtherSessions: Bool) {
        var errors: [FieldError] = []
        func choice(_ field: PatchField<Bool>, _ name: String) -> Bool {
            if case .null = field {
                errors.append(FieldError(field: name, code: "required", message: "must be true or false"))
            }
            return field.applied(to: false) ?? false
        }
        let choices = (choice(endSponsorships, "endSponsorships"), choice(endOtherSessions, "endOtherSessions"))
        guard errors.isEmpty else { throw .validationFailed(errors) }
        return choices
    }
}
