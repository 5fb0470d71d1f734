import Testing
import App

@Suite struct IPAddressRangeTests {
    @Test func aCIDRRangeContainsItsAddressesOnly() throws {
        let range = try #require(IPAddressRange("10.0.0.0/8"))
        #expect(range.contains(IPAddress("10.0.0.0")!))
        #expect(range.contains(IPAddress("10.255.255.255")!))
        #expect(!range.contains(IPAddress("11.0.0.0")!))
        #expect(!range.contains(IPAddress("9.255.255.255")!))
        #expect(!range.contains(IPAddress("::a00:1")!))
    }

    @Test func prefixesNeedNotFallOnByteBoundaries() throws {
        let range = try #require(IPAddressRange("192.0.2.64/26"))
        #expect(range.contains(IPAddress("192.0.2.64")!))
        #expect(range.contains(IPAddress("192.0.2.127")!))
        #expect(!range.contains(IPAddress("192.0.2.128")!))
        #expect(!range.contains(IPAddress("192.0.2.63")!))
    }

    @Test func aSingleAddressContainsOnlyItself() throws {
        let range = try #require(IPAddressRange("192.0.2.7"))
        #expect(range.prefixLength == 32)
        #expect(range.contains(IPAddress("192.0.2.7")!))
        #expect(!range.contains(IPAddress("192.0.2.8")!))
        let loopback = try #require(IPAddressRange("::1"))
        #expect(loopback.contains(IPAddress("0:0:0:0:0:0:0:1")!))
        #expect(!loopback.contains(IPAddress("127.0.0.1")!))
    }

    @Test func ipv6Ranges() throws {
        let range = try #require(IPAddressRange("2001:db8::/32"))
        #expect(range.contains(IPAddress("2001:db8:ffff::1")!))
        #expect(!range.contains(IPAddress("2001:db9::1")!))
        #expect(try #require(IPAddressRange("::/0")).contains(IPAddress("fe80::1")!))
    }

    @Test func ipv4MappedPeersMatchIPv4Ranges() throws {
        let range = try #require(IPAddressRange("10.0.0.0/8"))
        #expect(range.contains(IPAddress("::ffff:10.1.2.3")!))
        #expect(!range.contains(IPAddress("::ffff:11.1.2.3")!))
        #expect(IPAddress("::ffff:10.1.2.3")?.mappedIPv4 == IPAddress("10.1.2.3"))
        #expect(IPAddress("::10.1.2.3")?.mappedIPv4 == nil)
    }

    @Test(arguments: ["10.0.0.0/8", "192.0.2.7", "2001:db8::/32", "::1", "0.0.0.0/0"])
    func descriptionRoundTrips(_ text: String) throws {
        #expect(try #require(IPAddressRange(text)).description == text)
    }

    @Test(arguments: [
        "", "10.0.0.1/8", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/", "/8", "10.0.0.0/+8", "10.0.0.0/-1",
        "10.0.0.0/8/8", "10.0.0.0 /8", " 10.0.0.0", "10.0.0", "10.0.0.256", "010.0.0.1", "example.com",
        "localhost", "2001:db8::1::1", "fe80::1%eth0", "10.0.0.0/8 ",
    ])
    func malformedEntriesAreRefused(_ text: String) {
        #expect(IPAddressRange(text) == nil)
    }
}
