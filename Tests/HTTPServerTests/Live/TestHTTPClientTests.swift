import HTTPServer
import Testing
import TestSupport

/// The shared test client, against the real server: what every module's API tests rely on.
@Suite("TestHTTPClient")
struct TestHTTPClientTests {
    @Test func requestSkipsInterimAnswersAndKeepsCallerFraming() throws {
        try LiveServer.with { live in
            let client = try live.client()
            let continued = try client.request("POST", "/echo", headers: [("Expect", "100-continue")], body: Array("abc".utf8))
            #expect(continued.status == 200 && continued.bodyString == "abc")
            let ownHost = try client.request("GET", "/hello", headers: [("Host", "example.org")])
            #expect(ownHost.status == 200)
            let chunked = try client.request(
                "PUT", "/echo", headers: [("Transfer-Encoding", "chunked")], body: Array("3\r\nxyz\r\n0\r\n\r\n".utf8))
            #expect(chunked.status == 200 && chunked.bodyString == "xyz")
            let json = try client.request("POST", "/echo", json: #"{"a":1}"#, token: "t0k3n")
            #expect(try json.json()["a"] as? Int == 1)
        }
    }
}
