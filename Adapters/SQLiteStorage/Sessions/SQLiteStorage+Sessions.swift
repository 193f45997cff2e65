import Domain
import GRDB

extension SQLiteStorage {
    public func refreshToken(digest: String) async throws -> RefreshToken? {
        try await read { db in
            try db.row(sql: "\(RefreshTokenRow.selectSQL) WHERE digest = ?", arguments: [digest])
                .map(RefreshTokenRow.token(from:))
        }
    }
}
