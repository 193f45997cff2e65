@testable import API
import Domain
import Foundation
import Testing

/// `DirectJSONEncoder` writes what Foundation's `JSONEncoder` writes (compared as parsed JSON: Foundation's key
/// order is not stable), for the API's own responses and for every shape of container.
struct DirectJSONEncoderTests {
    private func expectSameJSON(_ value: some Encodable, _ comment: Comment) throws {
        let direct = try DirectJSONEncoder().encode(value)
        let foundation = try JSONCoding.encoder.encode(value)
        let parsedDirect = try JSONSerialization.jsonObject(with: Data(direct), options: [.fragmentsAllowed]) as? NSObject
        let parsedFoundation = try JSONSerialization.jsonObject(with: foundation, options: [.fragmentsAllowed]) as? NSObject
        #expect(parsedDirect == parsedFoundation, "\(comment): \(String(decoding: direct, as: UTF8.self)) vs \(String(decoding: foundation, as: UTF8.self))")
    }

    @Test func aTicketWithEveryKindOfFieldReadsTheSame() throws {
        let at = Date(millisecondsSince1970: 1_767_225_600_123)
        let ticket = Ticket(
            id: TicketID(UUID()), organizationID: OrganizationID(UUID()), number: TicketNumber(42), customerID: UserID(UUID()),
            contact: Contact(name: "Zoë \"Q\" O'Neil\n", phone: "+44 20 7946 0000"), subject: "Tab\there / slash", description: "é🎧\u{1}",
            tags: ["vip", "refund"], customFields: [
                "order": .text("A-1"), "amount": .number(12.5), "count": .number(3), "tiny": .number(1e-7), "big": .number(1e21),
                "gift": .bool(false), "due": .date(at), "sizes": .list(["S", "M"]),
            ],
            assigneeID: UserID(UUID()), requiredSkills: ["billing"], language: "de", createdAt: at)
        try expectSameJSON(TicketResponse(ticket, prefix: "T", showsInternal: true, sla: nil), "a staff view without SLA")
        try expectSameJSON(TicketResponse(ticket, prefix: "T", showsInternal: false, sla: nil), "a customer view")
        try expectSameJSON(ListResponse(items: [TicketResponse(ticket, prefix: "T", showsInternal: true, sla: nil)], nextCursor: "abc"), "a list page")
        try expectSameJSON(ListResponse(items: [TicketResponse](), nextCursor: nil), "an empty list page")
    }

    private struct Shapes: Encodable {
        struct Empty: Encodable {}
        struct Nested: Encodable {
            let values: [Int?]
            let more: [[String]]
            let map: [String: Double]
        }

        let empty = Empty()
        let absent: String? = nil
        @Nullable var explicitNull: Int? = nil
        let numbers: [Double] = [1, 1.5, 0.1, 1e21, 1e-7, -0.0, 3e15, 1e16, 12_345_678_901_234_567_890, 5e-324]
        let floats: [Float] = [0.1, 2.5]
        let integers: [Int64] = [0, -1, .max, .min]
        let unsigned: [UInt8] = [0, 255]
        let flags = [true, false]
        let text = "\"\\/\u{8}\u{c}\n\r\t\u{1f}\u{7f}\u{2028}é🎧"
        let nested = [Nested(values: [1, nil, 3], more: [[], ["a"]], map: [:]), Nested(values: [], more: [], map: ["x": 2])]
        let emptyList: [String] = []

        func encode(to encoder: any Encoder) throws {
            // Synthesized for the stored properties, plus a hand-written nested container and super encoder.
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(empty, forKey: .init("empty"))
            try container.encodeIfPresent(absent, forKey: .init("absent"))
            try container.encode(_explicitNull, forKey: .init("explicitNull"))
            try container.encode(numbers, forKey: .init("numbers"))
            try container.encode(floats, forKey: .init("floats"))
            try container.encode(integers, forKey: .init("integers"))
            try container.encode(unsigned, forKey: .init("unsigned"))
            try container.encode(flags, forKey: .init("flags"))
            try container.encode(text, forKey: .init("text"))
            var inner = container.nestedContainer(keyedBy: Key.self, forKey: .init("inner"))
            try inner.encode(1, forKey: .init("a"))
            var list = inner.nestedUnkeyedContainer(forKey: .init("list"))
            try list.encode("x")
            try list.encodeNil()
            var deep = list.nestedContainer(keyedBy: Key.self)
            try deep.encode(true, forKey: .init("deep"))
            try container.encode(nested, forKey: .init("nested"))
            try container.encode(emptyList, forKey: .init("emptyList"))
        }

        struct Key: CodingKey {
            let stringValue: String
            var intValue: Int? { nil }
            init(_ string: String) { stringValue = string }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    @Test func everyShapeOfContainerReadsTheSame() throws {
        try expectSameJSON(Shapes(), "every container shape")
        try expectSameJSON([Shapes(), Shapes()], "a top-level list")
        try expectSameJSON("top-level \"string\"", "a top-level string")
        try expectSameJSON(Shapes.Empty(), "a value that writes nothing")
    }

    @Test func nonFiniteNumbersAreRefusedLikeFoundationDoes() {
        #expect(throws: EncodingError.self) { try DirectJSONEncoder().encode([Double.nan]) }
        #expect(throws: EncodingError.self) { try DirectJSONEncoder().encode(["x": Double.infinity]) }
    }
}
