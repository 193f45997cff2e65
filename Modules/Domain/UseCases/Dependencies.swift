/// The ports a use case may call. Apps build one from configuration (Bootstrap); tests from memory adapters.
public struct Dependencies: Sendable {
    public let storage: any Storage
    public let clock: any WallClock
    public let ids: any IDGenerator
    /// Real-time fan-out; fed by `EventRelay` from the committed event outbox.
    public let transport: any Transport
    public let passwordHasher: any PasswordHasher
    public let secrets: any SecretGenerator
    /// Wakes this process's event relay after a commit that recorded events.
    public let relaySignal: EventRelaySignal

    public init(
        storage: any Storage, clock: any WallClock, ids: any IDGenerator, transport: any Transport,
        passwordHasher: any PasswordHasher, secrets: any SecretGenerator, relaySignal: EventRelaySignal = EventRelaySignal()
    ) {
        self.relaySignal = relaySignal
        self.storage = storage
        self.clock = clock
        self.ids = ids
        self.transport = transport
        self.passwordHasher = passwordHasher
        self.secrets = secrets
    }

    /// Commits a unit of work, translating storage failures into domain errors.
    /// Wakes the event relay when the unit recorded events.
    func commit(_ unit: UnitOfWork) async throws(DomainError) -> CommitReceipt {
        do {
            let receipt = try await storage.commit(unit)
            if unit.changes.contains(where: { if case .recordEvent = $0 { true } else { false } }) { eventsCommitted() }
            return receipt
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

    /// Call after a commit whose unit recorded events (`UnitOfWork.record(_:)`): wakes the event relay so
    /// they reach subscribers now. The events are durable already; this only shortens the wait.
    func eventsCommitted() {
        relaySignal.signal()
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
