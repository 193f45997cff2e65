import CCurl

/// An owned `curl_slist` of header lines ("Name: value"), freed when the list goes away.
///
/// A handle does not copy the list it is given, so `CurlEasy` keeps the list alive for as long as
/// it is set. Not thread-safe: build it and hand it to a handle on one thread.
public final class CurlHeaderList {
    private(set) var pointer: UnsafeMutablePointer<curl_slist>?

    public init() {}

    /// A list holding `fields` in order.
    public convenience init(_ fields: [(name: String, value: String)]) {
        self.init()
        for field in fields { append(field.name, field.value) }
    }

    /// Adds "name: value". An empty value removes a header libcurl would add by itself
    /// (e.g. `Expect`), which libcurl spells "Name:".
    public func append(_ name: String, _ value: String) {
        append(line: value.isEmpty ? "\(name):" : "\(name): \(value)")
    }

    /// Adds one raw line as libcurl expects it.
    public func append(line: String) {
        precondition(!line.contains("\r") && !line.contains("\n"), "a header line must not contain CR or LF")
        // curl_slist_append copies the string.
        guard let extended = curl_slist_append(pointer, line) else { fatalError("curl_slist_append: out of memory") }
        pointer = extended
    }

    deinit { curl_slist_free_all(pointer) }
}
