/// The body of `POST /v1/me/password`; optional so that one `422` lists every missing field.
struct PasswordChangeInput: Decodable, Sendable {
    let currentPassword: String?
    let newPassword: String?
}
