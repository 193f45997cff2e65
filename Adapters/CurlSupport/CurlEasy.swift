import CCurl

/// One libcurl easy handle with typed options and Swift handlers for the data it sends and receives.
///
/// Not `Sendable`: a handle is used by one thread at a time. `CurlWorkerPool` gives each of its
/// threads one handle and lends it to one job at a time, resetting it in between (which keeps its
/// connection cache, so consecutive requests to one server reuse connections).
///
/// Handlers run on the thread inside `perform()`; they may block it (that is what the pool's
/// threads are for) but must not call back into this handle.
public final class CurlEasy {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: CurlHeaderList?
    private var writeHandler: ((UnsafeRawBufferPointer) -> Bool)?
    private var headerHandler: ((UnsafeRawBufferPointer) -> Bool)?
    private var readHandler: ((UnsafeMutableRawBufferPointer) -> Int?)?
    private var cancellation: CurlCancellation?

    /// A fresh handle; libcurl is initialised first if needed.
    public init() throws(CurlError) {
        try Curl.initialise()
        guard let handle = curl_easy_init() else { throw CurlError(code: CURLE_FAILED_INIT, detail: "curl_easy_init failed") }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        try applyDefaults()
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Forgets every option and handler of the previous transfer; live connections stay cached.
    public func reset() throws(CurlError) {
        curl_easy_reset(handle)
        headerList = nil
        writeHandler = nil
        headerHandler = nil
        readHandler = nil
        cancellation = nil
        try applyDefaults()
    }

    /// What every transfer needs: detailed error messages, no signals (libcurl would otherwise use
    /// SIGALRM for DNS time-outs, which is unsafe with threads), and the trampolines that route
    /// libcurl's callbacks to this object's handlers.
    private func applyDefaults() throws(CurlError) {
        errorBuffer[0] = 0
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "CURLOPT_ERRORBUFFER")
        try check(ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "CURLOPT_NOSIGNAL")
        try check(ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, curlWriteTrampoline), "CURLOPT_WRITEFUNCTION")
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, me), "CURLOPT_WRITEDATA")
        try check(ccurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, curlHeaderTrampoline), "CURLOPT_HEADERFUNCTION")
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, me), "CURLOPT_HEADERDATA")
        try check(ccurl_easy_setopt_read_callback(handle, CURLOPT_READFUNCTION, curlReadTrampoline), "CURLOPT_READFUNCTION")
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_READDATA, me), "CURLOPT_READDATA")
    }

    // MARK: Options

    public func set(_ option: CurlOption<String>, _ value: String) throws(CurlError) {
        // libcurl copies string options (all those CurlOption<String> names), so a temporary C string is enough.
        try check(value.withCString { ccurl_easy_setopt_string(handle, option.raw, $0) }, "option \(option.raw.rawValue)")
    }

    public func set(_ option: CurlOption<Int>, _ value: Int) throws(CurlError) {
        try check(ccurl_easy_setopt_long(handle, option.raw, value), "option \(option.raw.rawValue)")
    }

    public func set(_ option: CurlOption<Bool>, _ value: Bool) throws(CurlError) {
        try check(ccurl_easy_setopt_long(handle, option.raw, value ? 1 : 0), "option \(option.raw.rawValue)")
    }

    public func set(_ option: CurlOption<Int64>, _ value: Int64) throws(CurlError) {
        try check(ccurl_easy_setopt_off_t(handle, option.raw, curl_off_t(value)), "option \(option.raw.rawValue)")
    }

    /// Request headers (CURLOPT_HTTPHEADER); the list is kept alive until the next reset.
    public func setHeaders(_ list: CurlHeaderList) throws(CurlError) {
        try setList(CURLOPT_HTTPHEADER, list)
    }

    /// Any option that takes a `curl_slist` (e.g. CURLOPT_MAIL_RCPT); the list is kept alive until the next reset.
    public func setList(_ option: CURLoption, _ list: CurlHeaderList) throws(CurlError) {
        try check(ccurl_easy_setopt_slist(handle, option, list.pointer), "option \(option.rawValue)")
        headerList = list
    }

    // MARK: Handlers

    /// Receives the response body piece by piece; returning `false` stops the transfer (`CURLE_WRITE_ERROR`).
    /// Without a handler the body is discarded.
    public func onWrite(_ handler: @escaping (UnsafeRawBufferPointer) -> Bool) {
        writeHandler = handler
    }

    /// Receives each response header line, CR LF included, and the empty line ending each header block.
    /// Returning `false` stops the transfer.
    public func onHeader(_ handler: @escaping (UnsafeRawBufferPointer) -> Bool) {
        headerHandler = handler
    }

    /// Fills the buffer with the next bytes of the upload and returns how many it wrote, 0 at the end,
    /// or `nil` to abort the transfer (`CURLE_ABORTED_BY_CALLBACK`).
    public func onRead(_ handler: @escaping (UnsafeMutableRawBufferPointer) -> Int?) {
        readHandler = handler
    }

    /// Aborts the transfer (`CURLE_ABORTED_BY_CALLBACK`) soon after `cancellation` is cancelled; libcurl
    /// checks it at least once a second, and whenever data moves.
    public func abort(when cancellation: CurlCancellation) throws(CurlError) {
        self.cancellation = cancellation
        let me = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_easy_setopt_xferinfo_callback(handle, CURLOPT_XFERINFOFUNCTION, curlProgressTrampoline), "CURLOPT_XFERINFOFUNCTION")
        try check(ccurl_easy_setopt_pointer(handle, CURLOPT_XFERINFODATA, me), "CURLOPT_XFERINFODATA")
        try check(ccurl_easy_setopt_long(handle, CURLOPT_NOPROGRESS, 0), "CURLOPT_NOPROGRESS")
    }

    // MARK: Transfer

    /// Runs the transfer to its end, blocking the calling thread (never call it on Swift's cooperative pool).
    public func perform() throws(CurlError) {
        errorBuffer[0] = 0
        if cancellation?.isCancelled == true { throw CurlError(code: CURLE_ABORTED_BY_CALLBACK, detail: "cancelled before it started") }
        try check(curl_easy_perform(handle), nil)
    }

    /// The last response's status code (HTTP) or reply code (SMTP); 0 if none arrived.
    public var responseCode: Int {
        var code = 0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// An integer info of the last transfer, e.g. `CURLINFO_SIZE_UPLOAD_T`.
    public func info(_ info: CURLINFO) -> Int64? {
        var value: curl_off_t = 0
        guard ccurl_easy_getinfo_off_t(handle, info, &value) == CURLE_OK else { return nil }
        return Int64(value)
    }

    private func check(_ code: CURLcode, _ what: String?) throws(CurlError) {
        guard code != CURLE_OK else { return }
        let message = String(cString: errorBuffer)
        throw CurlError(code: code, detail: message.isEmpty ? what.map { "setting \($0) failed" } ?? "" : message)
    }

    // Called by the trampolines below.
    fileprivate func write(_ buffer: UnsafeRawBufferPointer) -> Bool { writeHandler?(buffer) ?? true }
    fileprivate func header(_ buffer: UnsafeRawBufferPointer) -> Bool { headerHandler?(buffer) ?? true }
    fileprivate func read(_ buffer: UnsafeMutableRawBufferPointer) -> Int? { readHandler?(buffer) ?? 0 }
    fileprivate var isCancelled: Bool { cancellation?.isCancelled ?? false }
}

// The C callbacks: plain functions (no captures) that find the handle's Swift object through the
// user-data pointer set in `applyDefaults`. The object outlives every transfer it performs.

private let curlWriteTrampoline: curl_write_callback = { data, size, count, user in
    let length = size * count
    guard let user else { return length }
    let easy = Unmanaged<CurlEasy>.fromOpaque(user).takeUnretainedValue()
    return easy.write(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlHeaderTrampoline: curl_write_callback = { data, size, count, user in
    let length = size * count
    guard let user else { return length }
    let easy = Unmanaged<CurlEasy>.fromOpaque(user).takeUnretainedValue()
    return easy.header(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private let curlReadTrampoline: curl_read_callback = { data, size, count, user in
    guard let user else { return 0 }
    let easy = Unmanaged<CurlEasy>.fromOpaque(user).takeUnretainedValue()
    guard let written = easy.read(UnsafeMutableRawBufferPointer(start: data, count: size * count)) else {
        return Int(CURL_READFUNC_ABORT)
    }
    return written
}

private let curlProgressTrampoline: curl_xferinfo_callback = { user, _, _, _, _ in
    guard let user else { return 0 }
    return Unmanaged<CurlEasy>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
}
