/// A type on the read path that writes its own JSON (`JSONWriter`) instead of going through
/// Foundation's `JSONEncoder`, which costs more than the database on a page of entries.
/// `JSONOutput` uses it whenever a value conforms; `Encodable` stays the definition of the
/// output, and a test holds each conforming type's bytes equal to the encoder's.
public protocol JSONWritable: Encodable {
    func write(to writer: inout JSONWriter)
}
