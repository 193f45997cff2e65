import Domain
import Testing

extension StorageContract {
    /// Every entity reads back equal to what was written (times to the millisecond, every field).
    static let roundTripCases: [StorageContractCase] = [
        StorageContractCase("round trip: organization") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization
                #expect(try await storage.organization(id: org.id) == org, "organization(id: \(org.id)) should equal the inserted organization")
                #expect(try await storage.organization(slug: org.slug) == org, "organization(slug: \(org.slug)) should equal the inserted organization")
            }
            let all = fixture.tenants.map(\.organization).sorted { $0.id < $1.id }
            #expect(try await storage.organizations() == all, "organizations() should list both organizations ordered by id")
        },
        StorageContractCase("round trip: user") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                for user in tenant.users {
                    let org = tenant.organization.id
                    #expect(try await storage.user(id: user.id, in: org) == user, "user(id: \(user.email), in: \(tenant.organization.slug)) should equal the inserted user")
                    #expect(try await storage.user(email: user.email, in: org) == user, "user(email: \(user.email), in: \(tenant.organization.slug)) should equal the inserted user")
                }
                #expect(
                    try await storage.users(in: tenant.organization.id, role: nil) == tenant.users,
                    "users(in: \(tenant.organization.slug), role: nil) should list every user ordered by id"
                )
                for role in Role.allCases {
                    #expect(
                        try await storage.users(in: tenant.organization.id, role: role) == tenant.users.filter { $0.role == role },
                        "users(in: \(tenant.organization.slug), role: \(role)) should list exactly the \(role)s ordered by id"
                    )
                }
            }
        },
        StorageContractCase("round trip: agent profile") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization.id
                for profile in tenant.agentProfiles {
                    #expect(
                        try await storage.agentProfile(userID: profile.userID, in: org) == profile,
                        "agentProfile(userID: \(profile.userID), in: \(tenant.organization.slug)) should equal the inserted profile"
                    )
                }
                #expect(
                    try await storage.agentProfiles(in: org) == tenant.agentProfiles,
                    "agentProfiles(in: \(tenant.organization.slug)) should list every profile ordered by user id"
                )
            }
        },
        StorageContractCase("round trip: department") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization.id
                for department in tenant.departments {
                    #expect(
                        try await storage.department(id: department.id, in: org) == department,
                        "department(id: \(department.name), in: \(tenant.organization.slug)) should equal the inserted department"
                    )
                }
                #expect(
                    try await storage.departments(in: org) == tenant.departments,
                    "departments(in: \(tenant.organization.slug)) should list every department ordered by name"
                )
            }
        },
        StorageContractCase("round trip: ticket with every field") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                let org = tenant.organization.id
                for ticket in tenant.tickets {
                    let byID = try await storage.ticket(id: ticket.id, in: org)
                    #expect(byID == ticket, "ticket(id: #\(ticket.number.value), in: \(tenant.organization.slug)) should equal the inserted ticket with its allocated number")
                    let byNumber = try await storage.ticket(number: ticket.number, in: org)
                    #expect(byNumber == ticket, "ticket(number: \(ticket.number.value), in: \(tenant.organization.slug)) should equal the inserted ticket")
                }
            }
        },
        StorageContractCase("round trip: message") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                for ticket in tenant.tickets {
                    let expected = tenant.messages.filter { $0.ticketID == ticket.id }
                    let read = try await storage.messages(ticket: ticket.id, in: tenant.organization.id, includeInternal: true)
                    #expect(
                        Set(read.map(\.id)) == Set(expected.map(\.id)),
                        "messages(ticket: #\(ticket.number.value), in: \(tenant.organization.slug), includeInternal: true) should return every message of the ticket"
                    )
                    for message in expected {
                        #expect(
                            read.first { $0.id == message.id } == message,
                            "messages(ticket: #\(ticket.number.value)) should return message \(message.id) equal to the inserted one"
                        )
                    }
                }
            }
        },
        StorageContractCase("round trip: audit event") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                for ticket in tenant.tickets {
                    let expected = tenant.auditEvents.filter { $0.ticketID == ticket.id }
                    let read = try await storage.auditEvents(ticket: ticket.id, in: tenant.organization.id)
                    #expect(
                        Set(read.map(\.id)) == Set(expected.map(\.id)),
                        "auditEvents(ticket: #\(ticket.number.value), in: \(tenant.organization.slug)) should return every event of the ticket"
                    )
                    for event in expected {
                        #expect(read.first { $0.id == event.id } == event, "auditEvents(ticket: #\(ticket.number.value)) should return event \(event.kind) equal to the appended one")
                    }
                }
            }
        },
        StorageContractCase("round trip: idempotency record") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            for tenant in fixture.tenants {
                #expect(!tenant.idempotencyRecords.isEmpty, "fixture: \(tenant.organization.slug) should have idempotency records")
                for record in tenant.idempotencyRecords {
                    let read = try await storage.idempotencyRecord(organization: record.key.organizationID, user: record.key.userID, key: record.key.key)
                    #expect(read == record, "idempotencyRecord(organization: \(tenant.organization.slug), user: \(record.key.userID), key: \(record.key.key)) should equal the stored key and its ticket")
                }
            }
        },
    ]
}
