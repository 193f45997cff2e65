import Domain
import Testing
@testable import LocalFileStore

/// The key → path mapping: readable for ordinary keys, injective, and never producing a name the
/// file system would misread.
@Suite struct ObjectPathTests {
    private func relativePath(_ raw: String) throws -> String {
        let path = ObjectPath(try FileKey(raw))
        return (path.directories + [path.metadataName]).joined(separator: "/")
    }

    @Test func `ordinary lower-case keys keep their names`() throws {
        let path = ObjectPath(try FileKey("tickets/42/screenshot.png"))
        #expect(path.directories == ["tickets", "42"], "directories of tickets/42/screenshot.png")
        #expect(path.metadataName == "screenshot.png@meta", "sidecar name of tickets/42/screenshot.png")
        #expect(path.dataName(version: "v") == "screenshot.png@v", "data name of tickets/42/screenshot.png")
    }

    @Test func `upper-case letters are escaped so case-insensitive disks keep keys apart`() throws {
        let path = ObjectPath(try FileKey("Docs/ReadMe.TXT"))
        #expect(path.directories == ["^docs"], "directories of Docs/ReadMe.TXT")
        #expect(path.stem == "^read^me.^t^x^t", "stem of Docs/ReadMe.TXT")
    }

    @Test func `long segments are cut into pieces that fit a file name and are never dot names`() throws {
        let path = ObjectPath(try FileKey(String(repeating: "x", count: 300)))
        #expect(path.directories == [String(repeating: "x", count: 100) + "@"], "continuation piece of a 300-character segment")
        #expect(path.stem == String(repeating: "x", count: 200), "last piece of a 300-character segment")

        let dots = ObjectPath(try FileKey(String(repeating: ".", count: 201)))
        #expect(dots.directories == [".@"], "continuation piece of 201 dots")
        #expect(dots.stem == String(repeating: ".", count: 200), "last piece of 201 dots")
    }

    @Test func `different keys never share a path, and no name is unsafe`() throws {
        let keys = [
            "a", "A", "a/b", "ab", "a.b", "a/B", "A/b",
            String(repeating: "x", count: 200) + "y", String(repeating: "x", count: 200) + "/y",
            String(repeating: "x", count: 201), String(repeating: "x", count: 200) + "/x",
            String(repeating: "Q", count: 512), String(repeating: "q", count: 256) + "/" + String(repeating: "Q", count: 255),
            "...", "....", "a/..." , "-", "_/-",
        ]
        var seen: [String: String] = [:]
        for raw in keys {
            let path = try relativePath(raw)
            if let other = seen[path] { Issue.record("keys \(other.debugDescription) and \(raw.debugDescription) share the path \(path)") }
            seen[path] = raw
            let object = ObjectPath(try FileKey(raw))
            for name in object.directories + [object.metadataName, object.dataName(version: "01234567-89ab-cdef-0123-456789abcdef")] {
                #expect(name != "." && name != ".." && !name.isEmpty && !name.contains("/"), "unsafe name \(name.debugDescription) for key \(raw)")
                #expect(name.utf8.count <= 255, "name of \(name.utf8.count) bytes for key \(raw)")
                #expect(!name.hasPrefix("@"), "name \(name) for key \(raw) could collide with the store's own entries")
                #expect(name == name.lowercased(), "name \(name) for key \(raw) has upper-case letters")
            }
        }
    }
}
