import Domain
import Foundation
import PostgresTransport
import Testing
import TransportContract

/// `PostgresTransport` as the contract sees it: each case gets a namespace (table and channel) of its
/// own on the test server; peers are further instances on that namespace, as other processes would be.
struct PostgresTransportSubject: TransportContractSubject {
    var capabilities: Set<TransportCapability> { [.countsSubscribers, .evictsOldestBeyondRetention, .spansInstances] }
    var subscriberBufferSize: Int { 100 }
    var retainedEventCount: Int { 150 }

    func makeTransport() async throws -> any Transport {
        let namespace = "case_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return try await RunningTransports.shared.start(try PostgresTransportTestServer.configuration(namespace: String(namespace)))
    }

    func makePeer(of transport: any Transport) async throws -> any Transport {
        try await RunningTransports.shared.start(try postgres(transport).configuration, peerOf: postgres(transport))
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

    /// Stops `transport` and its peers, waiting until their connections are closed.
    func stop(_ transport: PostgresTransport) async {
        guard let entry = runners.removeValue(forKey: ObjectIdentifier(transport)) else { return }
        for peer in entry.peers { await stop(peer) }
        entry.task.cancel()
        await entry.task.value
    }
}

@Suite(.postgresServer) struct PostgresTransportContractTests {
    @Test(arguments: TransportContract.cases)
    func contract(_ contractCase: TransportContractCase) async throws {
        try await contractCase.run(against: PostgresTransportSubject())
    }
}
