/// Why the text of a key file is not a key ring. The description is the problem in one line;
/// it names lines by number only, never by content, since a line may hold a key.
public enum KeyRingError: Error, Equatable, CustomStringConvertible {
    /// The line (counted from 1) is not `v<N>:<64 hex digits>` with N in `KeyRing.versionRange`.
    case malformedLine(Int)
    /// The line gives a version an earlier line already gave.
    case duplicateVersion(Int, line: Int)
    /// The file holds no key at all.
    case empty

    public var description: String {
        switch self {
        case .malformedLine(let line):
            "line \(line) is not of the form v<N>:<64 hex digits> (N from 1 to \(KeyRing.versionRange.upperBound))"
        case .duplicateVersion(let version, let line):
            "line \(line) repeats version v\(version)"
        case .empty:
            "holds no key (add a line made by `stepwork keys new`)"
        }
    }
}
