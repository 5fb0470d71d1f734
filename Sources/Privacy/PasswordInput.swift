/// The body of `POST /v1/me/export` and `DELETE /v1/me`: the account's password, asked again.
struct PasswordInput: Decodable, Sendable {
    let password: String
}
