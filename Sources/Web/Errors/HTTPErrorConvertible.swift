/// An error that knows how it is answered over HTTP.
///
/// Domain errors conform so the router can answer them; anything thrown that does not
/// conform becomes a generic `500`.
public protocol HTTPErrorConvertible: Error {
    var httpError: HTTPError { get }
}
