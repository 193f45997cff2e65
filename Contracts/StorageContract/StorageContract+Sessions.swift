import Domain
import Foundation
import Testing

extension StorageContract {
    /// Refresh tokens: stored by digest, consumed once, revoked by family, within their organization.
    static let sessionCases: [StorageContractCase] = [
        StorageContractCase("refresh tokens: round trip, and lookup by exact digest in any organization") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            #expect(try await storage.refreshToken(digest: "sha256:never-issued") == nil, "refreshToken(digest: never issued) on a seeded store should be nil")
            let family = tokenFamily(6_000, 0)
            let fresh = a.newRefreshToken(space: 6_001, index: 0, family: family)
            let spent = a.newRefreshToken(
                space: 6_001, index: 1, family: family, user: a.customer,
                consumedAt: FixtureTime.at(minutes: 200, milliseconds: 13), revokedAt: FixtureTime.at(minutes: 300, milliseconds: 14)
            )
            let elsewhere = b.newRefreshToken(space: 6_002, index: 0, family: tokenFamily(6_000, 1))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(fresh), .insertRefreshToken(spent)]))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(elsewhere)]))
            for (label, token) in [("fresh", fresh), ("consumed and revoked", spent), ("globex's", elsewhere)] {
                #expect(try await storage.refreshToken(digest: token.digest) == token, "refreshToken(digest:) of the \(label) token should read back the token as inserted")
            }
            #expect(try await storage.refreshToken(digest: fresh.digest.uppercased()) == nil, "refreshToken(digest: \(fresh.digest.uppercased())) should be nil: digests match exactly")
            #expect(try await storage.refreshToken(digest: String(fresh.digest.dropLast())) == nil, "refreshToken(digest: a prefix of a digest) should be nil")
        },
        StorageContractCase("refresh tokens: a digest exists once across organizations, and a failed rotation consumes nothing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let original = a.newRefreshToken(space: 6_010, index: 0, family: tokenFamily(6_010, 0))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(original)]))
            let twin = RefreshToken(
                id: FixtureID.make(6_011, 0), organizationID: b.organization.id, userID: b.agent.id, familyID: tokenFamily(6_010, 1),
                digest: original.digest, issuedAt: original.issuedAt, expiresAt: original.expiresAt
            )
            await expectStorageError(.duplicate(.refreshTokenDigest), "commit(insertRefreshToken(digest of acme's token, in globex))") {
                try await storage.commit(UnitOfWork([.insertRefreshToken(twin)]))
            }
            let sameID = RefreshToken(
                id: original.id, organizationID: a.organization.id, userID: a.agent.id, familyID: original.familyID,
                digest: "sha256:another-digest", issuedAt: original.issuedAt, expiresAt: original.expiresAt
            )
            await expectStorageError(.duplicate(.primaryKey), "commit(insertRefreshToken(existing id, new digest))") {
                try await storage.commit(UnitOfWork([.insertRefreshToken(sameID)]))
            }
            // A rotation whose successor is refused leaves the presented token usable.
            let successor = RefreshToken(
                id: FixtureID.make(6_011, 1), organizationID: a.organization.id, userID: a.agent.id, familyID: original.familyID,
                digest: original.digest, issuedAt: FixtureTime.at(minutes: 500), expiresAt: FixtureTime.at(minutes: 50_000)
            )
            await expectStorageError(.duplicate(.refreshTokenDigest), "commit(consumeRefreshToken, insertRefreshToken(duplicate digest))") {
                try await storage.commit(UnitOfWork([
                    .consumeRefreshToken(original.id, organizationID: a.organization.id, at: FixtureTime.at(minutes: 500)),
                    .insertRefreshToken(successor),
                ]))
            }
            #expect(try await storage.refreshToken(digest: original.digest) == original, "refreshToken(digest:) after refused duplicates should be the original, unconsumed")
            #expect(try await storage.refreshToken(digest: "sha256:another-digest") == nil, "refreshToken(digest:) of the refused same-id token should be nil")
        },
        StorageContractCase("refresh tokens: a token is consumed once; consumed, revoked or absent tokens cannot be consumed") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let family = tokenFamily(6_020, 0)
            let first = a.newRefreshToken(space: 6_021, index: 0, family: family)
            let second = a.newRefreshToken(space: 6_021, index: 1, family: family)
            let revoked = a.newRefreshToken(space: 6_021, index: 2, family: tokenFamily(6_020, 1))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(first), .insertRefreshToken(revoked)]))
            _ = try await storage.commit(UnitOfWork([.revokeRefreshTokenFamily(revoked.familyID, organizationID: org, at: FixtureTime.at(minutes: 150))]))

            // A rotation: the presented token is consumed and its successor stored, together.
            let consumedAt = FixtureTime.at(minutes: 160, milliseconds: 5)
            _ = try await storage.commit(UnitOfWork([.consumeRefreshToken(first.id, organizationID: org, at: consumedAt), .insertRefreshToken(second)]))
            var consumed = first
            consumed.consumedAt = consumedAt
            #expect(try await storage.refreshToken(digest: first.digest) == consumed, "refreshToken(digest:) after consumeRefreshToken should carry consumedAt and nothing else changed")
            #expect(try await storage.refreshToken(digest: second.digest) == second, "refreshToken(digest:) of the successor stored with the consume should read back")

            await expectStorageError(.versionConflict, "commit(consumeRefreshToken(already consumed))") {
                try await storage.commit(UnitOfWork([.consumeRefreshToken(first.id, organizationID: org, at: FixtureTime.at(minutes: 170))]))
            }
            #expect(try await storage.refreshToken(digest: first.digest) == consumed, "a refused second consume should keep the first consumedAt")
            await expectStorageError(.versionConflict, "commit(consumeRefreshToken(revoked, never consumed))") {
                try await storage.commit(UnitOfWork([.consumeRefreshToken(revoked.id, organizationID: org, at: FixtureTime.at(minutes: 170))]))
            }
            #expect(try await storage.refreshToken(digest: revoked.digest)?.consumedAt == nil, "a refused consume of a revoked token should leave consumedAt nil")
            await expectStorageError(.missing, "commit(consumeRefreshToken(absent id))") {
                try await storage.commit(UnitOfWork([.consumeRefreshToken(FixtureID.make(6_022, 0), organizationID: org, at: FixtureTime.at(minutes: 170))]))
            }
            // A refused consume takes the rest of its unit with it.
            let third = a.newRefreshToken(space: 6_021, index: 3, family: family)
            await expectStorageError(.versionConflict, "commit(consumeRefreshToken(already consumed), insertRefreshToken(successor))") {
                try await storage.commit(UnitOfWork([.consumeRefreshToken(first.id, organizationID: org, at: FixtureTime.at(minutes: 180)), .insertRefreshToken(third)]))
            }
            #expect(try await storage.refreshToken(digest: third.digest) == nil, "the successor of a refused rotation should not be stored")
        },
        StorageContractCase("refresh tokens: of 8 concurrent rotations of one token exactly one succeeds") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let family = tokenFamily(6_030, 0)
            let presented = a.newRefreshToken(space: 6_031, index: 0, family: family)
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(presented)]))
            let successors = (1...8).map { a.newRefreshToken(space: 6_031, index: $0, family: family) }
            let outcomes = await withTaskGroup(of: (Int, StorageError?).self) { group in
                for (index, successor) in successors.enumerated() {
                    group.addTask {
                        do {
                            _ = try await storage.commit(UnitOfWork([
                                .consumeRefreshToken(presented.id, organizationID: org, at: FixtureTime.at(minutes: 200, milliseconds: index)),
                                .insertRefreshToken(successor),
                            ]))
                            return (index, nil)
                        } catch let error as StorageError {
                            return (index, error)
                        } catch {
                            return (index, .unavailable(reason: "non-storage error \(error)"))
                        }
                    }
                }
                return await group.reduce(into: [(Int, StorageError?)]()) { $0.append($1) }
            }
            let winners = outcomes.filter { $0.1 == nil }.map(\.0)
            #expect(winners.count == 1, "8 concurrent commit(consumeRefreshToken(same token), insertRefreshToken(successor)) should let exactly one through, let \(winners.count)")
            for (index, error) in outcomes {
                if let error {
                    #expect(ExpectedStorageError.versionConflict.matches(error), "losing rotation #\(index) should fail with versionConflict, got \(error)")
                }
            }
            var stored: [Int] = []
            for (index, successor) in successors.enumerated() {
                if try await storage.refreshToken(digest: successor.digest) != nil { stored.append(index) }
            }
            #expect(stored == winners, "only the winning rotation's successor should be stored: stored \(stored), winners \(winners)")
        },
        StorageContractCase("refresh tokens: revoking a family revokes its not yet revoked tokens and nothing else") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let org = a.organization.id
            let family = tokenFamily(6_040, 0)
            let earlier = FixtureTime.at(minutes: 120, milliseconds: 1)
            let now = FixtureTime.at(minutes: 400, milliseconds: 2)
            let live = a.newRefreshToken(space: 6_041, index: 0, family: family)
            let consumed = a.newRefreshToken(space: 6_041, index: 1, family: family, consumedAt: FixtureTime.at(minutes: 110))
            let alreadyRevoked = a.newRefreshToken(space: 6_041, index: 2, family: family, revokedAt: earlier)
            let otherFamily = a.newRefreshToken(space: 6_041, index: 3, family: tokenFamily(6_040, 1))
            // The same family id in the other organization is not this family.
            let otherTenant = b.newRefreshToken(space: 6_042, index: 0, family: family)
            _ = try await storage.commit(UnitOfWork([live, consumed, alreadyRevoked, otherFamily].map { .insertRefreshToken($0) }))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(otherTenant)]))

            _ = try await storage.commit(UnitOfWork([.revokeRefreshTokenFamily(family, organizationID: org, at: now)]))
            var expected = [live, consumed, alreadyRevoked, otherFamily, otherTenant]
            expected[0].revokedAt = now
            expected[1].revokedAt = now
            for (label, token) in zip(["live", "consumed", "already revoked (keeps its time)", "of another family", "of globex, same family id"], expected) {
                #expect(try await storage.refreshToken(digest: token.digest) == token, "refreshToken(digest:) of the \(label) token after revokeRefreshTokenFamily should be \(token.revokedAt.map { "revoked at \($0)" } ?? "unrevoked")")
            }
            // Revoking again or revoking a family without tokens is not an error and changes nothing.
            _ = try await storage.commit(UnitOfWork([.revokeRefreshTokenFamily(family, organizationID: org, at: FixtureTime.at(minutes: 500))]))
            _ = try await storage.commit(UnitOfWork([.revokeRefreshTokenFamily(tokenFamily(6_040, 9), organizationID: org, at: FixtureTime.at(minutes: 500))]))
            for token in expected {
                #expect(try await storage.refreshToken(digest: token.digest) == token, "refreshToken(digest: \(token.digest)) should be unchanged by a repeated or unknown-family revoke")
            }
        },
        StorageContractCase("refresh tokens: another organization's id cannot issue, consume or revoke a token") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let token = a.newRefreshToken(space: 6_051, index: 0, family: tokenFamily(6_050, 0))
            _ = try await storage.commit(UnitOfWork([.insertRefreshToken(token)]))
            let foreignUser = RefreshToken(
                id: FixtureID.make(6_051, 1), organizationID: a.organization.id, userID: b.agent.id, familyID: tokenFamily(6_050, 1),
                digest: "sha256:foreign-user", issuedAt: token.issuedAt, expiresAt: token.expiresAt
            )
            await expectStorageError(.missing, "commit(insertRefreshToken(organization: acme, user: globex's agent))") {
                try await storage.commit(UnitOfWork([.insertRefreshToken(foreignUser)]))
            }
            let absentUser = RefreshToken(
                id: FixtureID.make(6_051, 2), organizationID: a.organization.id, userID: FixtureID.make(6_052, 0), familyID: tokenFamily(6_050, 1),
                digest: "sha256:absent-user", issuedAt: token.issuedAt, expiresAt: token.expiresAt
            )
            await expectStorageError(.missing, "commit(insertRefreshToken(user: absent))") {
                try await storage.commit(UnitOfWork([.insertRefreshToken(absentUser)]))
            }
            await expectStorageError(.missing, "commit(consumeRefreshToken(acme's token, organization: globex))") {
                try await storage.commit(UnitOfWork([.consumeRefreshToken(token.id, organizationID: b.organization.id, at: FixtureTime.at(minutes: 200))]))
            }
            _ = try await storage.commit(UnitOfWork([.revokeRefreshTokenFamily(token.familyID, organizationID: b.organization.id, at: FixtureTime.at(minutes: 200))]))
            #expect(try await storage.refreshToken(digest: token.digest) == token, "acme's token should be neither consumed nor revoked through globex's id")
            #expect(try await storage.refreshToken(digest: foreignUser.digest) == nil, "refreshToken(digest:) of the token refused for another organization's user should be nil")
            #expect(try await storage.refreshToken(digest: absentUser.digest) == nil, "refreshToken(digest:) of the token refused for an absent user should be nil")
        },
    ]
}
