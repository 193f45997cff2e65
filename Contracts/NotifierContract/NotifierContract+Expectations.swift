import Domain
import Testing

extension NotifierContract {
    /// `received` is `sent`, field by field; text is compared scalar by scalar (Swift's `==` on
    /// strings would accept a composed `é` for a decomposed one).
    static func expectSame(
        _ received: Notification, _ sent: Notification, _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(received.id == sent.id, "\(context): id", sourceLocation: sourceLocation)
        #expect(received.kind == sent.kind, "\(context): kind", sourceLocation: sourceLocation)
        #expect(received.organizationID == sent.organizationID, "\(context): organization", sourceLocation: sourceLocation)
        #expect(received.recipient.userID == sent.recipient.userID, "\(context): recipient user id", sourceLocation: sourceLocation)
        #expect(scalars(received.recipient.name) == scalars(sent.recipient.name),
                "\(context): recipient name \(received.recipient.name.debugDescription)", sourceLocation: sourceLocation)
        #expect(received.recipient.email == sent.recipient.email, "\(context): recipient email", sourceLocation: sourceLocation)
        #expect(scalars(received.subject) == scalars(sent.subject),
                "\(context): subject \(received.subject.debugDescription)", sourceLocation: sourceLocation)
        let textDifference = difference(received.textBody, sent.textBody)
        #expect(textDifference == nil, "\(context): text body \(textDifference ?? "")", sourceLocation: sourceLocation)
        let htmlDifference: String? = switch (received.htmlBody, sent.htmlBody) {
        case (nil, nil): nil
        case (nil, .some): "is absent but was sent"
        case (.some, nil): "arrived but none was sent"
        case (.some(let received), .some(let sent)): difference(received, sent)
        }
        #expect(htmlDifference == nil, "\(context): HTML body \(htmlDifference ?? "")", sourceLocation: sourceLocation)
        #expect(received.ticketID == sent.ticketID, "\(context): ticket id", sourceLocation: sourceLocation)
        #expect(received.createdAt == sent.createdAt,
                "\(context): time \(received.createdAt.millisecondsSince1970) ms, sent \(sent.createdAt.millisecondsSince1970) ms",
                sourceLocation: sourceLocation)
    }

    /// The one delivery of `id` in `delivered`, recording an issue unless there is exactly one.
    static func single(
        _ id: NotificationID, in delivered: [Notification], _ context: String, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Notification? {
        let matches = delivered.filter { $0.id == id }
        #expect(matches.count == 1, "\(context): notification \(id) arrived \(matches.count) times", sourceLocation: sourceLocation)
        return matches.first
    }

    private static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    /// `nil` when both texts have the same scalars; otherwise where they first differ, briefly (bodies
    /// can be kilobytes long, too long to print whole).
    private static func difference(_ received: String, _ sent: String) -> String? {
        let (r, s) = (scalars(received), scalars(sent))
        guard r != s else { return nil }
        let index = zip(r, s).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(r.count, s.count)
        func excerpt(_ text: [Unicode.Scalar]) -> String {
            "\"" + text[index..<min(text.count, index + 12)].map { $0.escaped(asASCII: true) }.joined() + "\""
        }
        return "differs at scalar \(index) of \(r.count) received / \(s.count) sent: received \(excerpt(r)), sent \(excerpt(s))"
    }
}
