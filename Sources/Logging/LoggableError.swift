/// An error whose fields may go to the log as they are: they never carry row data or secrets.
/// A request that fails with one logs them beside its route and status.
public protocol LoggableError: Error {
    var logFields: KeyValuePairs<String, String> { get }
}
