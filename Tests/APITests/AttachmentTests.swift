import Bootstrap
import Domain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Memory
import NIOCore
import Testing

/// Uploads and downloads through real HTTP: types by content, limits while streaming, who sees what.
@Suite struct AttachmentTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) + Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) })

    @Test func aPNGUploadsAndDownloadsByteIdenticalWithItsChecksum() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let upload = try await api.upload(Self.png, filename: "screen.png", to: ticket)
            #expect(upload.status == .created, "upload: \(upload.text)")
            let id = try #require(upload.json["id"].string)
            var hasher = SHA256()
            hasher.update(Self.png)
            #expect(upload.json["contentType"].string == "image/png" && upload.json["size"].int == Self.png.count)
            #expect(upload.json["sha256"].string == hasher.hexDigest() && upload.json["messageId"].isNull)

            let download = try await api.call(.get, "/api/v1/attachments/\(id)/content", as: "customer@acme.test")
            #expect(download.status == .ok && download.data == Self.png, "download should be byte-identical")
            #expect(download.headers[.contentType] == "image/png")
            #expect(download.headers[.contentLength] == String(Self.png.count))
            #expect(download.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            #expect(download.headers[HTTPField.Name("X-Checksum-SHA256")!] == hasher.hexDigest())
            #expect(download.headers[.contentDisposition] == "attachment; filename=\"screen.png\"; filename*=UTF-8''screen.png")
            let viaFiles = try await api.call(.get, "/api/v1/files/\(id)", as: "agent1@acme.test")
            #expect(viaFiles.status == .ok && viaFiles.data == Self.png, "§16's /files/{id} serves the same bytes")

            // Attached by a reply, it is listed with the message.
            let reply = try await api.call(.post, "/api/v1/tickets/\(ticket)/messages", as: "customer@acme.test", json: ["body": "see screenshot", "attachmentIds": [id]])
            #expect(reply.status == .created && reply.json["attachments"].array.compactMap { $0["id"].string } == [id])
            let meta = try await api.call(.get, "/api/v1/attachments/\(id)", as: "customer@acme.test")
            #expect(meta.json["messageId"].string == reply.json["id"].string)
            let thread = try await api.call(.get, "/api/v1/tickets/\(ticket)/messages", as: "agent1@acme.test")
            #expect(thread.json["items"].array.first?["attachments"].array.count == 1)
        }
    }

    @Test func anExecutableNamedPNGIsRefusedNamingTheField() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let exe = Data([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) + Data(count: 4096)
            let response = try await api.upload(exe, filename: "cute-cat.png", contentType: "image/png", to: ticket)
            #expect(response.status == .unprocessableContent && response.isProblem && response.problemFields == ["file"], "\(response.text)")
            #expect(try await api.storedKeys().isEmpty, "nothing stored")
            let notMultipart = try await api.call(.post, "/api/v1/tickets/\(ticket)/attachments", as: "customer@acme.test", json: ["file": "x"])
            #expect(notMultipart.status == .unsupportedMediaType && notMultipart.isProblem)
        }
    }

    @Test func aSixMegabyteImageIsRefusedWith413AndNothingIsStored() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let big = Self.png + Data(count: 6 * 1024 * 1024)
            let response = try await api.upload(big, filename: "huge.png", to: ticket)
            #expect(response.status == .contentTooLarge && response.isProblem && response.problemFields == ["file"], "\(response.text.prefix(300))")
            #expect(try await api.storedKeys().isEmpty, "the partial object should be deleted from the store")
            #expect(try await api.fixture.storage.attachments(ticket: TicketID(ticket)!, in: api.fixture.acme.id).isEmpty, "no attachment record")
        }
    }

    @Test func anotherCustomerGets404AndInternalNoteFilesStayWithStaff() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let mine = try #require(try await api.upload(Self.png, filename: "a.png", to: ticket).json["id"].string)
            for path in ["/api/v1/attachments/\(mine)", "/api/v1/attachments/\(mine)/content", "/api/v1/files/\(mine)"] {
                let other = try await api.call(.get, path, as: "other@acme.test")
                #expect(other.status == .notFound && other.isProblem, "another customer: GET \(path)")
                #expect(try await api.call(.get, path, as: "customer@globex.test").status == .notFound, "another organization: GET \(path)")
            }
            #expect(try await api.upload(Self.png, filename: "b.png", to: ticket, as: "other@acme.test").status == .notFound, "another customer uploads")
            #expect(try await api.call(.get, "/api/v1/tickets/\(ticket)/attachments", as: "other@acme.test").status == .notFound)

            let noteFile = try #require(try await api.upload(Self.png, filename: "logs.png", to: ticket, as: "agent1@acme.test").json["id"].string)
            let note = try await api.call(.post, "/api/v1/tickets/\(ticket)/messages", as: "agent1@acme.test", json: ["body": "debug info", "internal": true, "attachmentIds": [noteFile]])
            #expect(note.status == .created && note.json["attachments"].array.first?["internal"].bool == true)
            #expect(try await api.call(.get, "/api/v1/attachments/\(noteFile)/content", as: "customer@acme.test").status == .notFound, "customer reads a note's file")
            let customerList = try await api.call(.get, "/api/v1/tickets/\(ticket)/attachments", as: "customer@acme.test")
            #expect(customerList.json["items"].array.compactMap { $0["id"].string } == [mine], "the customer lists only their own file")
            let staffList = try await api.call(.get, "/api/v1/tickets/\(ticket)/attachments", as: "lead@acme.test")
            #expect(staffList.json["items"].array.count == 2)
        }
    }

    @Test func hostileFilenamesAreMadeSafe() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let cases: [(String, String, String)] = [
                ("../../etc/passwd.png", "passwd.png", "attachment; filename=\"passwd.png\"; filename*=UTF-8''passwd.png"),
                ("x\";y.png", "x__y.png", "attachment; filename=\"x__y.png\"; filename*=UTF-8''x__y.png"),
                ("Grüße.png", "Grüße.png", "attachment; filename=\"Gr__e.png\"; filename*=UTF-8''Gr%C3%BC%C3%9Fe.png"),
                ("inv\u{202E}gnp.exe", "invgnp.exe", "attachment; filename=\"invgnp.exe\"; filename*=UTF-8''invgnp.exe"),
            ]
            for (hostile, safe, disposition) in cases {
                let upload = try await api.upload(Self.png, filename: hostile, to: ticket)
                #expect(upload.status == .created && upload.json["filename"].string == safe, "upload named \(hostile.debugDescription)")
                let id = try #require(upload.json["id"].string)
                let download = try await api.call(.get, "/api/v1/attachments/\(id)/content", as: "customer@acme.test")
                #expect(download.headers[.contentDisposition] == disposition, "Content-Disposition for \(hostile.debugDescription)")
            }
        }
    }
}

