import Foundation
import Testing
import TestSupport

/// The README's run command on a fresh folder: `switchboard-api --demo` migrates, seeds, listens, and the
/// demo customer and agent can work a ticket from open to resolved over real HTTP.
@Suite(.serialized) struct EmbeddedServerTests {
    @Test func theDemoCustomerAndAgentWorkATicketOnAFreshInstall() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let server = try APIServerProcess(arguments: ["--demo"], in: folder, port: try freeLocalPort())
        do {
            try await server.waitUntilListening()
            #expect(server.stdout.contains("customer@example.com / customer123"), "it prints how to log in: \(server.stdout)")
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("var/switchboard.db").path))
            let secretFile = folder.appendingPathComponent("var/jwt-secret").path
            let permissions = try FileManager.default.attributesOfItem(atPath: secretFile)[.posixPermissions] as? Int
            #expect(permissions == 0o600, "the generated signing secret is the owner's only")

            #expect(try await server.call("GET", "/readyz").status == 200)
            let customerLogin = try await server.call("POST", "/api/v1/auth/login", json: ["email": "customer@example.com", "password": "customer123"])
            #expect(customerLogin.status == 200)
            let customer = try #require(customerLogin.json["accessToken"].string)
            let opened = try await server.call("POST", "/api/v1/tickets", token: customer, json: [
                "subject": "Package arrived damaged", "description": "The box was crushed.", "category": "complaint",
            ])
            #expect(opened.status == 201)
            let id = try #require(opened.json["id"].string)
            #expect(opened.json["number"].string == "TKT-000004", "after the three demo tickets")

            let agent = try #require(try await server.call("POST", "/api/v1/auth/login", json: ["email": "agent1@example.com", "password": "agent123"]).json["accessToken"].string)
            let taken = try await server.call("POST", "/api/v1/tickets/\(id)/take", token: agent)
            #expect(taken.status == 200 && taken.json["status"].string == "assigned")
            #expect(try await server.call("POST", "/api/v1/tickets/\(id)/messages", token: agent, json: ["body": "Sorry! A replacement is on its way."]).status == 201)
            let resolved = try await server.call("POST", "/api/v1/tickets/\(id)/resolve", token: agent, json: ["resolutionType": "solved", "summary": "Replacement sent"])
            #expect(resolved.status == 200 && resolved.json["status"].string == "resolved")

            let seen = try await server.call("GET", "/api/v1/tickets/\(id)/messages", token: customer)
            #expect(seen.json["items"].array.compactMap { $0["body"].string } == ["Sorry! A replacement is on its way."])
            #expect(try await server.call("GET", "/api/v1/tickets/\(id)", token: customer).json["status"].string == "resolved")
            #expect(await server.stop() == 0, "SIGTERM shuts it down gracefully: \(server.stderr)")

            // A restart keeps the data and the signing key: the customer's token still works.
            let again = try APIServerProcess(arguments: ["--demo"], in: folder, port: try freeLocalPort())
            defer { again.terminate() }
            try await again.waitUntilListening()
            #expect(again.stdout.contains("demo organization present"))
            #expect(try await again.call("GET", "/api/v1/tickets/\(id)", token: customer).json["status"].string == "resolved")
        } catch {
            _ = await server.stop()
            throw error
        }
    }
}
