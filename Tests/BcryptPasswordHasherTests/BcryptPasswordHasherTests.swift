import BcryptPasswordHasher
import Domain
import Testing

/// The lowest cost bcrypt allows keeps these tests fast; the rules do not depend on the cost.
private let hasher = BcryptPasswordHasher(cost: 4)

@Test func hashIsNotThePasswordAndNamesItsCost() async throws {
    let hash = try await hasher.hash("correct horse")
    #expect(hash != "correct horse", "hash(\"correct horse\") returned the password")
    #expect(!hash.contains("correct horse"), "hash(\"correct horse\") contains the password: \(hash)")
    #expect(hash.hasPrefix("$2b$04$"), "hash at cost 4 should be a $2b$04$ bcrypt hash, got \(hash)")
    #expect(hash.utf8.count == 60, "a bcrypt hash is 60 characters, got \(hash.utf8.count): \(hash)")
}

@Test func defaultCostIsTwelve() {
    #expect(BcryptPasswordHasher().cost == 12)
}

@Test func verifyAcceptsTheRightPasswordOnly() async throws {
    let hash = try await hasher.hash("correct horse")
    #expect(try await hasher.verify("correct horse", against: hash), "verify(right password) should be true")
    #expect(try await !hasher.verify("correct horsE", against: hash), "verify(wrong password) should be false")
    #expect(try await !hasher.verify("", against: hash), "verify(empty password) should be false")
}

@Test func twoHashesOfOnePasswordDifferBecauseOfTheSalt() async throws {
    let first = try await hasher.hash("same password")
    let second = try await hasher.hash("same password")
    #expect(first != second, "two hashes of one password are equal (no salt?): \(first)")
    #expect(try await hasher.verify("same password", against: first))
    #expect(try await hasher.verify("same password", against: second))
}

@Test(arguments: [
    "", "not a hash", "$2b$04$", "$2b$04$tooshort", "$2x$04$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234",
    "$2b$99$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234", "$2b$0a$abcdefghijklmnopqrstuu", "$",
    "plain-text-password", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
])
func verifyIsFalseForAMalformedHash(_ malformed: String) async throws {
    #expect(try await !hasher.verify("password", against: malformed), "verify(\"password\", against: \"\(malformed)\") should be false")
}

@Test func verifyReadsHashesMadeByOtherBcryptImplementations() async throws {
    // A published test vector of the original bcrypt (OpenBSD / Openwall), cost 5.
    let vector = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"
    #expect(try await hasher.verify("U*U", against: vector), "verify(\"U*U\") against the Openwall vector")
    #expect(try await !hasher.verify("U*V", against: vector), "verify(\"U*V\") against the Openwall vector")
}

@Test func seventyTwoBytesAreHashedInFull() async throws {
    let password = String(repeating: "é", count: 36) // 72 UTF-8 bytes
    let hash = try await hasher.hash(password)
    #expect(try await hasher.verify(password, against: hash), "verify(72-byte password)")
    #expect(try await !hasher.verify(String(password.dropLast()) + "e", against: hash), "verify(last character changed)")
}

@Test func passwordsBcryptWouldTruncateAreRefused() async throws {
    let long = String(repeating: "a", count: 73)
    await #expect(throws: DomainError.invalid("password", "must be at most 72 bytes long"), "hash(73 bytes)") {
        try await hasher.hash(long)
    }
    await #expect(throws: DomainError.invalid("password", "must not contain a NUL character"), "hash(\"abc\\0def\")") {
        try await hasher.hash("abc\u{0}def")
    }
    // A longer password sharing the first 72 bytes of a stored one must not log in.
    let stored = try await hasher.hash(String(repeating: "a", count: 72))
    #expect(try await !hasher.verify(long, against: stored), "verify(73 bytes) against the hash of its first 72")
    let short = try await hasher.hash("abc")
    #expect(try await !hasher.verify("abc\u{0}def", against: short), "verify(\"abc\\0def\") against hash(\"abc\")")
}

@Test func manyConcurrentHashesAllComplete() async throws {
    // Far more calls than cores: the dedicated queue must take them all without deadlocking the pool.
    let results = try await withThrowingTaskGroup(of: Bool.self) { group in
        for index in 0..<32 {
            group.addTask {
                let hash = try await hasher.hash("password \(index)")
                return try await hasher.verify("password \(index)", against: hash)
            }
        }
        return try await group.reduce(into: [Bool]()) { $0.append($1) }
    }
    #expect(results.count == 32 && results.allSatisfy { $0 }, "32 concurrent hash+verify: \(results)")
}
