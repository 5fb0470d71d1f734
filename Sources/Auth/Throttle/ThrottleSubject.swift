import Crypto
import Foundation
import Web

/// Whom a throttle counts: an account, a client address, or an account at an address. Only
/// a keyed hash of it (`ThrottleKey`) reaches the database, so attempted emails are never
/// stored, nor anything a guess could be checked against without the server secret.
public struct ThrottleSubject: Sendable, Hashable {
    /// A kind and the identifier, lines apart (emails and addresses hold no newline), e.g.
    /// `address\n192.0.2.1`; never stored or logged.
    let identity: String

    /// A client address: an IPv4 address as it is, an IPv6 address by its /64 (one end site
    /// gets one budget however many addresses it rotates through).
    public init(address: String) {
        identity = "address\n" + Self.network(of: address)
    }

    /// An account by its normalised email (also one that has no account).
    init(account email: String) {
        identity = "account\n" + email
    }

    /// An account as tried from one client address (IPv6: its /64).
    init(account email: String, address: String) {
        identity = "account\n" + email + "\n" + Self.network(of: address)
    }

    /// A user's password changes.
    init(passwordChangesOf user: UUID) {
        identity = "password-change\n" + user.uuidString
    }

    /// The address, or its IPv6 /64, as text; what is no IP address at all is kept as is.
    static func network(of address: String) -> String {
        guard let ip = IPAddress(address) else { return address }
        return ip.bytes.count == 4 ? ip.description : Hex.encode(Array(ip.bytes.prefix(8))) + "::/64"
    }
}
