import COpenSSL

/// OpenSSL's per-thread error queue.
enum OpenSSLErrorQueue {
    /// Empties the calling thread's queue and returns its reasons joined into one line,
    /// prefixed by the failing function, so a stale error can never surface later.
    static func drain(after function: String) -> String {
        var reasons: [String] = []
        var code = ERR_get_error()
        while code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            reasons.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            code = ERR_get_error()
        }
        return "\(function): " + (reasons.isEmpty ? "no reason reported" : reasons.joined(separator: "; "))
    }
}
