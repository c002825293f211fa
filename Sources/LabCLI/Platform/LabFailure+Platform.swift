import PlatformAPI

extension LabFailure {
  /// A Platform client error as a CLI failure: bad input exits 64, a bad file 65, the rest 1.
  ///
  /// The message is already free of secrets: the client redacts before it throws.
  init(_ error: PlatformAPIError) {
    let message = error.errorDescription ?? "The Platform call failed."
    switch error {
    case .invalidInput, .notConfigured: self = .usage(message)
    case .configurationFile: self = .invalidData(message)
    default: self = .domain(message)
    }
  }
}

/// Runs a Platform call, turning its error into a ``LabFailure``.
func platformCall<T>(_ body: () async throws(PlatformAPIError) -> T) async throws(LabFailure) -> T {
  do {
    return try await body()
  } catch {
    throw LabFailure(error)
  }
}

/// Runs a synchronous client step (decoding a reply), turning its error into a ``LabFailure``.
func platformDecode<T>(_ body: () throws(PlatformAPIError) -> T) throws(LabFailure) -> T {
  do {
    return try body()
  } catch {
    throw LabFailure(error)
  }
}
