import Foundation

/// Runs one operation from `concurrency` clients at once until `requests` operations were made or
/// `maximumSeconds` passed, whichever comes first; every operation's latency is kept.
enum LoadRunner {
    static func run(
        scenario: String, concurrency: Int, requests: Int, maximumSeconds: Double,
        operation: @escaping @Sendable (_ index: Int) async throws -> Void
    ) async -> Sample {
        let started = ContinuousClock.now
        let deadline = started.advanced(by: .milliseconds(Int(maximumSeconds * 1000)))
        let perClient = max(1, requests / concurrency)
        let results = await withTaskGroup(of: ([Double], Int, String?).self) { group in
            for client in 0..<concurrency {
                group.addTask {
                    var latencies: [Double] = []
                    latencies.reserveCapacity(perClient)
                    var errors = 0
                    var firstError: String?
                    for step in 0..<perClient {
                        if ContinuousClock.now >= deadline { break }
                        let begin = ContinuousClock.now
                        do {
                            try await operation(client * perClient + step)
                        } catch {
                            errors += 1
                            if firstError == nil { firstError = String(describing: error) }
                        }
                        latencies.append(seconds(ContinuousClock.now - begin))
                    }
                    return (latencies, errors, firstError)
                }
            }
            var all: [([Double], Int, String?)] = []
            for await result in group { all.append(result) }
            return all
        }
        return Sample(
            scenario: scenario, concurrency: concurrency, latencies: results.flatMap(\.0), errors: results.reduce(0) { $0 + $1.1 },
            seconds: seconds(ContinuousClock.now - started), firstError: results.compactMap(\.2).first)
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
