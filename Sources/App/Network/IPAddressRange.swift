/// A block of IP addresses: one address (`192.0.2.1`, `::1`) or a CIDR range
/// (`10.0.0.0/8`, `2001:db8::/32`). Used to recognise trusted proxies.
public struct IPAddressRange: Hashable, Sendable, CustomStringConvertible {
    /// The first address of the block.
    public let network: IPAddress
    /// How many leading bits are fixed: 32 or 128 for a single address.
    public let prefixLength: Int

    /// Parses an address or `address/prefix`. The prefix is decimal within the family's width,
    /// and the address must be the block's first one (`10.0.0.1/8` is refused as a likely typo).
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let width = address.bytes.count * 8
        var prefixLength = width
        if parts.count == 2 {
            guard (1...3).contains(parts[1].utf8.count), parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                  let length = Int(parts[1]), length <= width
            else { return nil }
            prefixLength = length
        }
        guard Self.masked(address.bytes, to: prefixLength) == address.bytes else { return nil }
        self.network = address
        self.prefixLength = prefixLength
    }

    /// Whether `address` lies in the block; an IPv4-mapped IPv6 address also matches as IPv4.
    public func contains(_ address: IPAddress) -> Bool {
        if address.bytes.count == network.bytes.count, Self.masked(address.bytes, to: prefixLength) == network.bytes {
            return true
        }
        return address.mappedIPv4.map(contains) ?? false
    }

    public var description: String {
        prefixLength == network.bytes.count * 8 ? network.description : "\(network)/\(prefixLength)"
    }

    /// `bytes` with every bit after the first `prefixLength` cleared.
    private static func masked(_ bytes: [UInt8], to prefixLength: Int) -> [UInt8] {
        bytes.enumerated().map { index, byte in
            let kept = min(max(prefixLength - index * 8, 0), 8)
            return kept == 0 ? 0 : byte & ~UInt8(0xFF >> kept)
        }
    }
}
