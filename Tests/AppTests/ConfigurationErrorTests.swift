import Testing
@testable import App

/// Every bad setting stops the load with one line naming the setting and the problem.
@Suite struct ConfigurationErrorTests {
    static let badVariables: [(String, String, String)] = [
        ("STEPWORK_PORT", "abc", #"STEPWORK_PORT: "abc" is not an integer in 0...65535"#),
        ("STEPWORK_PORT", "70000", #"STEPWORK_PORT: "70000" is not an integer in 0...65535"#),
        ("STEPWORK_PORT", "-1", #"STEPWORK_PORT: "-1" is not an integer in 0...65535"#),
        ("STEPWORK_PORT", " 8080", #"STEPWORK_PORT: " 8080" is not an integer in 0...65535"#),
        ("STEPWORK_PORT", "", #"STEPWORK_PORT: "" is not an integer in 0...65535"#),
        ("STEPWORK_PORT", "80\n80", #"STEPWORK_PORT: "80\n80" is not an integer in 0...65535"#),
        ("STEPWORK_DB_POOL_SIZE", "99999999999999999999999",
         #"STEPWORK_DB_POOL_SIZE: "99999999999999999999999" is not an integer in 1...1000"#),
        ("STEPWORK_PASSWORD_HASH_COST", "9", #"STEPWORK_PASSWORD_HASH_COST: "9" is not an integer in 10...20"#),
        ("STEPWORK_HEAD_TIMEOUT_SECONDS", "1e3",
         #"STEPWORK_HEAD_TIMEOUT_SECONDS: "1e3" is not a number of seconds in 0.01...3600"#),
        ("STEPWORK_HEAD_TIMEOUT_SECONDS", "0",
         #"STEPWORK_HEAD_TIMEOUT_SECONDS: "0" is not a number of seconds in 0.01...3600"#),
        ("STEPWORK_DRAIN_TIMEOUT_SECONDS", "nan",
         #"STEPWORK_DRAIN_TIMEOUT_SECONDS: "nan" is not a number of seconds in 0...3600"#),
        ("STEPWORK_IDLE_TIMEOUT_SECONDS", "5.", #"STEPWORK_IDLE_TIMEOUT_SECONDS: "5." is not a number of seconds in 0.01...3600"#),
        ("STEPWORK_LOG_LEVEL", "INFO", #"STEPWORK_LOG_LEVEL: "INFO" is not one of debug, info, warning, error"#),
        ("STEPWORK_HOST", "localhost", #"STEPWORK_HOST: "localhost" is not an IPv4 or IPv6 address"#),
        ("STEPWORK_DATABASE_URL", "",
         #"STEPWORK_DATABASE_URL: "" is not a non-empty libpq connection string or postgresql:// URL"#),
        ("STEPWORK_TRUSTED_PROXIES", "10.0.0.0/8,10.0.0.300",
         #"STEPWORK_TRUSTED_PROXIES: "10.0.0.0/8,10.0.0.300" is not a list of IP addresses and CIDR ranges such as 10.0.0.0/8"#),
        ("STEPWORK_TRUSTED_PROXIES", "10.0.0.0/8,,192.0.2.7",
         #"STEPWORK_TRUSTED_PROXIES: "10.0.0.0/8,,192.0.2.7" is not a list of IP addresses and CIDR ranges such as 10.0.0.0/8"#),
    ]

    @Test(arguments: badVariables)
    func aBadVariableIsNamedWithItsValue(_ variable: String, _ value: String, _ message: String) {
        expectFailure(message, arguments: [], environment: [variable: value])
    }

    @Test func aLongValueIsShortenedInTheMessage() {
        let value = String(repeating: "9", count: 10_000)
        expectFailure(
            #"STEPWORK_PORT: "\#(String(repeating: "9", count: 80))…" is not an integer in 0...65535"#,
            arguments: [], environment: ["STEPWORK_PORT": value])
    }

    static let badFileValues: [(String, String)] = [
        (#"{"prot": 8080}"#, #"unknown setting "prot""#),
        (#"{"port": "8080"}"#, #"port: "8080" is not an integer in 0...65535"#),
        (#"{"port": 1.5}"#, "port: 1.5 is not an integer in 0...65535"),
        (#"{"port": true}"#, "port: true is not an integer in 0...65535"),
        (#"{"port": null}"#, "port: null is not an integer in 0...65535"),
        (#"{"port": 65536}"#, "port: 65536 is not an integer in 0...65535"),
        (#"{"headTimeoutSeconds": "10"}"#, #"headTimeoutSeconds: "10" is not a number of seconds in 0.01...3600"#),
        (#"{"logLevel": {"level": "info"}}"#, "logLevel: an object is not one of debug, info, warning, error"),
        (#"{"databaseURL": 5}"#, "databaseURL: 5 is not a non-empty libpq connection string or postgresql:// URL"),
        (#"{"trustedProxies": "10.0.0.0/8"}"#,
         #"trustedProxies: "10.0.0.0/8" is not a list of IP addresses and CIDR ranges such as 10.0.0.0/8"#),
        (#"{"trustedProxies": ["10.0.0.0/8", "10.0.0.0/33"]}"#,
         #"trustedProxies: ["10.0.0.0/8", "10.0.0.0/33"] is not a list of IP addresses and CIDR ranges such as 10.0.0.0/8"#),
        (#"{"trustedProxies": [7]}"#, "trustedProxies: [7] is not a list of IP addresses and CIDR ranges such as 10.0.0.0/8"),
        (#"{"port": 8080"#, "not valid JSON"),
        ("[8080]", "not a JSON object of settings"),
        ("", "not valid JSON"),
    ]

    @Test(arguments: badFileValues)
    func aBadFileValueIsNamedWithItsFileAndKey(_ contents: String, _ problem: String) throws {
        let file = try ConfigurationFixture(contents)
        expectFailure("\(file.path): \(problem)", arguments: ["--config", file.path], environment: [:])
    }

    @Test func aMissingFileIsNamed() {
        expectFailure(
            "/nonexistent/stepwork.json: cannot be read (No such file or directory)",
            arguments: ["--config", "/nonexistent/stepwork.json"], environment: [:])
    }

    @Test(arguments: [["--config"], ["--config="], ["--config", "--migrate"], ["--config", "a.json", "--config=b.json"]])
    func aBadConfigOptionIsNamed(_ arguments: [String]) {
        let problem = arguments.count == 3 ? "given more than once" : "needs a file name"
        expectFailure("--config: \(problem)", arguments: arguments, environment: [:])
    }

    @Test func theFileIsCheckedEvenWhenTheEnvironmentOverridesIt() throws {
        let file = try ConfigurationFixture(#"{"port": "x"}"#)
        expectFailure(#"\#(file.path): port: "x" is not an integer in 0...65535"#,
                      arguments: ["--config", file.path], environment: ["STEPWORK_PORT": "8080"])
    }

    private func expectFailure(
        _ message: String, arguments: [String], environment: [String: String],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try AppConfiguration.load(arguments: arguments, environment: environment)
            Issue.record("loaded without the error \(message)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.description == message, sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        }
    }
}
