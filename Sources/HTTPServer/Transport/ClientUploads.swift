import Glibc
import Synchronization

/// Requests whose body is still arriving, counted per client and capped, across all event
/// loops: one client cannot hold every upload (nor the body budget) the server would take.
/// A client is its address; for IPv6, its `/64` (a host has the whole prefix to pick from).
final class ClientUploads: Sendable {
    private let counts = Mutex<[String: Int]>([:])
    let limitPerClient: Int

    init(limitPerClient: Int) { self.limitPerClient = limitPerClient }

    /// Takes a place for `client` unless it holds `limitPerClient` already.
    func tryTake(_ client: String) -> Bool {
        counts.withLock { counts in
            let count = counts[client, default: 0]
            guard count < limitPerClient else { return false }
            counts[client] = count + 1
            return true
        }
    }

    func giveBack(_ client: String) {
        counts.withLock { counts in
            let count = counts[client, default: 0]
            counts[client] = count > 1 ? count - 1 : nil
        }
    }

    /// The client `address` belongs to: the address itself, or the `/64` of an IPv6 one (an
    /// IPv4 address in IPv6 form, `::ffff:192.0.2.7`, stays whole).
    static func client(of address: String) -> String {
        guard address.contains(":"), !address.contains(".") else { return address }
        var raw = in6_addr()
        guard inet_pton(AF_INET6, address, &raw) == 1 else { return address }
        withUnsafeMutableBytes(of: &raw) { bytes in
            for index in 8..<16 { bytes[index] = 0 }
        }
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &raw, &text, socklen_t(text.count)) != nil else { return address }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) + "/64"
    }
}