extension TestAPI {
    /// `POST /api/v1/tickets/{id}/attachments` with one multipart part named `file`. The filename goes
    /// into `filename*` (RFC 7578 allows it) so that any name, however hostile, survives the trip.
    func upload(
        _ data: Data, filename: String, contentType: String = "application/octet-stream", to ticket: String, as email: String = "customer@acme.test",
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> APIResponse {
        let boundary = "----switchboard-test-boundary-7f3a"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored field\r\n".utf8)
        let encoded = filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "x"
        body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"upload\"; filename*=UTF-8''\(encoded)\r\nContent-Type: \(contentType)\r\n\r\n".utf8)
        body += data
        body += Data("\r\n--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.authorization: "Bearer \(try await token(email))"]
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        let path = "/api/v1/tickets/\(ticket)/attachments"
        let response = try await client.executeRequest(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        let result = APIResponse(status: response.status, headers: response.headers, data: Data(response.body.readableBytesView))
        check(result, method: .post, path: path, sourceLocation: sourceLocation)
        return result
    }

    /// The keys in the fixture's file store.
    func storedKeys() async throws -> [FileKey] {
        let files = try #require(fixture.runtime.files as? MemoryFileStore, "the fixture's file store")
        return await files.keys
    }
}

/// The cleanup service of `switchboard-worker` and the embedded API, on the fixture's manual clock.
@Suite struct AttachmentCleanupServiceTests {
    @Test func uploadsNoMessageTookAreDeletedAfterTheConfiguredTime() async throws {
        try await TestAPI.run { api in
            let ticket = try await api.openTicket()
            let kept = try #require(try await api.upload(AttachmentTests.png, filename: "kept.png", to: ticket).json["id"].string)
            _ = try await api.call(.post, "/api/v1/tickets/\(ticket)/messages", as: "customer@acme.test", json: ["body": "file", "attachmentIds": [kept]])
            let abandoned = try #require(try await api.upload(AttachmentTests.png, filename: "abandoned.png", to: ticket).json["id"].string)
            let service = AttachmentCleanupService(runtime: api.fixture.runtime)

            api.fixture.clock.advance(by: 24 * 3600 - 1)
            #expect(await service.runPass() == 0, "a day has not passed yet")
            api.fixture.clock.advance(by: 2)
            #expect(await service.runPass() == 1, "the abandoned upload is deleted once a day has passed")
            #expect(try await api.call(.get, "/api/v1/attachments/\(abandoned)", as: "customer@acme.test").status == .notFound)
            #expect(try await api.call(.get, "/api/v1/attachments/\(kept)/content", as: "customer@acme.test").data == AttachmentTests.png)
            #expect(try await api.storedKeys().count == 1, "only the used file's object remains")
        }
    }
}
