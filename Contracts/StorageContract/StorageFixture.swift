import Domain
import Foundation
import Testing

/// The canonical dataset every case starts from: two organizations with users of every role,
/// agent profiles, departments, tickets with every field set, threads with internal notes, audit
/// events and idempotency records. Built by the contract itself, identically for every adapter.
public struct StorageFixture: Sendable {
    /// Organization "acme": the tenant most cases work in.
    public let first: Tenant
    /// Organization "globex": the other tenant, for isolation checks. Some of its data mirrors the
    /// first tenant's on purpose (same customer email, same department names, same ticket numbers).
    public let second: Tenant

    public var tenants: [Tenant] { [first, second] }

    /// The one dataset the contract uses.
    public static let canonical = StorageFixture()

    init() {
        first = Tenant(space: 1_000, slug: "acme", name: "Acme Travel", ticketCount: 30, prefix: "ACM")
        second = Tenant(space: 2_000, slug: "globex", name: "Globex Support", ticketCount: 9, prefix: "GLX")
    }

    /// Writes the whole dataset into `storage` through `commit(_:)`, the way use cases would: one unit
    /// per organization setup, and one unit per ticket with its creation audit event, alternating between
    /// the tenants so that their ticket numbers are allocated side by side.
    public func seed(into storage: any Storage) async throws {
        for tenant in tenants {
            var unit = UnitOfWork([.insertOrganization(tenant.organization)])
            unit.append(contentsOf: tenant.users.map { .insertUser($0) })
            unit.append(contentsOf: tenant.departments.map { .insertDepartment($0) })
            unit.append(contentsOf: tenant.agentProfiles.map { .insertAgentProfile($0) })
            _ = try await storage.commit(unit)
        }
        let longest = tenants.map(\.tickets.count).max() ?? 0
        for index in 0..<longest {
            for tenant in tenants where index < tenant.tickets.count {
                let ticket = tenant.tickets[index]
                var unit = UnitOfWork([.insertTicket(ticket, idempotencyKey: tenant.idempotencyKey(forTicketAt: index))])
                unit.append(contentsOf: tenant.auditEvents.filter { $0.ticketID == ticket.id && $0.kind == .created }.map { .appendAuditEvent($0) })
                let receipt = try await storage.commit(unit)
                #expect(
                    receipt.ticketNumbers == [ticket.id: ticket.number],
                    "seed: commit(insertTicket #\(index) of \(tenant.organization.slug)) should allocate number \(ticket.number.value)"
                )
            }
        }
        for tenant in tenants {
            _ = try await storage.commit(UnitOfWork(tenant.messages.map { .insertMessage($0) }))
            _ = try await storage.commit(UnitOfWork(tenant.auditEvents.filter { $0.kind != .created }.map { .appendAuditEvent($0) }))
        }
    }
}
