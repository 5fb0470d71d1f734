import Foundation
import HTTPServer

/// Finds the client's address behind trusted reverse proxies.
///
/// `X-Forwarded-For` is believed only when the peer is a trusted proxy, and then only up to
/// the right-most entry that is not itself a trusted proxy: everything left of it was written
/// by the client and may be forged. Addresses come back in canonical form, so one client has
/// one spelling (for throttling keys).
public struct ClientAddress: Sendable {
    public let trustedProxies: [IPNetwork]

    /// With no trusted proxies the peer's address is always the answer.
    public init(trustedProxies: [IPNetwork] = []) {
        self.trustedProxies = trustedProxies
    }

    /// The client's address for a request from `peer` with `headers`.
    public func resolve(peer: String, headers: HTTPHeaders) -> String {
        guard let peerAddress = IPAddress(peer) else { return peer }
        var client = peerAddress
        guard isTrusted(client) else { return client.description }
        let hops = headers.values(for: "X-Forwarded-For").flatMap { $0.split(separator: ",") }
        for hop in hops.reversed() {
            guard let address = IPAddress(hop.trimmingCharacters(in: .whitespaces)) else { break }
            client = address
            if !isTrusted(address) { break }
        }
        return client.description
    }

    private func isTrusted(_ address: IPAddress) -> Bool {
        trustedProxies.contains { $0.contains(address) }
    }
}
