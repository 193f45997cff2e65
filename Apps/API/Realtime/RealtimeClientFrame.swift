import Foundation

/// A frame a client sends (SPEC §7), decoded from a JSON text message.
enum RealtimeClientFrame: Equatable, Sendable {
    case subscribe(room: String, after: Int64?)
    case unsubscribe(room: String)
    case typing(room: String, active: Bool)
    case read(ticketID: String, messageID: String)
    case ping

    /// Why a frame was refused, sent back as an `error` frame with this code.
    struct Invalid: Error, Equatable {
        let code: String
        let detail: String
    }

    private struct Wire: Decodable {
        let type: String
        let room: String?
        let after: Int64?
        let state: String?
        let ticketId: String?
        let messageId: String?
    }

    init(json text: String) throws(Invalid) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(text.utf8))
        } catch {
            throw Invalid(code: "malformed", detail: "a frame is a JSON object with a string \"type\"")
        }
        func required(_ value: String?, _ field: String) throws(Invalid) -> String {
            guard let value, !value.isEmpty else { throw Invalid(code: "malformed", detail: "\"\(wire.type)\" needs \"\(field)\"") }
            return value
        }
        switch wire.type {
        case "subscribe":
            if let after = wire.after, after < 0 { throw Invalid(code: "malformed", detail: "\"after\" must be a sequence number ≥ 0") }
            self = .subscribe(room: try required(wire.room, "room"), after: wire.after)
        case "unsubscribe": self = .unsubscribe(room: try required(wire.room, "room"))
        case "typing":
            switch try required(wire.state, "state") {
            case "start": self = .typing(room: try required(wire.room, "room"), active: true)
            case "stop": self = .typing(room: try required(wire.room, "room"), active: false)
            default: throw Invalid(code: "malformed", detail: "\"state\" is \"start\" or \"stop\"")
            }
        case "read": self = .read(ticketID: try required(wire.ticketId, "ticketId"), messageID: try required(wire.messageId, "messageId"))
        case "ping": self = .ping
        default: throw Invalid(code: "unknown_type", detail: "unknown frame type \"\(wire.type)\"")
        }
    }
}
