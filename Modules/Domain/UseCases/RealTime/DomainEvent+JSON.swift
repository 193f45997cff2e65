import Foundation

extension DomainEvent {
    /// The event as compact JSON text, times in whole milliseconds: how adapters store and send it.
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .millisecondsSince1970
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads what `jsonText()` wrote.
    public init(jsonText: String) throws {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .millisecondsSince1970
        self = try decoder.decode(DomainEvent.self, from: Data(jsonText.utf8))
    }
}
