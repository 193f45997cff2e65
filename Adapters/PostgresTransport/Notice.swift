import Domain
import Foundation

/// What one NOTIFY says: the events themselves with their numbers when they fit, or only the numbers
/// (readers then fetch the rows). NOTIFY payloads must stay under 8000 bytes.
enum Notice {
    case events([PublishedEvent])
    case reference

    /// The largest payload sent inline; NOTIFY's limit is 8000 bytes.
    static let inlineLimit = 7_900

    static func payload(numbers: [Int64], events: [String]) -> String {
        let inline = "E" + zip(numbers, events).map { "\($0)\t\($1)" }.joined(separator: "\n")
        if inline.utf8.count <= inlineLimit { return inline }
        return "R\(numbers.first ?? 0)-\(numbers.last ?? 0)"
    }

    init(_ payload: String) {
        guard payload.first == "E" else { self = .reference; return }
        var events: [PublishedEvent] = []
        // Event JSON never contains a raw newline or tab (JSONEncoder escapes them), so they separate safely.
        for line in payload.dropFirst().split(separator: "\n") {
            guard let tab = line.firstIndex(of: "\t"), let number = Int64(line[..<tab]),
                  let event = try? DomainEvent(jsonText: String(line[line.index(after: tab)...]))
            else { self = .reference; return }
            events.append(PublishedEvent(sequence: number, event: event))
        }
        self = .events(events)
    }
}
