import Domain
import Foundation
import Synchronization
import PostgresTransport
import Testing
import TestSupport
import TransportContract

/// `PostgresTransport` as the contract sees it: each case gets a namespace (table and channel) of its
/// own on the test server; peers are further instances on that namespace, as other processes would be.
struct PostgresTransportSubject: TransportContractSubject {
    var capabilities: Set<TransportCapability> { [.countsSubscribers, .evictsOldestBeyondRetention, .spansInstances] }
    var subscriberBufferSize: Int { 100 }
    var retainedEventCount: Int { 150 }

    func makeTransport() async throws -> any Transport {
        let namespace = "case_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        let transport = try await RunningTransports.shared.start(try PostgresTransportTestServer.configuration(namespace: String(namespace)))
        // Started before the case times its calls: under a saturated test process, connecting and
        // creating the table can take longer than one call's deadline, and starting is not what the
        // contract's deadlines are about.
        do {
            try await transport.waitUntilReady()
        } catch {
            await RunningTransports.shared.stop(transport)
            throw error
        }
        return transport
    }

    func makePeer(of transport: any Transport) async throws -> any Transport {
        let peer = try await RunningTransports.shared.start(try postgres(transport).configuration, peerOf: postgres(transport))
        try await peer.waitUntilReady()
        return peer
    }

    func subscriberCount(in transport: any Transport) async throws -> Int {
        try postgres(transport).subscriberCount
    }

    func tearDown(_ transport: any Transport) async throws {
        let transport = try postgres(transport)
        await RunningTransports.shared.stop(transport)
        try await PostgresTransportTestServer.execute("DROP TABLE IF EXISTS \(transport.configuration.namespace)_events", on: transport.configuration)
    }

    private func postgres(_ transport: any Transport) throws -> PostgresTransport {
        try #require(transport as? PostgresTransport, "the transport must be a PostgresTransport this subject made")
    }
}

/// The transports the subject started, each running in a task of its own as in a process, with their peers.
actor RunningTransports {
    static let shared = RunningTransports()
    private var runners: [ObjectIdentifier: (task: Task<Void, Never>, peers: [PostgresTransport])] = [:]

    func start(_ configuration: PostgresTransportConfiguration, peerOf owner: PostgresTransport? = nil) throws -> PostgresTransport {
        let transport = try PostgresTransport(configuration: configuration, logger: PostgresTransportTestServer.logger)
        let task = Task { await transport.run() }
        runners[ObjectIdentifier(transport)] = (task, [])
        if let owner { runners[ObjectIdentifier(owner)]?.peers.append(transport) }
        return transport
    }

    /// Stops `transport` and its peers, waiting until their connections are closed. A transport that does
    /// not stop within `stopLimit` fails the case instead of hanging the whole test run (seen once under a
    /// fully loaded server: the pool kept trying to connect).
    func stop(_ transport: PostgresTransport) async {
        guard let entry = runners.removeValue(forKey: ObjectIdentifier(transport)) else { return }
        for peer in entry.peers { await stop(peer) }
        entry.task.cancel()
        // Raced in unstructured tasks: awaiting a task's value cannot be cancelled, so a task group would
        // wait for it anyway.
        let task = entry.task
        let stopped = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let answered = Mutex(false)
            let answer: @Sendable (Bool) -> Void = { value in
                if answered.withLock({ done in defer { done = true }; return !done }) { continuation.resume(returning: value) }
            }
            Task { await task.value; answer(true) }
            Task { try? await Task.sleep(for: Self.stopLimit); answer(false) }
        }
        if !stopped { Issue.record("PostgresTransport.run() did not return within \(Self.stopLimit) of its task being cancelled") }
    }

    static let stopLimit: Duration = .seconds(20)
}

/// Each case has a time limit: a transport that never gets ready fails its case, not the whole run.
@Suite(.postgresServer, .timeLimit(.minutes(2))) struct PostgresTransportContractTests {
    @Test(arguments: TransportContract.cases)
    func contract(_ contractCase: TransportContractCase) async throws {
        try await contractCase.run(against: PostgresTransportSubject())
    }
}
