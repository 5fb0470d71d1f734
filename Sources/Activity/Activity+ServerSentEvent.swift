import Web

extension Activity {
    /// The item as one Server-Sent Event: `id: <id>` (as the JSON writes it), `event: <type>`, `data: <item JSON>`
    /// (one line: JSON text holds no raw newline).
    func serverSentEvent() throws -> [UInt8] {
        var event = Array("id: \(id.uuidString)\nevent: \(type.rawValue)\ndata: ".utf8)
        event += try JSONOutput.encode(self)
        event += Array("\n\n".utf8)
        return event
    }
}
