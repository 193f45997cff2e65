/// What one scenario at one concurrency measured.
struct Sample: Sendable, Codable {
    let scenario: String
    let concurrency: Int
    let requests: Int
    let errors: Int
    let seconds: Double
    let throughput: Double
    let p50Milliseconds: Double
    let p95Milliseconds: Double
    let p99Milliseconds: Double
    /// The first error seen, to say why errors happened.
    let firstError: String?

    init(scenario: String, concurrency: Int, latencies: [Double], errors: Int, seconds: Double, firstError: String?) {
        self.scenario = scenario
        self.concurrency = concurrency
        self.requests = latencies.count
        self.errors = errors
        self.seconds = seconds
        self.throughput = seconds > 0 ? Double(latencies.count - errors) / seconds : 0
        let sorted = latencies.sorted()
        func percentile(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)] * 1000
        }
        p50Milliseconds = percentile(0.50)
        p95Milliseconds = percentile(0.95)
        p99Milliseconds = percentile(0.99)
        self.firstError = firstError
    }
}
