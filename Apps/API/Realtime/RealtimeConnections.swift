import Domain

/// Counts open real-time connections per user on this process, enforcing `maximumConnectionsPerUser`.
actor RealtimeConnections {
    private var open: [UserID: Int] = [:]
    let maximumPerUser: Int

    init(maximumPerUser: Int) { self.maximumPerUser = maximumPerUser }

    /// Takes a slot for `user`; false when they already hold the maximum.
    func reserve(_ user: UserID) -> Bool {
        let count = open[user, default: 0]
        guard count < maximumPerUser else { return false }
        open[user] = count + 1
        return true
    }

    /// Gives back a slot taken by `reserve`.
    func release(_ user: UserID) {
        let count = open[user, default: 0] - 1
        open[user] = count > 0 ? count : nil
    }

    /// Whether `user` could open one more connection now.
    func hasRoom(for user: UserID) -> Bool { open[user, default: 0] < maximumPerUser }

    /// Open connections in total (metrics, tests).
    var total: Int { open.values.reduce(0, +) }
}
