import ContractKit
import Domain

/// The executable specification of the `Storage` port. Every storage adapter's tests run it:
///
/// ```swift
/// @Test(arguments: StorageContract.cases)
/// func contract(_ contractCase: StorageContractCase) async throws {
///     try await contractCase.run(against: MyStorageSubject())
/// }
/// ```
public enum StorageContract {
    /// Every case, in a stable order.
    public static let cases: [StorageContractCase] =
        roundTripCases + readCases + unitOfWorkCases + versionCases + uniquenessCases + ticketNumberCases
        + idempotencyCases + isolationCases + filterCases + sortCases + paginationCases + scopeCases + threadCases
        + healthCases + outageCases + migrationCases + optionalFieldCases + sessionCases + jobCases
        + routingCases
        + notificationTemplateCases
        + eventOutboxCases
        + slaCases
        + attachmentCases
        + bulkLoadingCases
        + routingPolicyCases
        + slaVerdictCases
        + routingBatchCases
        + unitRunCases
        + auditHistoryCases
        + agentLoadCases

    /// The case with this name (for focused runs and for tests of the contract itself).
    public static func `case`(named name: String) -> StorageContractCase? {
        cases.first { $0.name == name }
    }
}
