import Domain
import Foundation

extension StorageFixture.Tenant {
    /// A refresh token that is not in the seed, of `user` (the agent unless given): id from `space`, a
    /// digest unique to this tenant, space and index, times in whole milliseconds.
    func newRefreshToken(
        space: UInt64, index: Int, family: UUID, user: User? = nil, consumedAt: Date? = nil, revokedAt: Date? = nil
    ) -> RefreshToken {
        RefreshToken(
            id: FixtureID.make(space, index), organizationID: organization.id, userID: (user ?? agent).id, familyID: family,
            digest: "sha256:\(organization.slug)-\(space)-\(index)-Tk", issuedAt: FixtureTime.at(minutes: 100 + index, milliseconds: 11),
            expiresAt: FixtureTime.at(minutes: 43_300 + index, milliseconds: 12), consumedAt: consumedAt, revokedAt: revokedAt
        )
    }
}

extension StorageContract {
    /// A token family id that no other case uses.
    static func tokenFamily(_ space: UInt64, _ index: Int) -> UUID {
        FixtureID.make(space, index, as: RefreshToken.self).uuid
    }
}
