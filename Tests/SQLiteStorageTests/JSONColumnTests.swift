import Domain
import Foundation
@testable import SQLiteStorage
import Testing

/// The decoder-free reads of `JSONColumn` give exactly what the decoder gives, and leave it everything else.
@Suite struct JSONColumnTests {
    @Test(arguments: [
        [], ["vip"], ["a", "b"], ["a,b", "c"], ["with space", "ünïcödé", "emoji 🎧"], ["quote\"inside"], ["back\\slash"], ["", ""],
        ["comma,", "[bracket]"],
    ] as [[String]])
    func stringListsReadBackAsWritten(_ list: [String]) throws {
        let text = try JSONColumn.encode(list)
        #expect(try JSONColumn.decode([String].self, from: text, column: "tags") == list, "\(text) should read back as \(list)")
    }

    @Test func emptyListsAndMapsOfAnyElementReadBackEmpty() throws {
        #expect(try JSONColumn.decode([TicketID].self, from: "[]", column: "ids") == [])
        #expect(try JSONColumn.decode([String: Int].self, from: "{}", column: "map") == [:])
        #expect(try JSONColumn.decode(Set<String>.self, from: "[]", column: "set") == [])
    }

    @Test(arguments: ["[\"a\",]", "[,\"a\"]", "[\"a\" ]", "[\"a\"", "[\"a\"\"b\"]", "[1]", "[\"a\",1]", "[\"unterminated]"])
    func textTheEncoderDoesNotWriteIsLeftToTheDecoder(_ text: String) {
        #expect(JSONColumn.plainStrings(text) == nil, "\(text) should not be read without the decoder")
    }
}
