import Domain
import Memory
import StorageContract
import Testing

/// Proof that the storage contract has teeth: each defect makes the named cases fail.
/// `withKnownIssue` turns the expected failure into a pass, and fails the test if the case passes.
@Suite("The storage contract catches broken adapters")
struct StorageContractCatchesDefectsTests {
    /// One defect and a case that must catch it.
    struct Catch: Sendable, CustomTestStringConvertible {
        let defect: StorageDefect
        let caseName: String
        var testDescription: String { "\(defect) → \(caseName)" }
    }

    /// Which cases must catch which defect.
    static let catches: [Catch] = [
        .init(defect: .dropsAuditEvents, caseName: "unit of work: a successful unit makes the ticket change and its audit event visible together"),
        .init(defect: .dropsAuditEvents, caseName: "round trip: audit event"),
        .init(defect: .dropsAuditEvents, caseName: "audit events: returned in commit order"),
        .init(defect: .ignoresExpectedVersion, caseName: "version: a stale expectedVersion fails with versionConflict and changes nothing"),
        .init(defect: .ignoresExpectedVersion, caseName: "version: the second of two updates from the same read fails with versionConflict"),
        .init(defect: .ignoresExpectedVersion, caseName: "unit of work: a version conflict late in the unit leaves nothing of its earlier changes"),
        .init(defect: .leaksAcrossOrganizations, caseName: "tenant isolation: every query with the other organization's id sees nothing of it"),
        .init(defect: .leaksAcrossOrganizations, caseName: "attachments: round trip, per-ticket list in (createdAt, id) order, invisible to other organizations"),
        .init(defect: .commitsChangeByChange, caseName: "unit of work: a version conflict late in the unit leaves nothing of its earlier changes"),
        .init(defect: .commitsChangeByChange, caseName: "unit of work: a duplicate late in the unit leaves nothing of its earlier changes"),
        .init(defect: .reportsOutageAsNotFound, caseName: "outage: every read throws unavailable, never nil or empty"),
        .init(defect: .breaksSortTiesWrongly, caseName: "ticket list: sort by -createdAt"),
        .init(defect: .breaksSortTiesWrongly, caseName: "ticket list: sort by priority"),
        .init(defect: .ignoresParticipants, caseName: "ticket scope: agent sees assigned, taken-part and unassigned department tickets"),
        .init(defect: .throwsOnMissingRead, caseName: "missing reads return nil or empty on a seeded store"),
        .init(defect: .showsInternalNotes, caseName: "messages: thread in creation order then id, internal notes only when asked"),
        .init(defect: .ignoresTokenConsumption, caseName: "refresh tokens: a token is consumed once; consumed, revoked or absent tokens cannot be consumed"),
        .init(defect: .ignoresTokenConsumption, caseName: "refresh tokens: of 8 concurrent rotations of one token exactly one succeeds"),
        .init(defect: .ignoresJobHolder, caseName: "jobs: an expired lease passes to another holder, and the first can no longer finish the job"),
        .init(defect: .claimsFutureJobs, caseName: "jobs: a claim takes due, pending, unleased jobs of its kind, oldest runAt then id, up to the limit"),
        .init(defect: .ignoresCapacityGuard, caseName: "routing: guardAgentCapacity admits the last free slot, refuses one more and rolls the unit back"),
    ]

    @Test("a defective adapter fails the case meant to catch it", arguments: catches)
    func defectIsCaught(_ expected: Catch) async throws {
        let (defect, name) = (expected.defect, expected.caseName)
        let contractCase = try #require(StorageContract.case(named: name), "no contract case named '\(name)'")
        await withKnownIssue("\(defect) should fail '\(name)'") {
            try await contractCase.run(against: DefectiveMemorySubject(defect: defect))
        }
    }

    @Test("every defect is caught by some case")
    func everyDefectIsCovered() {
        let covered = Set(Self.catches.map(\.defect))
        #expect(covered == Set(StorageDefect.allCases), "defects without a catching case: \(Set(StorageDefect.allCases).subtracting(covered))")
    }

    /// Control: the wrapper without a defect passes the whole contract, so failures above come from the defect.
    @Test("the wrapper without a defect passes every case", arguments: StorageContract.cases)
    func controlPasses(_ contractCase: StorageContractCase) async throws {
        try await contractCase.run(against: DefectiveMemorySubject(defect: nil))
    }
}
