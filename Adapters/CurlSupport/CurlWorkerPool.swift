import Foundation

/// Dedicated threads that run blocking libcurl transfers, so that `curl_easy_perform` never occupies
/// one of the few threads of Swift's cooperative pool (which every async task needs to make progress).
///
/// Threads are started on demand, up to `maximumThreads`, and each keeps one `CurlEasy` (and so its
/// connection cache) for the jobs it runs. Jobs beyond that wait in a first-in, first-out queue.
/// When the pool is released its threads finish the queued jobs and exit.
public final class CurlWorkerPool: Sendable {
    /// A job: gets the thread's handle, freshly reset.
    public typealias Job = @Sendable (CurlEasy) -> Void

    private let state: SharedState
    /// Prefix of the threads' names, for debuggers and crash reports.
    public let name: String
    public let maximumThreads: Int

    public init(name: String, maximumThreads: Int) {
        precondition(maximumThreads > 0)
        self.name = name
        self.maximumThreads = maximumThreads
        state = SharedState()
    }

    deinit { state.shutDown() }

    /// Whether the caller is one of the threads of some `CurlWorkerPool` (for assertions and tests).
    public static var isWorkerThread: Bool { Thread.current.threadDictionary[workerMarker] != nil }

    /// Queues `job` and returns at once; the job reports its outcome by its own means.
    /// Used for transfers whose results stream out while they run.
    public func start(_ job: @escaping Job) {
        if let index = state.enqueue(job, maximumThreads: maximumThreads) {
            spawnWorker(index)
        }
    }

    /// Runs `work` on a worker with a fresh handle and returns its result. Cancelling the calling
    /// task aborts the transfer (through `CurlEasy.abort(when:)`), or skips it if it has not started;
    /// either way the call then throws `CancellationError`.
    public func run<T: Sendable>(_ work: @escaping @Sendable (CurlEasy) throws -> T) async throws -> T {
        let cancellation = CurlCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                start { easy in
                    guard !cancellation.isCancelled else { return continuation.resume(throwing: CancellationError()) }
                    do {
                        try easy.abort(when: cancellation)
                        let result = try work(easy)
                        continuation.resume(returning: result)
                    } catch let error as CurlError where cancellation.isCancelled && error.isAbortedByCallback {
                        continuation.resume(throwing: CancellationError())
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    private func spawnWorker(_ index: Int) {
        let state = state
        let thread = Thread {
            Thread.current.threadDictionary[workerMarker] = true
            state.work()
        }
        thread.name = "\(name).\(index)"
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// The queue and the threads' bookkeeping, shared with the threads (which must not keep the pool
    /// itself alive, or it could never shut down).
    private final class SharedState: @unchecked Sendable {
        // All fields are guarded by `condition`.
        private let condition = NSCondition()
        /// Queued jobs from `head` on; taken slots are emptied at once, so that a finished job's
        /// captures (request bodies) are not kept alive by the queue.
        private var jobs: [Job?] = []
        private var head = 0
        private var idleThreads = 0
        private var threadCount = 0
        private var isShutDown = false

        /// Adds the job; returns the number of a new thread to start for it, if one is needed.
        func enqueue(_ job: @escaping Job, maximumThreads: Int) -> Int? {
            condition.lock()
            defer { condition.unlock() }
            jobs.append(job)
            let pending = jobs.count - head
            if pending > idleThreads, threadCount < maximumThreads {
                threadCount += 1
                idleThreads += 1  // the new thread counts as idle until it takes a job
                return threadCount
            }
            condition.signal()
            return nil
        }

        func shutDown() {
            condition.lock()
            isShutDown = true
            condition.broadcast()
            condition.unlock()
        }

        /// A worker's life: take jobs until shut down and drained.
        func work() {
            var kept: CurlEasy?
            while let job = nextJob() {
                let easy: CurlEasy
                if let reused = kept {
                    easy = reused
                } else {
                    // curl_easy_init fails only when memory is exhausted.
                    do { easy = try CurlEasy() } catch { fatalError("CurlWorkerPool: \(error)") }
                }
                job(easy)
                // Reset at once, not before the next job: the job's handlers may hold large buffers
                // (an upload's body) that must not outlive it on an idle thread.
                kept = (try? easy.reset()) != nil ? easy : nil
                finishedJob()
            }
        }

        private func nextJob() -> Job? {
            condition.lock()
            defer { condition.unlock() }
            while head == jobs.count {
                if isShutDown {
                    idleThreads -= 1
                    threadCount -= 1
                    return nil
                }
                condition.wait()
            }
            let job = jobs[head]
            jobs[head] = nil
            head += 1
            if head > 64, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            idleThreads -= 1
            return job
        }

        private func finishedJob() {
            condition.lock()
            idleThreads += 1
            condition.unlock()
        }
    }
}

private let workerMarker = "CurlSupport.CurlWorkerPool.worker"
