import HTTPServer
import Testing
@testable import Web

@Suite struct ClientAddressTests {
    private let proxies = ClientAddress(trustedProxies: ["10.0.0.0/8", "192.168.1.5", "fd00::/8"].map { IPNetwork($0)! })

    @Test func withoutTrustedProxiesThePeerIsTheClient() {
        let direct = ClientAddress()
        #expect(direct.resolve(peer: "198.51.100.7", headers: ["X-Forwarded-For": "1.2.3.4"]) == "198.51.100.7")
    }

    @Test func untrustedPeerCannotClaimAnotherAddress() {
        #expect(proxies.resolve(peer: "198.51.100.7", headers: ["X-Forwarded-For": "1.2.3.4"]) == "198.51.100.7")
    }

    @Test func trustedPeerGivesTheRightMostUntrustedEntry() {
        let headers: HTTPHeaders = ["X-Forwarded-For": "6.6.6.6, 203.0.113.9, 10.1.2.3"]
        #expect(proxies.resolve(peer: "10.0.0.1", headers: headers) == "203.0.113.9")
        let split = HTTPHeaders([("X-Forwarded-For", "6.6.6.6"), ("X-Forwarded-For", "203.0.113.9 , 192.168.1.5")])
        #expect(proxies.resolve(peer: "192.168.1.5", headers: split) == "203.0.113.9")
    }

    @Test func trustedPeerWithoutHeaderIsTheClient() {
        #expect(proxies.resolve(peer: "10.0.0.1", headers: [:]) == "10.0.0.1")
    }

    @Test func garbageStopsTheWalkAtTheLastTrustedHop() {
        #expect(proxies.resolve(peer: "10.0.0.1", headers: ["X-Forwarded-For": "1.2.3.4, nonsense, 10.0.0.2"]) == "10.0.0.2")
        #expect(proxies.resolve(peer: "10.0.0.1", headers: ["X-Forwarded-For": "10.9.9.9, 10.0.0.3"]) == "10.9.9.9")
    }

    @Test func ipv6AndMappedAddressesAreCanonical() {
        #expect(proxies.resolve(peer: "FD00::1", headers: ["X-Forwarded-For": "2001:DB8:0:0::7"]) == "2001:db8::7")
        #expect(proxies.resolve(peer: "::ffff:10.0.0.1", headers: ["X-Forwarded-For": "::ffff:203.0.113.9"]) == "203.0.113.9")
        #expect(ClientAddress().resolve(peer: "::ffff:127.0.0.1", headers: [:]) == "127.0.0.1")
        #expect(proxies.resolve(peer: "fe80::1", headers: ["X-Forwarded-For": "1.2.3.4"]) == "fe80::1")
    }

    @Test func networksParseStrictly() {
        #expect(IPNetwork("10.0.0.0/8")?.description == "10.0.0.0/8")
        #expect(IPNetwork("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(IPNetwork("::1")?.description == "::1/128")
        #expect(IPNetwork("2001:db8::/33")?.description == "2001:db8::/33")
        for bad in ["10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/", "10.0.0", "host", "10.0.0.0/8/8", ""] {
            #expect(IPNetwork(bad) == nil, "\(bad)")
        }
    }

    @Test func routerGivesHandlersTheResolvedAddress() throws {
        let router = TestRoutes(logger: .silent, clientAddress: proxies)
        router.get("/who") { request in try .json(["client": request.clientAddress, "peer": request.remoteAddress]) }
        let response = router.respond(to: httpRequest(
            .get, "/who", headers: ["X-Forwarded-For": "203.0.113.9"], remoteAddress: "10.0.0.1"))
        #expect(try jsonObject(response) as? [String: String] == ["client": "203.0.113.9", "peer": "10.0.0.1"])
    }
}
