extension JSONValue {
    /// One spelling for every JSON text that means this value: no whitespace, object members
    /// sorted by key (UTF-8 bytes), strings with only `"`, `\` and control characters escaped,
    /// numbers as written. Two clients serialising the same object in different member order
    /// or layout send the same canonical bytes.
    var canonicalBytes: [UInt8] {
        var output: [UInt8] = []
        writeCanonical(into: &output)
        return output
    }

    private func writeCanonical(into output: inout [UInt8]) {
        switch self {
        case .null: output += "null".utf8
        case .bool(let value): output += (value ? "true" : "false").utf8
        case .number(let literal): output += literal.utf8
        case .string(let text): Self.writeCanonical(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.writeCanonical(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeCanonical(key, into: &output)
                output.append(UInt8(ascii: ":"))
                members[key]!.writeCanonical(into: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeCanonical(_ text: String, into output: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                output += [UInt8(ascii: "\\"), byte]
            case 0..<0x20:
                output += "\\u00".utf8
                output += [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default:
                output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
