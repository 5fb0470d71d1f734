import Foundation

/// An IPv4 or IPv6 address, parsed from its usual text form with `inet_pton`.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// 4 bytes for IPv4, 16 for IPv6, in network order.
    public let bytes: [UInt8]

    /// Parses `192.0.2.1` or `2001:db8::1`; nil for anything else (host names included).
    public init?(_ text: some StringProtocol) {
        for (family, count) in [(AF_INET, 4), (AF_INET6, 16)] {
            var bytes = [UInt8](repeating: 0, count: count)
            if inet_pton(family, String(text), &bytes) == 1 {
                self.bytes = bytes
                return
            }
        }
        return nil
    }

    /// For an IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, as dual-stack sockets report IPv4
    /// peers), the IPv4 address; otherwise nil.
    public var mappedIPv4: IPAddress? {
        guard bytes.count == 16, bytes.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff] else { return nil }
        return IPAddress(bytes: Array(bytes.suffix(4)))
    }

    public var description: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        _ = inet_ntop(bytes.count == 4 ? AF_INET : AF_INET6, bytes, &text, socklen_t(text.count))
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    init(bytes: [UInt8]) {
        precondition(bytes.count == 4 || bytes.count == 16)
        self.bytes = bytes
    }
}
