import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A plain TCP connection to the server on 127.0.0.1, for requests no HTTP client would send
/// (a partial head, a malformed chunk size).
final class RawConnection {
  /// The socket.
  private let descriptor: Int32

  /// Connects to `port`; every read gives up after `receiveTimeout` seconds.
  init(port: Int, receiveTimeout: Int = 20) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard descriptor >= 0 else { throw POSIXError(.EIO) }
    var timeout = timeval(tv_sec: receiveTimeout, tv_usec: 0)
    setsockopt(
      descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let result = withUnsafePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard result == 0 else {
      close(descriptor)
      throw POSIXError(.ECONNREFUSED)
    }
  }

  deinit { close(descriptor) }

  /// Sends `text` as it is.
  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
  }

  /// Everything the server sends until it closes the connection (or the receive timeout),
  /// and whether it closed it.
  func readUntilClosed() -> (text: String, closedByServer: Bool) {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count > 0 {
        received += buffer[0..<count]
      } else {
        return (String(decoding: received, as: UTF8.self), count == 0)
      }
    }
  }

  /// The first response's status code in `text`, if there is one.
  static func status(of text: String) -> Int? {
    guard text.hasPrefix("HTTP/1.1 ") else { return nil }
    return Int(text.dropFirst(9).prefix(3))
  }

  /// The body of the first response in `text` (after the blank line).
  static func body(of text: String) -> String {
    guard let range = text.range(of: "\r\n\r\n") else { return "" }
    return String(text[range.upperBound...])
  }
}
