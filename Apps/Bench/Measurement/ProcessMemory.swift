import Foundation

/// Resident memory of another process (the API server), from Linux's `/proc/<pid>/status`.
struct ProcessMemory: Sendable, Codable {
    /// Current resident set (VmRSS), in MB.
    let residentMegabytes: Double?
    /// Peak resident set since the process started (VmHWM), in MB.
    let peakMegabytes: Double?

    static func of(pid: Int32?) -> ProcessMemory {
        guard let pid, let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return ProcessMemory(residentMegabytes: nil, peakMegabytes: nil)
        }
        func field(_ name: String) -> Double? {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
            let kilobytes = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first.flatMap { Double($0) }
            return kilobytes.map { $0 / 1024 }
        }
        return ProcessMemory(residentMegabytes: field("VmRSS"), peakMegabytes: field("VmHWM"))
    }
}
