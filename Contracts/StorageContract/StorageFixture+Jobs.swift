import Domain
import Foundation

extension StorageFixture.Tenant {
    /// A pending, unleased job that is not in the seed: id from `space` (scrambled, so that id order is not
    /// index order), due at `runAt`, created a day before the epoch.
    func newJob(space: UInt64, index: Int, kind: String = StorageContract.jobKind, runAt: Date) -> Job {
        Job(
            id: FixtureID.scrambled(space, index), organizationID: organization.id, kind: kind,
            payload: #"{"tenant":"\#(organization.slug)","index":\#(index)}"#, runAt: runAt,
            createdAt: FixtureTime.at(minutes: -1_440, milliseconds: index % 1_000)
        )
    }
}

extension StorageContract {
    /// The kind most job cases enqueue and claim.
    static let jobKind = "contract.deliver"
    /// Another kind, which claims of `jobKind` must leave alone.
    static let otherJobKind = "contract.sweep"
    /// The instant job cases claim at, unless they let time pass.
    static let jobNow = FixtureTime.at(minutes: 1_000)

    /// `jobNow` moved by whole seconds.
    static func jobTime(_ seconds: Int) -> Date {
        jobNow.addingTimeInterval(TimeInterval(seconds))
    }

    /// `job` as a claim by `holder` at `now` returns it: leased until `now + leaseSeconds`, one more attempt.
    static func leased(_ job: Job, to holder: String, at now: Date, for leaseSeconds: Int) -> Job {
        var claimed = job
        claimed.lease = JobLease(holder: holder, expiresAt: now.addingTimeInterval(TimeInterval(leaseSeconds)))
        claimed.attempts += 1
        return claimed
    }

    /// `jobs` by payload (tenant and index), in order, for readable expectation messages.
    static func names(_ jobs: [Job]) -> String {
        "[" + jobs.map(\.payload).joined(separator: ", ") + "]"
    }
}
