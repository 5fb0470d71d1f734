/// A block of addresses in CIDR notation (`10.0.0.0/8`, `fd00::/8`); a bare address is a
/// block of one. Used to list trusted reverse proxies.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    private let network: [UInt8]
    private let prefixLength: Int

    /// Parses `address` or `address/prefix`; nil when either part is invalid.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        var prefixLength = bits
        if parts.count == 2 {
            guard parts[1].utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                let length = Int(parts[1]), length <= bits
            else { return nil }
            prefixLength = length
        }
        self.prefixLength = prefixLength
        self.network = Self.mask(address.bytes, to: prefixLength)
    }

    /// Whether `address` lies in this block (an IPv4 address never lies in an IPv6 block).
    func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == network.count && Self.mask(address.bytes, to: prefixLength) == network
    }

    public var description: String {
        "\(IPAddress(bytes: network))/\(prefixLength)"
    }

    private static func mask(_ bytes: [UInt8], to prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let keep = min(max(prefixLength - index * 8, 0), 8)
            return keep == 0 ? 0 : byte & ~UInt8(0xFF >> keep)
        }
    }
}
