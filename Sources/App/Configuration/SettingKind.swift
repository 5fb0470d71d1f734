import Web
import Foundation
import Logging

/// How one kind of setting reads its value from an environment variable (text) and from a
/// configuration file (JSON), and what it accepts, for error messages.
struct SettingKind<Value> {
    /// Completes "<value> is not …", e.g. `an integer in 0...65535`.
    let expected: String
    let parseText: (String) -> Value?
    let parseFile: (ConfigurationFileValue) -> Value?
}

extension SettingKind where Value == Int {
    /// Decimal digits within `range`; in a file, a JSON integer.
    static func integer(in range: ClosedRange<Int>) -> Self {
        Self(
            expected: "an integer in \(range)",
            parseText: { text in
                guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
                return Int(text).flatMap { range.contains($0) ? $0 : nil }
            },
            parseFile: { value in
                guard case .integer(let number) = value, range.contains(number) else { return nil }
                return number
            })
    }
}

extension SettingKind where Value == Double {
    /// A number within `range`, decimals allowed (`0.5`); in a file, a JSON number.
    static func number(in range: ClosedRange<Double>) -> Self {
        func checked(_ number: Double) -> Double? { range.contains(number) ? number : nil }
        return Self(
            expected: "a number in \(range.lowerBound.plainText)...\(range.upperBound.plainText)",
            parseText: { text in
                let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) else {
                    return nil
                }
                return Double(text).flatMap(checked)
            },
            parseFile: { value in
                switch value {
                case .integer(let number): checked(Double(number))
                case .number(let number): checked(number)
                default: nil
                }
            })
    }
}

extension SettingKind where Value == Duration {
    /// A number of seconds within `range`, decimals allowed (`0.5`); in a file, a JSON number.
    static func seconds(in range: ClosedRange<Double>) -> Self {
        let number = SettingKind<Double>.number(in: range)
        return Self(
            expected: "a number of seconds in \(range.lowerBound.plainText)...\(range.upperBound.plainText)",
            parseText: { number.parseText($0).map { .seconds($0) } },
            parseFile: { number.parseFile($0).map { .seconds($0) } })
    }
}

extension SettingKind where Value == String {
    /// A file name (not checked here: the command that needs the file reads it).
    static var filePath: Self {
        text(expected: "a file name") { !$0.isEmpty }
    }

    /// A libpq connection string or `postgresql://` URL, checked only for being there: libpq
    /// itself judges it at the first connection.
    static var connectionString: Self {
        text(expected: "a non-empty libpq connection string or postgresql:// URL") { !$0.isEmpty }
    }

    /// A literal IPv4 or IPv6 address to listen on (no host names: nothing to resolve).
    static var ipAddress: Self {
        text(expected: "an IPv4 or IPv6 address") { IPAddress($0) != nil }
    }

    /// The browser app's origin: `http://` or `https://` and a host (and port), no path, no
    /// trailing slash; empty for `http://<host>:<port>` of the listening socket.
    static var origin: Self {
        text(expected: "an origin such as https://stepwork.example (scheme and host, no path), or empty") { text in
            guard !text.isEmpty else { return true }
            guard let components = URLComponents(string: text), let scheme = components.scheme,
                  ["http", "https"].contains(scheme), components.host?.isEmpty == false,
                  components.path.isEmpty, components.query == nil, components.fragment == nil,
                  components.user == nil
            else { return false }
            return true
        }
    }

    private static func text(expected: String, accepts: @escaping (String) -> Bool) -> Self {
        Self(
            expected: expected,
            parseText: { accepts($0) ? $0 : nil },
            parseFile: { value in
                guard case .string(let text) = value, accepts(text) else { return nil }
                return text
            })
    }
}

extension SettingKind where Value == String? {
    /// A connection string as `connectionString`, or none: an empty variable, a JSON `null`.
    static var optionalConnectionString: Self {
        let text = SettingKind<String>.connectionString
        return Self(
            expected: text.expected + ", or empty (null in a file) for none",
            parseText: { $0.isEmpty ? .some(nil) : text.parseText($0).map(Optional.some) },
            parseFile: { $0 == .null ? .some(nil) : text.parseFile($0).map(Optional.some) })
    }
}

extension SettingKind where Value == LogLevel {
    /// One of the level names, exactly.
    static var logLevel: Self {
        Self(
            expected: "one of " + LogLevel.allCases.map(\.name).joined(separator: ", "),
            parseText: LogLevel.init(name:),
            parseFile: { value in
                guard case .string(let name) = value else { return nil }
                return LogLevel(name: name)
            })
    }
}

extension SettingKind where Value == [IPNetwork] {
    /// IP addresses and CIDR ranges: comma-separated in the environment (spaces around commas
    /// allowed, empty for none), a JSON array of strings in a file.
    static var addressRanges: Self {
        Self(
            expected: "a list of IP addresses and CIDR ranges such as 10.0.0.0/8",
            parseText: { text in
                guard !text.isEmpty else { return [] }
                let items = text.split(separator: ",", omittingEmptySubsequences: false)
                let ranges = items.compactMap { IPNetwork($0.trimmingCharacters(in: .whitespaces)) }
                return ranges.count == items.count ? ranges : nil
            },
            parseFile: { value in
                guard case .array(let items) = value else { return nil }
                let ranges = items.compactMap { item in
                    if case .string(let text) = item { IPNetwork(text) } else { nil }
                }
                return ranges.count == items.count ? ranges : nil
            })
    }
}

private extension Double {
    /// `10` rather than `10.0`, `0.5` as is.
    var plainText: String { rounded() == self ? String(Int(self)) : String(self) }
}
