/// The test environment lacks something a test needs; tests fail with this rather than skip.
public struct TestEnvironmentError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) { self.description = description }
}
