/// The body of `POST /v1/auth/login`; optional so that one `422` lists every missing field.
struct LoginInput: Decodable, Sendable {
    let email: String?
    let password: String?
    let session: SessionDelivery?
}
