import Foundation
import TestSupport

/// Requests the auth tests send often.
extension TestApp {
    static let password = "correct horse battery staple"

    /// A JSON request whose body is `object`, encoded (so any Unicode is escaped correctly).
    func send(_ method: String, _ path: String, _ object: [String: Any], token: String? = nil,
              headers: [(String, String)] = []) throws -> TestHTTPResponse {
        let body = try JSONSerialization.data(withJSONObject: object)
        return try request(method, path, json: String(decoding: body, as: UTF8.self), headers: headers, token: token)
    }

    func login(_ email: String, _ password: String = TestApp.password, headers: [(String, String)] = []) throws -> TestHTTPResponse {
        try send("POST", "/v1/auth/login", ["email": email, "password": password], headers: headers)
    }

    /// The token of a successful login, or a thrown error naming the answer.
    func token(_ email: String, _ password: String = TestApp.password, headers: [(String, String)] = []) throws -> String {
        let response = try login(email, password, headers: headers)
        guard response.status == 200, let token = try response.json()["token"] as? String else {
            throw TestHTTPError("login failed: \(response.status) \(response.bodyString)")
        }
        return token
    }
}
