import Domain
import PostgresNIO

extension PostgresStorage {
    public func refreshToken(digest: String) async throws -> RefreshToken? {
        try await readOne("\(unescaped: RefreshTokenRow.selectSQL) WHERE digest = \(digest)", RefreshTokenRow.token(from:))
    }
}
