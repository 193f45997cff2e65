import Domain

/// A notifier that records what it delivers: domain and worker tests read `deliveries` to see which
/// notifications went out, and flip `failDeliveries(with:)` to exercise retries.
public actor MemoryNotifier: Notifier {
    /// Every notification delivered, in delivery order (a redelivery appears again).
    public private(set) var deliveries: [Notification] = []
    private var failure: NotifierError?

    public init() {}

    public func deliver(_ notification: Notification) throws {
        if let failure { throw failure }
        deliveries.append(notification)
    }

    /// Makes every later delivery throw `error` without recording it, as a broken medium would;
    /// `nil` makes deliveries succeed again.
    public func failDeliveries(with error: NotifierError?) {
        failure = error
    }
}
