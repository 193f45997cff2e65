import Domain
import Foundation
import Testing

extension StorageContract {
    /// Background jobs: claimed by one holder at a time under a lease, finished by that holder only, in
    /// the same unit as the work's other effects.
    static let jobCases: [StorageContractCase] = [
        StorageContractCase("jobs: enqueue round-trips; job(id:) and jobs(kind:state:limit:) read it back") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            #expect(try await storage.job(id: FixtureID.make(6_100, 0)) == nil, "job(id: absent) on a seeded store should be nil")
            #expect(try await storage.jobs(kind: jobKind, state: .pending, limit: 10).isEmpty, "jobs(kind:state: pending) on a store without jobs should be empty")
            let none = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 10)
            #expect(none.isEmpty, "claimJobs on a store without jobs should return nothing, returned \(names(none))")

            let first = a.newJob(space: 6_101, index: 0, runAt: jobTime(-60))
            let second = b.newJob(space: 6_101, index: 1, runAt: jobTime(-90))
            let later = a.newJob(space: 6_101, index: 2, runAt: jobTime(3_600))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(first), .enqueueJob(later)]))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(second)]))
            for job in [first, second, later] {
                #expect(try await storage.job(id: job.id) == job, "job(id:) of \(job.payload) should read back the job as enqueued")
            }
            let listed = try await storage.jobs(kind: jobKind, state: .pending, limit: 10)
            #expect(listed == [second, first, later], "jobs(kind:state: pending) should list every organization's jobs by runAt: expected \(names([second, first, later])), got \(names(listed))")
            #expect(try await storage.jobs(kind: otherJobKind, state: .pending, limit: 10).isEmpty, "jobs(kind: another kind) should be empty")
            #expect(try await storage.jobs(kind: jobKind, state: .failed, limit: 10).isEmpty, "jobs(state: failed) should be empty when no job failed")

            let sameID = Job(id: first.id, organizationID: a.organization.id, kind: otherJobKind, payload: "{}", runAt: jobTime(0), createdAt: jobTime(0))
            await expectStorageError(.duplicate(.primaryKey), "commit(enqueueJob(existing id))") {
                try await storage.commit(UnitOfWork([.enqueueJob(sameID)]))
            }
            let orphan = Job(id: FixtureID.make(6_102, 0), organizationID: FixtureID.make(6_103, 0), kind: jobKind, payload: "{}", runAt: jobTime(0), createdAt: jobTime(0))
            await expectStorageError(.missing, "commit(enqueueJob(organization: absent))") {
                try await storage.commit(UnitOfWork([.enqueueJob(orphan)]))
            }
            #expect(try await storage.job(id: first.id) == first, "job(id:) should be unchanged after a refused duplicate")
            #expect(try await storage.job(id: orphan.id) == nil, "job(id:) of the job refused for an absent organization should be nil")
        },
        StorageContractCase("jobs: a claim takes due, pending, unleased jobs of its kind, oldest runAt then id, up to the limit") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let space: UInt64 = 6_110
            let oldest = a.newJob(space: space, index: 0, runAt: jobTime(-300))
            // Three with one runAt, across both organizations: their ids decide, not their insertion order.
            let tied = [a.newJob(space: space, index: 1, runAt: jobTime(-120)), a.newJob(space: space, index: 2, runAt: jobTime(-120)),
                        b.newJob(space: space, index: 3, runAt: jobTime(-120))]
            let dueNow = a.newJob(space: space, index: 4, runAt: jobNow)
            let future = a.newJob(space: space, index: 5, runAt: jobTime(1))
            let otherKind = a.newJob(space: space, index: 6, kind: otherJobKind, runAt: jobTime(-600))
            let failing = a.newJob(space: space, index: 7, runAt: jobTime(-900))
            _ = try await storage.commit(UnitOfWork([future, dueNow, otherKind].map { .enqueueJob($0) }))
            _ = try await storage.commit(UnitOfWork((tied.reversed() + [oldest, failing]).map { .enqueueJob($0) }))
            // The failed job is the oldest of its kind and must never be claimed again.
            let taken = try await storage.claimJobs(kind: jobKind, holder: "w0", now: jobNow, leaseSeconds: 60, limit: 1)
            #expect(taken == [leased(failing, to: "w0", at: jobNow, for: 60)], "claimJobs(limit: 1) should take the oldest due job, got \(names(taken))")
            _ = try await storage.commit(UnitOfWork([.failJob(failing.id, holder: "w0", error: "gave up")]))

            let due = [oldest] + tied.sorted { $0.id < $1.id } + [dueNow]
            let nothing = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 30, limit: 0)
            #expect(nothing.isEmpty, "claimJobs(limit: 0) should return nothing, returned \(names(nothing))")
            #expect(try await storage.job(id: oldest.id) == oldest, "claimJobs(limit: 0) should leave the oldest due job unleased")

            let firstTwo = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 30, limit: 2)
            let expectedFirst = due.prefix(2).map { leased($0, to: "w1", at: jobNow, for: 30) }
            #expect(firstTwo == expectedFirst, "claimJobs(w1, limit: 2) should lease \(names(expectedFirst)) with one attempt each, got \(names(firstTwo))")
            for job in expectedFirst {
                #expect(try await storage.job(id: job.id) == job, "job(id: \(job.payload)) after the claim should carry w1's lease and one attempt")
            }
            let rest = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobNow, leaseSeconds: 60, limit: 10)
            let expectedRest = due.dropFirst(2).map { leased($0, to: "w2", at: jobNow, for: 60) }
            #expect(rest == expectedRest, "claimJobs(w2) should lease the remaining due jobs \(names(expectedRest)) and no leased, future, failed or other-kind job, got \(names(rest))")
            let empty = try await storage.claimJobs(kind: jobKind, holder: "w3", now: jobNow, leaseSeconds: 60, limit: 10)
            #expect(empty.isEmpty, "claimJobs(w3) while every due job is leased should return nothing, returned \(names(empty))")
            let sweeps = try await storage.claimJobs(kind: otherJobKind, holder: "w3", now: jobNow, leaseSeconds: 60, limit: 10)
            #expect(sweeps == [leased(otherKind, to: "w3", at: jobNow, for: 60)], "claimJobs(kind: \(otherJobKind)) should take only that kind's job, got \(names(sweeps))")

            // 30 s later w1's leases end (an expiry equal to now has ended) and the future job is due; w2's still hold.
            let later = jobTime(30)
            let expired = try await storage.claimJobs(kind: jobKind, holder: "w4", now: later, leaseSeconds: 600, limit: 10)
            let expectedExpired = expectedFirst.map { leased($0, to: "w4", at: later, for: 600) } + [leased(future, to: "w4", at: later, for: 600)]
            #expect(expired == expectedExpired, "claimJobs(w4, 30 s later) should take w1's expired jobs (second attempt) and the now due one: expected \(names(expectedExpired)), got \(names(expired))")
        },
        concurrentClaimCase(claimers: 2),
        concurrentClaimCase(claimers: 8),
        StorageContractCase("jobs: an expired lease passes to another holder, and the first can no longer finish the job") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let job = a.newJob(space: 6_130, index: 0, runAt: jobTime(-10))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(job)]))
            let byFirst = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 5)
            #expect(byFirst == [leased(job, to: "w1", at: jobNow, for: 60)], "claimJobs(w1) should lease the job, got \(names(byFirst))")
            let early = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(59), leaseSeconds: 60, limit: 5)
            #expect(early.isEmpty, "claimJobs(w2) 59 s into w1's 60 s lease should return nothing, returned \(names(early))")
            let bySecond = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(61), leaseSeconds: 60, limit: 5)
            let second = leased(byFirst.first ?? job, to: "w2", at: jobTime(61), for: 60)
            #expect(bySecond == [second], "claimJobs(w2) after w1's lease expired should lease the job to w2 with a second attempt, got \(names(bySecond))")
            let late: [(String, UnitOfWork.Change)] = [
                ("completeJob", .completeJob(job.id, holder: "w1")),
                ("rescheduleJob", .rescheduleJob(job.id, holder: "w1", runAt: jobTime(300), error: "late")),
                ("failJob", .failJob(job.id, holder: "w1", error: "late")),
            ]
            for (name, change) in late {
                await expectStorageError(.versionConflict, "commit(\(name)(holder: w1)) after the job passed to w2") {
                    try await storage.commit(UnitOfWork([change]))
                }
            }
            #expect(try await storage.job(id: job.id) == second, "job(id:) after w1's refused changes should still be w2's")
            _ = try await storage.commit(UnitOfWork([.completeJob(job.id, holder: "w2")]))
            #expect(try await storage.job(id: job.id) == nil, "job(id:) after w2 completed it should be nil")
        },
        StorageContractCase("jobs: completing deletes the job; only its holder can finish it; an absent job is missing") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let claimedJob = a.newJob(space: 6_140, index: 0, runAt: jobTime(-20))
            let waiting = a.newJob(space: 6_140, index: 1, runAt: jobTime(-10))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(claimedJob), .enqueueJob(waiting)]))
            let claimed = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 1)
            #expect(claimed == [leased(claimedJob, to: "w1", at: jobNow, for: 60)], "claimJobs(limit: 1) should lease the older job, got \(names(claimed))")
            await expectStorageError(.versionConflict, "commit(completeJob(holder: w2)) of w1's job") {
                try await storage.commit(UnitOfWork([.completeJob(claimedJob.id, holder: "w2")]))
            }
            let unleased: [(String, UnitOfWork.Change)] = [
                ("completeJob", .completeJob(waiting.id, holder: "w1")),
                ("rescheduleJob", .rescheduleJob(waiting.id, holder: "w1", runAt: jobTime(60), error: "e")),
                ("failJob", .failJob(waiting.id, holder: "w1", error: "e")),
            ]
            for (name, change) in unleased {
                await expectStorageError(.versionConflict, "commit(\(name)) of a job nobody claimed") { try await storage.commit(UnitOfWork([change])) }
            }
            #expect(try await storage.job(id: waiting.id) == waiting, "job(id:) of the unclaimed job should be unchanged by refused changes")

            _ = try await storage.commit(UnitOfWork([.completeJob(claimedJob.id, holder: "w1")]))
            #expect(try await storage.job(id: claimedJob.id) == nil, "job(id:) after completeJob should be nil")
            #expect(try await storage.jobs(kind: jobKind, state: .pending, limit: 10) == [waiting], "jobs(pending) after completeJob should list only the other job")
            let afterwards = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(86_400), leaseSeconds: 60, limit: 10)
            #expect(afterwards.map(\.id) == [waiting.id], "claimJobs a day later should find only the other job, got \(names(afterwards))")

            let absent: [(String, UnitOfWork.Change)] = [
                ("completeJob", .completeJob(claimedJob.id, holder: "w1")),
                ("rescheduleJob", .rescheduleJob(claimedJob.id, holder: "w1", runAt: jobTime(60), error: "e")),
                ("failJob", .failJob(claimedJob.id, holder: "w1", error: "e")),
                ("requeueJob", .requeueJob(claimedJob.id, organizationID: a.organization.id, runAt: jobTime(60))),
            ]
            for (name, change) in absent {
                await expectStorageError(.missing, "commit(\(name)) of a completed (deleted) job") { try await storage.commit(UnitOfWork([change])) }
            }
        },
        StorageContractCase("jobs: rescheduling releases the lease, records the error and makes the job due at its new runAt") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let job = a.newJob(space: 6_150, index: 0, runAt: jobTime(-10))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(job)]))
            _ = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 600, limit: 1)
            _ = try await storage.commit(UnitOfWork([.rescheduleJob(job.id, holder: "w1", runAt: jobTime(300), error: "smtp timeout")]))
            var expected = job
            expected.attempts = 1
            expected.runAt = jobTime(300)
            expected.lastError = "smtp timeout"
            #expect(try await storage.job(id: job.id) == expected, "job(id:) after rescheduleJob should be pending, unleased, due at the new runAt, with the error and its attempt")
            #expect(try await storage.jobs(kind: jobKind, state: .pending, limit: 10) == [expected], "jobs(pending) after rescheduleJob should list the job")
            let early = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(299), leaseSeconds: 60, limit: 10)
            #expect(early.isEmpty, "claimJobs before the new runAt should return nothing (the released lease must not make it due), returned \(names(early))")
            let due = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(300), leaseSeconds: 60, limit: 10)
            #expect(due.map(\.id) == [job.id], "claimJobs at the new runAt should take the job, got \(names(due))")
            #expect(due.first?.attempts == 2, "claimJobs after a reschedule should count a second attempt, got \(due.first?.attempts ?? 0)")
            #expect(due.first?.lease == JobLease(holder: "w2", expiresAt: jobTime(360)), "claimJobs(w2) should lease the rescheduled job to w2")
            await expectStorageError(.versionConflict, "commit(rescheduleJob(holder: w1)) after w1 released it and w2 claimed it") {
                try await storage.commit(UnitOfWork([.rescheduleJob(job.id, holder: "w1", runAt: jobTime(900), error: "again")]))
            }
        },
        StorageContractCase("jobs: failing keeps the job as failed, listed by state, never claimed again") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let space: UInt64 = 6_160
            let failA = a.newJob(space: space, index: 0, runAt: jobTime(-30))
            let failB = b.newJob(space: space, index: 1, runAt: jobTime(-60))
            let pending = a.newJob(space: space, index: 2, runAt: jobTime(-20))
            let otherKind = a.newJob(space: space, index: 3, kind: otherJobKind, runAt: jobTime(-90))
            _ = try await storage.commit(UnitOfWork([failA, failB, pending, otherKind].map { .enqueueJob($0) }))
            let claimed = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 2)
            #expect(claimed.map(\.id) == [failB.id, failA.id], "claimJobs(limit: 2) should take the two oldest, got \(names(claimed))")
            _ = try await storage.commit(UnitOfWork([.failJob(failA.id, holder: "w1", error: "bounced"), .failJob(failB.id, holder: "w1", error: "no such mailbox")]))
            var expectedA = failA, expectedB = failB
            (expectedA.state, expectedA.attempts, expectedA.lastError) = (.failed, 1, "bounced")
            (expectedB.state, expectedB.attempts, expectedB.lastError) = (.failed, 1, "no such mailbox")
            #expect(try await storage.job(id: failA.id) == expectedA, "job(id:) after failJob should be failed, unleased, with its error and attempt")
            let failed = try await storage.jobs(kind: jobKind, state: .failed, limit: 10)
            #expect(failed == [expectedB, expectedA], "jobs(state: failed) should list both organizations' failed jobs by runAt, got \(names(failed))")
            #expect(try await storage.jobs(kind: jobKind, state: .failed, limit: 1) == [expectedB], "jobs(state: failed, limit: 1) should list only the oldest")
            #expect(try await storage.jobs(kind: jobKind, state: .pending, limit: 10) == [pending], "jobs(state: pending) should no longer list the failed jobs")
            #expect(try await storage.jobs(kind: otherJobKind, state: .failed, limit: 10).isEmpty, "jobs(kind: another kind, state: failed) should be empty")
            let later = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(86_400), leaseSeconds: 60, limit: 10)
            #expect(later.map(\.id) == [pending.id], "claimJobs a day later should take only the pending job, never a failed one, got \(names(later))")
            await expectStorageError(.versionConflict, "commit(failJob) of a job that already failed") {
                try await storage.commit(UnitOfWork([.failJob(failA.id, holder: "w1", error: "again")]))
            }
            await expectStorageError(.versionConflict, "commit(completeJob) of a failed job") {
                try await storage.commit(UnitOfWork([.completeJob(failA.id, holder: "w1")]))
            }
            #expect(try await storage.job(id: failA.id) == expectedA, "job(id:) of a failed job should be unchanged by refused changes")
        },
        StorageContractCase("jobs: requeue sends a failed job back with zero attempts; a pending job cannot be requeued") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first, b = fixture.second
            let job = a.newJob(space: 6_170, index: 0, runAt: jobTime(-10))
            let waiting = a.newJob(space: 6_170, index: 1, runAt: jobTime(86_400))
            let foreign = b.newJob(space: 6_170, index: 2, kind: otherJobKind, runAt: jobTime(-10))
            _ = try await storage.commit(UnitOfWork([job, waiting, foreign].map { .enqueueJob($0) }))
            // Two attempts (the first lease expires), then the second holder gives up.
            _ = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 10, limit: 1)
            _ = try await storage.claimJobs(kind: jobKind, holder: "w2", now: jobTime(10), leaseSeconds: 10, limit: 1)
            _ = try await storage.claimJobs(kind: otherJobKind, holder: "w3", now: jobNow, leaseSeconds: 10, limit: 1)
            _ = try await storage.commit(UnitOfWork([.failJob(job.id, holder: "w2", error: "gave up"), .failJob(foreign.id, holder: "w3", error: "gave up")]))
            #expect(try await storage.job(id: job.id)?.attempts == 2, "job(id:) after two claims should count two attempts")

            _ = try await storage.commit(UnitOfWork([.requeueJob(job.id, organizationID: a.organization.id, runAt: jobTime(600))]))
            let requeued = try #require(try await storage.job(id: job.id), "job(id:) after requeueJob should exist")
            #expect(requeued.state == .pending, "job(id:) after requeueJob should be pending, is \(requeued.state)")
            #expect(requeued.attempts == 0, "job(id:) after requeueJob should have zero attempts, has \(requeued.attempts)")
            #expect(requeued.runAt == jobTime(600), "job(id:) after requeueJob should be due at the given runAt, is \(requeued.runAt)")
            #expect(requeued.lease == nil, "job(id:) after requeueJob should be unleased")
            #expect(
                (requeued.organizationID, requeued.kind, requeued.payload, requeued.createdAt) == (job.organizationID, job.kind, job.payload, job.createdAt),
                "requeueJob should keep the job's organization, kind, payload and creation time"
            )
            #expect(try await storage.jobs(kind: jobKind, state: .failed, limit: 10).isEmpty, "jobs(state: failed) after requeueJob should no longer list it")
            #expect(try await storage.claimJobs(kind: jobKind, holder: "w4", now: jobTime(599), leaseSeconds: 60, limit: 10).isEmpty, "claimJobs before the requeued runAt should return nothing")
            let again = try await storage.claimJobs(kind: jobKind, holder: "w4", now: jobTime(600), leaseSeconds: 60, limit: 10)
            #expect(again.map(\.id) == [job.id] && again.first?.attempts == 1, "claimJobs at the requeued runAt should take it as a first attempt, got \(names(again)) with attempts \(again.map(\.attempts))")

            await expectStorageError(.versionConflict, "commit(requeueJob) of a pending, leased job") {
                try await storage.commit(UnitOfWork([.requeueJob(job.id, organizationID: a.organization.id, runAt: jobTime(0))]))
            }
            await expectStorageError(.versionConflict, "commit(requeueJob) of a pending job nobody claimed") {
                try await storage.commit(UnitOfWork([.requeueJob(waiting.id, organizationID: a.organization.id, runAt: jobTime(0))]))
            }
            await expectStorageError(.missing, "commit(requeueJob(absent id))") {
                try await storage.commit(UnitOfWork([.requeueJob(FixtureID.make(6_171, 0), organizationID: a.organization.id, runAt: jobTime(0))]))
            }
            await expectStorageError(.missing, "commit(requeueJob(globex's failed job, organization: acme))") {
                try await storage.commit(UnitOfWork([.requeueJob(foreign.id, organizationID: a.organization.id, runAt: jobTime(0))]))
            }
            #expect(try await storage.job(id: foreign.id)?.state == .failed, "globex's failed job should stay failed after a requeue through acme's id")
            #expect(try await storage.job(id: waiting.id) == waiting, "the pending job should be unchanged by a refused requeue")
        },
        StorageContractCase("jobs: finishing or enqueueing a job commits atomically with the unit's other changes") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let a = fixture.first
            let org = a.organization.id
            let ticket = a.tickets[2]
            let stale = a.tickets[3]
            let seededEvents = a.auditEvents.filter { $0.ticketID == ticket.id }
            let job = a.newJob(space: 6_180, index: 0, runAt: jobTime(-10))
            _ = try await storage.commit(UnitOfWork([.enqueueJob(job)]))
            let claimed = try await storage.claimJobs(kind: jobKind, holder: "w1", now: jobNow, leaseSeconds: 60, limit: 1)
            let held = leased(job, to: "w1", at: jobNow, for: 60)
            #expect(claimed == [held], "claimJobs(w1) should lease the job, got \(names(claimed))")
            let event = a.newAuditEvent(for: ticket, space: 6_181, index: 0)
            let followUp = a.newJob(space: 6_182, index: 0, kind: otherJobKind, runAt: jobTime(60))
            let finishes: [(String, UnitOfWork.Change)] = [
                ("completeJob", .completeJob(job.id, holder: "w1")),
                ("rescheduleJob", .rescheduleJob(job.id, holder: "w1", runAt: jobTime(300), error: "e")),
                ("failJob", .failJob(job.id, holder: "w1", error: "e")),
            ]
            for (name, finish) in finishes {
                let label = "commit(\(name), appendAuditEvent, enqueueJob, updateTicket(stale version))"
                await expectStorageError(.versionConflict, label) {
                    try await storage.commit(UnitOfWork([
                        finish, .appendAuditEvent(event), .enqueueJob(followUp), .updateTicket(a.changed(stale), expectedVersion: stale.version + 5),
                    ]))
                }
                #expect(try await storage.job(id: job.id) == held, "\(label) failed: the job should still be leased to w1, unchanged")
                #expect(try await storage.auditEvents(ticket: ticket.id, in: org) == seededEvents, "\(label) failed: its audit event should not be stored")
                #expect(try await storage.job(id: followUp.id) == nil, "\(label) failed: the job it enqueued should not be stored")
            }
            _ = try await storage.commit(UnitOfWork([.completeJob(job.id, holder: "w1"), .appendAuditEvent(event), .enqueueJob(followUp)]))
            #expect(try await storage.job(id: job.id) == nil, "commit(completeJob, appendAuditEvent, enqueueJob): the completed job should be gone")
            #expect(try await storage.auditEvents(ticket: ticket.id, in: org) == seededEvents + [event], "commit(completeJob, appendAuditEvent, enqueueJob): the event should be stored")
            #expect(try await storage.job(id: followUp.id) == followUp, "commit(completeJob, appendAuditEvent, enqueueJob): the follow-up job should be stored")
        },
    ]

    /// `claimers` workers claim in small batches at one instant until nothing is left: every one of 200 jobs
    /// goes to exactly one of them, leased to it with one attempt.
    static func concurrentClaimCase(claimers: Int) -> StorageContractCase {
        StorageContractCase("jobs: \(claimers) concurrent claimers over 200 jobs never receive the same job and together receive all") { storage, _ in
            let fixture = StorageFixture.canonical
            try await fixture.seed(into: storage)
            let tenants = fixture.tenants
            let jobs = (0..<200).map { index in
                tenants[index % 2].newJob(space: 6_120, index: index, runAt: jobTime(-(index % 17)))
            }
            _ = try await storage.commit(UnitOfWork(jobs.map { .enqueueJob($0) }))
            let batch = 7
            let received = try await withThrowingTaskGroup(of: (String, [[Job]]).self) { group in
                for claimer in 0..<claimers {
                    group.addTask {
                        let holder = "worker-\(claimer)"
                        var batches: [[Job]] = []
                        while true {
                            let claimed = try await storage.claimJobs(kind: jobKind, holder: holder, now: jobNow, leaseSeconds: 3_600, limit: batch)
                            if claimed.isEmpty { return (holder, batches) }
                            batches.append(claimed)
                            await Task.yield()
                        }
                    }
                }
                return try await group.reduce(into: [(String, [[Job]])]()) { $0.append($1) }
            }
            var holderOf: [JobID: String] = [:]
            var repeated: [String] = []
            for (holder, batches) in received {
                for claimed in batches {
                    #expect(claimed.count <= batch, "claimJobs(limit: \(batch)) by \(holder) returned \(claimed.count) jobs")
                    let ordered = claimed.sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
                    #expect(claimed.map(\.id) == ordered.map(\.id), "claimJobs by \(holder) should return its batch by runAt then id, got \(names(claimed))")
                    for job in claimed {
                        #expect(job.lease?.holder == holder && job.attempts == 1, "claimJobs by \(holder) returned \(job.payload) with lease \(String(describing: job.lease)) and \(job.attempts) attempts")
                        if let other = holderOf[job.id] { repeated.append("\(job.payload) to \(other) and \(holder)") }
                        holderOf[job.id] = holder
                    }
                }
            }
            #expect(repeated.isEmpty, "\(claimers) concurrent claimers should never receive the same job: \(repeated)")
            let missed = jobs.filter { holderOf[$0.id] == nil }
            #expect(missed.isEmpty, "\(claimers) concurrent claimers together should receive all 200 jobs; nobody received \(names(missed))")
            for job in jobs {
                guard let holder = holderOf[job.id] else { continue }
                let stored = try await storage.job(id: job.id)
                #expect(stored == leased(job, to: holder, at: jobNow, for: 3_600), "job(id: \(job.payload)) should be stored leased to \(holder), the claimer that received it, with one attempt")
            }
        }
    }
}
