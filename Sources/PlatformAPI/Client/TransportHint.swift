/// A sentence on the likely cause of a libcurl failure, for learners.
enum TransportHint {
  /// The hint for libcurl error `code`.
  static func sentence(forCurlCode code: Int) -> String {
    switch code {
    case 6: return "The host name did not resolve: check the URL and your network or proxy."
    case 7:
      return "Nothing is listening there: start the local server with 'aep-lab serve', or check "
        + "the URL."
    case 28: return "The server took too long: retry, or raise the timeout."
    case 35, 60, 77:
      return "TLS verification failed: if a proxy re-signs traffic, pass its CA with "
        + "'--cacert FILE'."
    case 47: return "Too many redirects: check the base URL."
    default: return "Check the URL, your network and any proxy settings (https_proxy, no_proxy)."
    }
  }
}
