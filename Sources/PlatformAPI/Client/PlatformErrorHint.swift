/// A sentence on the likely cause of a Platform error response, added under the body as written.
///
/// For example, `401` with error code `401013` says the token is invalid or expired and how to
/// get a new one.
public enum PlatformErrorHint {
  /// The hint for an error response, or `nil` when nothing useful can be said.
  public static func sentence(status: Int, body: String) -> String? {
    let text = body.lowercased()
    if status == 501 {
      return "Likely cause: the local server does not implement this call yet; it works against "
        + "a live Platform."
    }
    if text.contains("x-sandbox-name") || (text.contains("sandbox '") && status == 403) {
      return "Likely cause: the 'x-sandbox-name' header is missing or names no sandbox; every "
        + "Platform call needs it (for example 'x-sandbox-name: prod')."
    }
    if text.contains("403010") || text.contains("token is missing") {
      return "Likely cause: no 'Authorization: Bearer <token>' header; get a token with "
        + "'aep-lab api token'."
    }
    if status == 401 || text.contains("401013") {
      return "Likely cause: the access token is invalid or expired (IMS tokens last 24 hours); "
        + "get a new one with 'aep-lab api token'."
    }
    if text.contains("403000") || text.contains("403003") || text.contains("api key") {
      return "Likely cause: the 'x-api-key' header must be your client ID, the same one the token "
        + "was issued to."
    }
    if text.contains("400003") || text.contains("x-gw-ims-org-id") {
      return "Likely cause: the 'x-gw-ims-org-id' header (your org ID, '...@AdobeOrg') is missing."
    }
    if text.contains("content-type") {
      return "Likely cause: a request with a body needs 'Content-Type: application/json'."
    }
    if text.contains("namespace") {
      return "Likely cause: an unknown namespace code; list them with 'aep-lab api "
        + "list-namespaces' (codes such as 'email', 'ecid', 'phone' match case-insensitively)."
    }
    if status == 422, text.contains("too many related identities") {
      return "Likely cause: this identity's graph has more than 50 identities, which the Platform "
        + "refuses to assemble; look it up with a narrower identity or a merge policy without "
        + "stitching."
    }
    if status == 404, text.contains("entit") || text.contains("identit") || text.contains("profile")
    {
      return "Likely cause: no profile holds that identity in this sandbox. Check the namespace "
        + "and the value; a '+' in an email or phone number must be sent encoded as '%2B' "
        + "(aep-lab api commands encode it for you)."
    }
    if status == 429 {
      return "Likely cause: too many requests; wait a moment and retry."
    }
    if status >= 500 {
      return "Likely cause: a server-side failure; retry later, quoting the x-request-id."
    }
    return nil
  }
}
