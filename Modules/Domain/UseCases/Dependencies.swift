/// The ports a use case may call. Apps build one from configuration (Bootstrap); tests from memory adapters.
public struct Dependencies: Sendable {
    public let storage: any Storage
    public let clock: any WallClock
    public let ids: any IDGenerator
    /// Real-time fan-out; best effort (see `publish`).
    public let transport: any Transport
    public let passwordHasher: any PasswordHasher
    public let secrets: any SecretGenerator

    public init(
        storage: any Storage, clock: any WallClock, ids: any IDGenerator, transport: any Transport,
        passwordHasher: any PasswordHasher, secrets: any SecretGenerator
    ) {
        self.storage = storage
        self.clock = clock
        self.ids = ids
        self.transport = transport
        self.passwordHasher = passwordHasher
        self.secrets = secrets
    }

    /// Commits a unit of work, translating storage failures into domain errors.
    func commit(_ unit: UnitOfWork) async throws(DomainError) -> CommitReceipt {
        do {
            return try await storage.commit(unit)
        } catch {
            throw DomainError(storageFailure: error)
        }
    }

    /// Runs a read, translating storage failures into domain errors.
    func read<T>(_ body: (any Storage) async throws -> T) async throws(DomainError) -> T {
        do {
            return try await body(storage)
        } catch {
            throw DomainError(storageFailure: error)
        }
    }

    /// Publishes events after their unit of work committed. Real-time delivery is best effort by design:
    /// the change is already durable, so a transport failure must not turn a success into an error
    /// (clients resynchronise with `after:`; durable notifications go through the outbox).
    func publish(_ events: [DomainEvent]) async {
        guard !events.isEmpty else { return }
        _ = try? await transport.publish(events)
    }
}

extension DomainError {
    /// How a storage failure surfaces to callers of use cases.
    init(storageFailure error: any Error) {
        switch error {
        case let domain as DomainError:
            self = domain
        case let storage as StorageError:
            switch storage {
            case .versionConflict: self = .conflict(reason: "the record was changed concurrently; reload and retry")
            case .duplicate(let constraint): self = DomainError.duplicate(constraint)
            case .missing(let entity, _): self = .notFound(entity: entity)
            case .unavailable(let reason): self = .unavailable(reason: reason)
            }
        default:
            self = .unavailable(reason: "storage failed: \(error)")
        }
    }

    static func duplicate(_ constraint: UniqueConstraint) -> DomainError {
        switch constraint {
        case .userEmail: .validation([FieldViolation(field: "email", message: "is already registered")])
        case .organizationSlug: .validation([FieldViolation(field: "slug", message: "is already taken")])
        case .departmentName: .validation([FieldViolation(field: "name", message: "is already used by another department")])
        case .agentProfile: .conflict(reason: "the user already has an agent profile")
        case .idempotencyKey: .conflict(reason: "the idempotency key is already in use")
        case .refreshTokenDigest: .conflict(reason: "the token already exists")
        case .primaryKey: .conflict(reason: "the record already exists")
        }
    }
}
