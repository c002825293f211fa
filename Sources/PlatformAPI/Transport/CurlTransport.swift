import CCurl
import Foundation

/// libcurl runs its global initialisation exactly once: a global `let` is initialised lazily and
/// atomically.
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

/// Per-transfer accumulator reached through libcurl's `userdata`; it never leaves the thread
/// running `curl_easy_perform`.
private final class TransferSink {
  var body: [UInt8] = []
  var headerLines: [String] = []
}

/// The production ``HTTPTransport``: libcurl with TLS verification on, timeouts, bounded
/// redirects and the environment's proxy settings.
///
/// Each ``send(_:)`` runs the blocking transfer on a thread of its own: never on the cooperative
/// pool (two threads on a two-core machine), and not on Dispatch's global queue either, whose
/// few threads on Linux are shared with the Swift concurrency executor, so blocking them can
/// stall an in-process server that the transfer is waiting for.
public struct CurlTransport: HTTPTransport {
  /// Timeouts, redirects and the optional CA file.
  public var options: TransportOptions

  /// Creates a transport.
  public init(options: TransportOptions = TransportOptions()) {
    self.options = options
  }

  /// The libcurl version string, for `--version` style diagnostics.
  public static var libcurlVersion: String { String(cString: curl_version()) }

  /// Performs `request` on a dedicated thread.
  public func send(_ request: TransportRequest) async throws(PlatformAPIError) -> TransportResponse
  {
    let transport = self
    let result: Result<TransportResponse, PlatformAPIError> = await withCheckedContinuation {
      continuation in
      let thread = Thread {
        continuation.resume(
          returning: Result { () throws(PlatformAPIError) in
            try transport.perform(request)
          })
      }
      thread.name = "aep-lab.curl"
      thread.start()
    }
    return try result.get()
  }

  /// Performs `request` on the calling thread (blocking).
  public func perform(_ request: TransportRequest) throws(PlatformAPIError) -> TransportResponse {
    _ = curlGlobalInit
    guard let handle = curl_easy_init() else {
      throw .transport(code: 0, message: "libcurl could not start a transfer")
    }
    defer { curl_easy_cleanup(handle) }
    let sink = TransferSink()
    let sinkPointer = Unmanaged.passRetained(sink)
    defer { sinkPointer.release() }
    var headerList: UnsafeMutablePointer<curl_slist>?
    for field in request.headers {
      headerList = curl_slist_append(headerList, "\(field.name): \(field.value)")
    }
    // No `Expect: 100-continue` round trip for larger bodies.
    headerList = curl_slist_append(headerList, "Expect:")
    defer { curl_slist_free_all(headerList) }

    configure(handle, for: request, headers: headerList)
    installCallbacks(handle, sink: sinkPointer.toOpaque())

    var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE))
    let code = errorBuffer.withUnsafeMutableBufferPointer { buffer -> CURLcode in
      _ = ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, buffer.baseAddress)
      return curl_easy_perform(handle)
    }
    guard code == CURLE_OK else {
      let detail = String(
        decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
      throw .transport(code: Int(code.rawValue), message: message)
    }
    var status = 0
    _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    return TransportResponse(
      status: status, headers: Self.parseHeaders(sink.headerLines), body: sink.body)
  }

  private func configure(
    _ handle: UnsafeMutableRawPointer, for request: TransportRequest,
    headers: UnsafeMutablePointer<curl_slist>?
  ) {
    _ = ccurl_setopt_string(handle, CURLOPT_URL, request.url)
    _ = ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    _ = ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    _ = ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = ccurl_setopt_long(handle, CURLOPT_TIMEOUT, options.timeoutSeconds)
    _ = ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, options.connectTimeoutSeconds)
    _ = ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
    _ = ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, options.maxRedirects)
    _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1)
    _ = ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2)
    _ = ccurl_setopt_long(handle, CURLOPT_SSLVERSION, Int(CURL_SSLVERSION_TLSv1_2))
    if let caFile = options.caFile {
      _ = ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile)
    }
    _ = ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
    // Proxies come from the environment, but a loopback server (aep-lab serve) is never
    // reached through one.
    if Self.isLoopback(request.url) {
      _ = ccurl_setopt_string(handle, CURLOPT_NOPROXY, "*")
    }
    _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers)
    switch (request.method, request.body) {
    case ("GET", nil):
      _ = ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1)
    case ("HEAD", _):
      _ = ccurl_setopt_long(handle, CURLOPT_NOBODY, 1)
    default:
      _ = ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
    }
    if let body = request.body {
      // COPYPOSTFIELDS copies the bytes, so the array need not outlive this call.
      _ = ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
      body.withUnsafeBufferPointer { buffer in
        _ = ccurl_setopt_pointer(
          handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: buffer.baseAddress))
      }
    }
  }

  private func installCallbacks(_ handle: UnsafeMutableRawPointer, sink: UnsafeMutableRawPointer) {
    // Non-capturing closures convert to C function pointers; state travels through userdata.
    _ = ccurl_setopt_write_cb(handle) { pointer, size, count, userdata in
      let length = size * count
      guard let pointer, let userdata else { return 0 }
      let sink = Unmanaged<TransferSink>.fromOpaque(userdata).takeUnretainedValue()
      pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        sink.body.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
      }
      return length
    }
    _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sink)
    _ = ccurl_setopt_header_cb(handle) { pointer, size, count, userdata in
      let length = size * count
      guard let pointer, let userdata else { return 0 }
      let sink = Unmanaged<TransferSink>.fromOpaque(userdata).takeUnretainedValue()
      let line = pointer.withMemoryRebound(to: UInt8.self, capacity: length) {
        String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
      }
      // A new status line starts the headers of the next response (after a redirect).
      if line.hasPrefix("HTTP/") { sink.headerLines.removeAll() }
      sink.headerLines.append(line)
      return length
    }
    _ = ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sink)
  }

  /// Whether `url` names this machine (`127.0.0.1`, `localhost` or `[::1]`).
  static func isLoopback(_ url: String) -> Bool {
    guard let schemeEnd = url.range(of: "://") else { return false }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" }
    let host =
      authority.hasPrefix("[")
      ? authority.prefix { $0 != "]" } + "]" : authority.prefix { $0 != ":" }
    return ["127.0.0.1", "localhost", "[::1]"].contains(host.lowercased())
  }

  /// Turns raw header lines into fields, skipping the status line and the blank terminator.
  static func parseHeaders(_ lines: [String]) -> [HeaderField] {
    lines.compactMap { line in
      guard let colon = line.firstIndex(of: ":"), !line.hasPrefix("HTTP/") else { return nil }
      let name = String(line[..<colon])
      let value = line[line.index(after: colon)...].trimmingCharacters(in: " \t\r\n")
      return HeaderField(name, value)
    }
  }
}

extension Substring {
  /// The text without leading and trailing characters from `set`.
  fileprivate func trimmingCharacters(in set: String) -> String {
    var slice = self[...]
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
