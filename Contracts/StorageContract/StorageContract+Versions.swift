import Domain
import Testing

extension StorageContract {
    /// Optimistic concurrency: updates apply only on the version they read; absent records are `.missing`.
    static let versionCases: [StorageContractCase] = [
        StorageContractCase("version: an update with the read version is stored with the entity's own version") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let ticket = a.changed(a.fullTicket) { $0.tags = ["reopened"]; $0.resolution = nil; $0.reopenCount += 1 }
            var user = a.agent
            user.name = "Aino A. Agent"; user.phone = nil; user.isActive = false; user.version += 1
            var profile = a.agentProfiles[0]
            profile.availability = .offline; profile.skills = []; profile.employeeID = nil; profile.version += 1
            var department = a.billing
            department.name = "Payments"; department.tier = 3; department.version += 1
            _ = try await storage.commit(UnitOfWork([
                .updateTicket(ticket, expectedVersion: a.fullTicket.version),
                .updateUser(user, expectedVersion: a.agent.version),
                .updateAgentProfile(profile, expectedVersion: a.agentProfiles[0].version),
                .updateDepartment(department, expectedVersion: a.billing.version),
            ]))
            #expect(try await storage.ticket(id: ticket.id, in: org) == ticket, "updateTicket(expectedVersion: read) should store the ticket as written")
            #expect(try await storage.ticket(number: ticket.number, in: org) == ticket, "ticket(number:) after an update should return the updated ticket")
            #expect(try await storage.user(id: user.id, in: org) == user, "updateUser(expectedVersion: read) should store the user as written")
            #expect(try await storage.agentProfile(userID: profile.userID, in: org) == profile, "updateAgentProfile(expectedVersion: read) should store the profile as written")
            #expect(try await storage.department(id: department.id, in: org) == department, "updateDepartment(expectedVersion: read) should store the department as written")
            #expect(try await storage.departments(in: org).map(\.name) == ["General Support", "Payments"], "departments(in:) after a rename should still be ordered by name")
        },
        StorageContractCase("version: a stale expectedVersion fails with versionConflict and changes nothing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            for stale in [-1, 1] {
                let ticket = a.tickets[7]
                await expectStorageError(.versionConflict, "commit(updateTicket(expectedVersion: stored\(stale > 0 ? "+" : "")\(stale)))") {
                    try await storage.commit(UnitOfWork([.updateTicket(a.changed(ticket), expectedVersion: ticket.version + stale)]))
                }
                var user = a.secondAgent
                user.name = "Changed"; user.version += 1
                await expectStorageError(.versionConflict, "commit(updateUser(expectedVersion: stored\(stale > 0 ? "+" : "")\(stale)))") {
                    try await storage.commit(UnitOfWork([.updateUser(user, expectedVersion: a.secondAgent.version + stale)]))
                }
                var profile = a.agentProfiles[1]
                profile.tier = 3; profile.version += 1
                await expectStorageError(.versionConflict, "commit(updateAgentProfile(expectedVersion: stored\(stale > 0 ? "+" : "")\(stale)))") {
                    try await storage.commit(UnitOfWork([.updateAgentProfile(profile, expectedVersion: a.agentProfiles[1].version + stale)]))
                }
                var department = a.generalSupport
                department.description = "Changed"; department.version += 1
                await expectStorageError(.versionConflict, "commit(updateDepartment(expectedVersion: stored\(stale > 0 ? "+" : "")\(stale)))") {
                    try await storage.commit(UnitOfWork([.updateDepartment(department, expectedVersion: a.generalSupport.version + stale)]))
                }
            }
            #expect(try await storage.ticket(id: a.tickets[7].id, in: org) == a.tickets[7], "ticket(id:) after refused stale updates should be unchanged")
            #expect(try await storage.user(id: a.secondAgent.id, in: org) == a.secondAgent, "user(id:) after refused stale updates should be unchanged")
            #expect(try await storage.agentProfile(userID: a.agentProfiles[1].userID, in: org) == a.agentProfiles[1], "agentProfile after refused stale updates should be unchanged")
            #expect(try await storage.department(id: a.generalSupport.id, in: org) == a.generalSupport, "department after refused stale updates should be unchanged")
        },
        StorageContractCase("version: the second of two updates from the same read fails with versionConflict") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let read = a.tickets[2]
            let first = a.changed(read) { $0.priority = .high }
            let second = a.changed(read) { $0.priority = .low }
            _ = try await storage.commit(UnitOfWork([.updateTicket(first, expectedVersion: read.version)]))
            await expectStorageError(.versionConflict, "commit(updateTicket(expectedVersion: the version both writers read)) after the first writer committed") {
                try await storage.commit(UnitOfWork([.updateTicket(second, expectedVersion: read.version)]))
            }
            #expect(try await storage.ticket(id: read.id, in: a.organization.id) == first, "ticket(id:) should keep the first writer's update")
        },
        StorageContractCase("version: of concurrent updates from the same read exactly one wins") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let read = a.tickets[4]
            let writers = 12
            let outcomes = await withTaskGroup(of: (Int, Result<CommitReceipt, any Error>).self) { group in
                for writer in 0..<writers {
                    let update = a.changed(read) { $0.subject = "writer \(writer)" }
                    group.addTask {
                        do { return (writer, .success(try await storage.commit(UnitOfWork([.updateTicket(update, expectedVersion: read.version)])))) }
                        catch { return (writer, .failure(error)) }
                    }
                }
                var all: [(Int, Result<CommitReceipt, any Error>)] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let winners = outcomes.filter { if case .success = $0.1 { true } else { false } }.map(\.0)
            #expect(winners.count == 1, "\(writers) concurrent commit(updateTicket(expectedVersion: \(read.version))) should let exactly one succeed, \(winners.count) did")
            for (writer, outcome) in outcomes {
                if case .failure(let error) = outcome {
                    #expect(ExpectedStorageError.versionConflict.matches(error as? StorageError ?? .unavailable(reason: "\(error)")), "concurrent writer \(writer) should fail with versionConflict, got \(error)")
                }
            }
            let stored = try await storage.ticket(id: read.id, in: a.organization.id)
            if let winner = winners.first {
                #expect(stored?.subject == "writer \(winner)", "ticket(id:) should hold the winning writer's update")
            }
        },
        StorageContractCase("missing: an update of an absent record fails with missing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let ghostTicket = a.newTicket(space: 5_030, index: 0)
            await expectStorageError(.missing, "commit(updateTicket(absent id))") {
                try await storage.commit(UnitOfWork([.updateTicket(ghostTicket, expectedVersion: 1)]))
            }
            let ghostUser = User(id: FixtureID.make(5_031, 0), organizationID: org, email: EmailAddress("ghost@acme.test")!, name: "Ghost",
                                 role: .agent, passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(updateUser(absent id))") {
                try await storage.commit(UnitOfWork([.updateUser(ghostUser, expectedVersion: 1)]))
            }
            // The customer exists but has no profile.
            let ghostProfile = AgentProfile(userID: a.customer.id, organizationID: org, createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(updateAgentProfile(user without a profile))") {
                try await storage.commit(UnitOfWork([.updateAgentProfile(ghostProfile, expectedVersion: 1)]))
            }
            let ghostDepartment = Department(id: FixtureID.make(5_032, 0), organizationID: org, name: "Ghosts", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(updateDepartment(absent id))") {
                try await storage.commit(UnitOfWork([.updateDepartment(ghostDepartment, expectedVersion: 1)]))
            }
            #expect(try await storage.ticket(id: ghostTicket.id, in: org) == nil, "ticket(id:) after a refused update of an absent ticket should still be nil (no upsert)")
            #expect(try await storage.user(id: ghostUser.id, in: org) == nil, "user(id:) after a refused update of an absent user should still be nil (no upsert)")
            #expect(try await storage.agentProfile(userID: a.customer.id, in: org) == nil, "agentProfile after a refused update should still be nil (no upsert)")
            #expect(try await storage.department(id: ghostDepartment.id, in: org) == nil, "department(id:) after a refused update should still be nil (no upsert)")
        },
        StorageContractCase("missing: records referring to an absent organization, user or ticket fail with missing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let nowhere: OrganizationID = FixtureID.make(5_040, 0)
            let stray = User(id: FixtureID.make(5_041, 0), organizationID: nowhere, email: EmailAddress("stray@nowhere.test")!, name: "Stray",
                             role: .customer, passwordHash: "h", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(insertUser(in an absent organization))") { try await storage.commit(UnitOfWork([.insertUser(stray)])) }
            let strayDepartment = Department(id: FixtureID.make(5_042, 0), organizationID: nowhere, name: "Nowhere", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(insertDepartment(in an absent organization))") {
                try await storage.commit(UnitOfWork([.insertDepartment(strayDepartment)]))
            }
            let strayTicket = Ticket(id: FixtureID.make(5_043, 0), organizationID: nowhere, customerID: stray.id, contact: Contact(name: "Stray"),
                                     subject: "s", description: "d", createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(insertTicket(in an absent organization))") {
                try await storage.commit(UnitOfWork([.insertTicket(strayTicket, idempotencyKey: nil)]))
            }
            let profile = AgentProfile(userID: FixtureID.make(5_044, 0), organizationID: org, createdAt: FixtureTime.at(minutes: 0))
            await expectStorageError(.missing, "commit(insertAgentProfile(of an absent user))") {
                try await storage.commit(UnitOfWork([.insertAgentProfile(profile)]))
            }
            let ghost = a.newTicket(space: 5_045, index: 0)
            await expectStorageError(.missing, "commit(insertMessage(on an absent ticket))") {
                try await storage.commit(UnitOfWork([.insertMessage(a.newMessage(on: ghost, space: 5_046, index: 0))]))
            }
            await expectStorageError(.missing, "commit(appendAuditEvent(of an absent ticket))") {
                try await storage.commit(UnitOfWork([.appendAuditEvent(a.newAuditEvent(for: ghost, space: 5_047, index: 0))]))
            }
            #expect(try await storage.users(email: stray.email).isEmpty, "users(email:) after a refused insert into an absent organization should be empty")
            #expect(try await storage.agentProfiles(in: org) == a.agentProfiles, "agentProfiles(in:) after a refused insert should be unchanged")
        },
    ]
}
