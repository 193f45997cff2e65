import Domain
import Foundation
import Testing

/// The pure parts of attachments: hashing, type detection, filename sanitising, limits.
@Suite struct AttachmentPrimitivesTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256MatchesTheStandardVectors(_ input: String, _ expected: String) {
        var hasher = SHA256()
        hasher.update(Data(input.utf8))
        #expect(hasher.hexDigest() == expected, "SHA256(\"\(input)\")")
    }

    @Test func sha256IsTheSameWhateverTheChunking() {
        let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
        var whole = SHA256()
        whole.update(million)
        var pieces = SHA256()
        var offset = 0
        for size in [1, 63, 64, 65, 127, 1000, 4096] .lazy.cycled() {
            guard offset < million.count else { break }
            let end = min(offset + size, million.count)
            pieces.update(million.subdata(in: offset..<end))
            offset = end
        }
        #expect(whole.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "SHA256 of a million 'a'")
        #expect(pieces.hexDigest() == whole.hexDigest(), "SHA256 fed in odd chunks")
    }

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "x.jpg", "image/png"),
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 16], "photo.png", "image/jpeg"),
        (Array("GIF89a".utf8) + [1, 0], "a.gif", "image/gif"),
        (Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8 ".utf8), "a.webp", "image/webp"),
        (Array("%PDF-1.7\n".utf8), "a.pdf", "application/pdf"),
        (Array("name,amount\nü,1\n".utf8), "export.CSV", "text/csv; charset=utf-8"),
        (Array("2026-01-01 boot\n".utf8), "server.log", "text/plain; charset=utf-8"),
    ] as [([UInt8], String, String)])
    func detectsAllowedTypesByContent(_ bytes: [UInt8], _ name: String, _ type: String) {
        #expect(ContentTypeDetector.detect(prefix: Data(bytes), filename: name)?.contentType == type, "detect(\(name))")
    }

    @Test(arguments: [
        [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], // a Windows executable ("MZ")
        [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01], // ELF
        [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], // ZIP: not in §3's list
        Array("text with a NUL \u{0} inside".utf8),
        [0xC3, 0x28, 0x41], // invalid UTF-8
    ] as [[UInt8]])
    func refusesEverythingElse(_ bytes: [UInt8]) {
        #expect(ContentTypeDetector.detect(prefix: Data(bytes), filename: "innocent.png") == nil, "detect(\(bytes.prefix(4)) named .png)")
    }

    @Test func utf8ValidationSpansChunks() {
        let text = Array("é€😀".utf8)
        var validator = UTF8Validator()
        for byte in text { _ = [byte].withUnsafeBytes { validator.feed($0) } }
        #expect(validator.isComplete, "UTF-8 fed byte by byte")
        var cut = UTF8Validator()
        _ = text.dropLast().withUnsafeBytes { cut.feed($0) }
        #expect(cut.isValid && !cut.isComplete, "a sequence cut at the end is valid so far but not complete")
    }

    @Test(arguments: [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\evil\\report.pdf", "report.pdf"),
        ("a\"b;c\r\nSet-Cookie: x=1.png", "a_b_cSet-Cookie_ x=1.png"),
        ("invoice\u{202E}gnp.exe", "invoicegnp.exe"),
        ("...", "file"),
        ("", "file"),
        ("  .hidden  ", "hidden"),
        ("Grüße 報告.txt", "Grüße 報告.txt"),
    ])
    func filenamesAreMadeSafe(_ raw: String, _ safe: String) {
        #expect(SafeFilename.make(raw) == safe, "SafeFilename.make(\(raw.debugDescription))")
    }

    @Test func longFilenamesKeepTheirExtension() {
        let safe = SafeFilename.make(String(repeating: "x", count: 500) + ".png")
        #expect(safe.count == SafeFilename.maximumLength && safe.hasSuffix(".png"), "a 500-character name is cut to \(SafeFilename.maximumLength) keeping .png")
    }

    @Test func limitsDefaultToSection3AndRefuseMoreThanTheHardCap() throws {
        #expect(AttachmentLimits.default.imageBytes == 5 * 1024 * 1024 && AttachmentLimits.default.documentBytes == 25 * 1024 * 1024, "§3 defaults")
        #expect(throws: DomainError.self, "a document limit over 100 MB") {
            try AttachmentLimits(imageBytes: 1, documentBytes: AttachmentLimits.hardCapBytes + 1).validated()
        }
        #expect(try AttachmentLimits(imageBytes: 1, documentBytes: AttachmentLimits.hardCapBytes).validated().documentBytes == AttachmentLimits.hardCapBytes)
    }
}

extension Sequence {
    /// The sequence repeated forever.
    fileprivate func cycled() -> some Sequence<Element> {
        let items = Array(self)
        return sequence(state: 0) { index -> Element? in
            defer { index += 1 }
            return items[index % items.count]
        }
    }
}
