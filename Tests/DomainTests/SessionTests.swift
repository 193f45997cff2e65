import Domain
import Foundation
import Memory
import Testing

/// Refresh-token rotation, reuse detection and logout, with the manual clock.
struct SessionTests {
    @Test func refreshRotatesAndAReusedTokenRevokesTheFamily() async throws {
        let w = try await World.make()
        let sessions = SessionUseCases(w.deps)
        let first = try await sessions.login(email: "a1@acme.test", password: "password1")
        #expect(first.user.id == w.agent1.userID)
        let second = try await sessions.refresh(first.refreshSecret)
        #expect(second.refreshSecret != first.refreshSecret)

        await #expect(throws: DomainError.unauthenticated(reason: "refresh token reuse detected; every session of this login was revoked")) {
            try await sessions.refresh(first.refreshSecret)
        }
        // The thief's replay also killed the legitimate successor.
        await #expect(throws: DomainError.unauthenticated(reason: "refresh token reuse detected; every session of this login was revoked")) {
            try await sessions.refresh(second.refreshSecret)
        }
        // Another login is a separate family and unaffected.
        let other = try await sessions.login(email: "a1@acme.test", password: "password1")
        #expect(try await sessions.refresh(other.refreshSecret).user.id == w.agent1.userID)
    }

    @Test func expiredAndLoggedOutTokensAreRefused() async throws {
        let w = try await World.make()
        let sessions = SessionUseCases(w.deps, refreshLifetime: 3600)
        let session = try await sessions.login(email: "c1@acme.test", password: "password1")
        w.clock.advance(by: 3601)
        await #expect(throws: DomainError.unauthenticated(reason: "invalid or expired refresh token")) {
            try await sessions.refresh(session.refreshSecret)
        }
        let fresh = try await sessions.login(email: "c1@acme.test", password: "password1")
        try await sessions.logout(fresh.refreshSecret)
        try await sessions.logout(fresh.refreshSecret) // idempotent
        await #expect(throws: DomainError.self) { try await sessions.refresh(fresh.refreshSecret) }
        await #expect(throws: DomainError.unauthenticated(reason: "invalid or expired refresh token")) {
            try await sessions.refresh("never-issued")
        }
    }

    @Test func concurrentRefreshesWithOneTokenLetAtMostOneThrough() async throws {
        let w = try await World.make()
        let sessions = SessionUseCases(w.deps)
        let session = try await sessions.login(email: "a2@acme.test", password: "password1")
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<6 { group.addTask { (try? await sessions.refresh(session.refreshSecret)) != nil } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count <= 1)
    }
}
