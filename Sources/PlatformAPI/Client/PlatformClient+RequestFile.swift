extension PlatformClient {
  /// The values of ``RequestTemplate/variableNames`` for these credentials and `token`.
  func requestFileVariables(token: String) -> [String: String] {
    [
      "ACCESS_TOKEN": token, "API_KEY": credentials.clientID, "IMS_ORG": credentials.orgID,
      "SANDBOX_NAME": credentials.sandboxName,
    ]
  }

  /// Sends one request of an `.http` file and returns the response, whatever its status.
  ///
  /// `{{ACCESS_TOKEN}}` is a token from ``accessToken(forceRefresh:)``; `{{API_KEY}}`,
  /// `{{IMS_ORG}}` and `{{SANDBOX_NAME}}` come from ``credentials``; a URL written against
  /// `https://platform.adobe.io` goes to `credentials.platformURL` instead. A 4xx or 5xx is
  /// returned, not thrown: it is the answer to show. A `401` on a request that used the token
  /// is sent once more with a new one. Throws only when no request could be made (a variable
  /// that cannot be filled, no token, no connection), with secrets and the token removed.
  public func send(_ template: RequestTemplate) async throws(PlatformAPIError)
    -> TransportResponse
  {
    let texts =
      [template.url, template.body ?? ""] + template.headers.flatMap { [$0.name, $0.value] }
    let usesToken = texts.contains {
      (try? RequestTemplate.variables(in: $0))?.contains("ACCESS_TOKEN") == true
    }
    var token = ""
    do {
      if usesToken { token = try await accessToken().accessToken.revealed }
      var response = try await transport.send(try request(for: template, token: token))
      if response.status == 401, usesToken {
        token = try await accessToken(forceRefresh: true).accessToken.revealed
        response = try await transport.send(try request(for: template, token: token))
      }
      return response
    } catch {
      throw Self.redacted(error, by: Redactor(secrets: credentials.secrets + [token]))
    }
  }

  private func request(for template: RequestTemplate, token: String) throws(PlatformAPIError)
    -> TransportRequest
  {
    do {
      return try template.resolved(
        variables: requestFileVariables(token: token), platformBaseURL: credentials.platformURL)
    } catch {
      throw .invalidInput(error.errorDescription ?? "The request could not be resolved.")
    }
  }

  /// `error` with every string it carries passed through `redactor`.
  static func redacted(_ error: PlatformAPIError, by redactor: Redactor) -> PlatformAPIError {
    switch error {
    case .transport(let code, let message):
      return .transport(code: code, message: redactor.redact(message))
    case .platform(let status, let body, let requestID):
      return .platform(status: status, body: redactor.redact(body), requestID: requestID)
    case .authentication(let status, let message):
      return .authentication(status: status, message: redactor.redact(message))
    case .notConfigured(let message):
      return .notConfigured(redactor.redact(message))
    case .configurationFile(let path, let reason):
      return .configurationFile(path: path, reason: redactor.redact(reason))
    case .unexpectedResponse(let message):
      return .unexpectedResponse(redactor.redact(message))
    case .invalidInput(let message):
      return .invalidInput(redactor.redact(message))
    }
  }
}
