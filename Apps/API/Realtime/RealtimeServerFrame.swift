import Domain
import Foundation

/// A frame the server sends (SPEC §7), encoded as one JSON text message.
enum RealtimeServerFrame: Sendable {
    case subscribed(room: String)
    case unsubscribed(room: String)
    /// A refusal. `room` names the room it concerns; `seq`, when a followed room was dropped because its
    /// access was lost (or could not be checked), the event after which it was dropped: nothing numbered
    /// after it reaches the client from that room.
    case error(code: String, detail: String, room: String?, seq: Int64? = nil)
    case pong
    /// An event of `room`, numbered by the transport.
    case event(PublishedEvent, room: String)

    var json: String {
        let object: [String: Any]
        switch self {
        case .subscribed(let room): object = ["type": "subscribed", "room": room]
        case .unsubscribed(let room): object = ["type": "unsubscribed", "room": room]
        case .error(let code, let detail, let room, let seq):
            var fields: [String: Any] = ["type": "error", "code": code, "detail": detail]
            if let room { fields["room"] = room }
            if let seq { fields["seq"] = Int(seq) }
            object = fields
        case .pong: object = ["type": "pong"]
        case .event(let published, let room):
            object = [
                "type": published.event.kind.rawValue, "seq": Int(published.sequence), "room": room,
                "at": WireTime.string(published.event.at), "data": published.event.data,
            ]
        }
        // Only strings, numbers and string dictionaries go in: serialisation cannot fail.
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
