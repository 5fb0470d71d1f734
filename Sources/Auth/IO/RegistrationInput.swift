/// The body of `POST /v1/auth/register`. Fields are optional here so that one `422` can list
/// every missing or invalid field at once.
struct RegistrationInput: Decodable, Sendable {
    let email: String?
    let password: String?
    let displayName: String?
    let session: SessionDelivery?
}
