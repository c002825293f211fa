import Foundation
import Hummingbird
import LabCore
import Logging
import PlatformAPI

/// Builds the local Platform server: the seam both `aep-lab serve` and the tests use.
///
/// `backend` answers the Platform calls (the Sandbox service); with `nil`, every data
/// endpoint answers `501` saying the engine is missing, while the IMS, the gateway checks,
/// `GET /` and the 404s still work. `onServerRunning` receives the bound port (useful with
/// port 0).
///
/// For example:
///
/// ```swift
/// let app = buildApplication(configuration: LocalServerConfiguration(port: 0), backend: sandbox)
/// try await app.runService()  // until SIGINT or SIGTERM
/// ```
public func buildApplication(
  configuration: LocalServerConfiguration, backend: (any PlatformBackend)?,
  onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
  let sandboxName = backend?.sandbox.sandboxName ?? PlatformCredentials.defaultSandbox
  let issuer = TokenIssuer(lifetime: configuration.tokenLifetimeSeconds, now: configuration.now)
  let router = Router()
  router.add(middleware: RequestLogMiddleware(logger: configuration.logger))
  router.add(middleware: ErrorMiddleware())
  router.add(middleware: PageGuard(boundHost: configuration.host))
  router.add(
    middleware: GatewayMiddleware(
      issuer: issuer, orgID: configuration.orgID, sandboxName: sandboxName,
      throttle: ThrottleHook(count: configuration.simulatedThrottles)))

  let ims = LocalIMS(
    issuer: issuer, clientID: configuration.clientID, clientSecret: configuration.clientSecret,
    maxBodyBytes: 64 * 1024)
  router.post("/ims/token/v3") { request, _ in try await ims.token(request) }

  let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
  router.get("/") { _, _ in
    let page = RootPage.html(
      baseURL: "http://\(host):\(configuration.port)", sandboxName: sandboxName,
      clientID: configuration.clientID, secretConfigured: configuration.clientSecret != nil)
    return Response(
      status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
  }

  router.get("/openapi.json") { _, _ in
    JSONResponder.response(
      status: .ok, body: OpenAPIDocument.json(baseURL: "http://\(host):\(configuration.port)"))
  }

  if let sandbox = (backend as? SandboxBackend)?.service {
    Pages.add(to: router, sandbox: sandbox)
  }

  let limits = (body: configuration.maxBodyBytes, time: configuration.requestTimeout)
  for route in RouteCatalog.routes {
    router.on(RouterPath(route.template), method: route.method) { request, context in
      try await respond(
        to: request, context: context, route: route, backend: backend, limits: limits)
    }
  }

  // The documented operations not offered here: a 501 naming each, never a bare 404.
  for documented in DocumentedOperation.unserved {
    router.on(RouterPath(documented.template), method: documented.method) {
      _, _ -> Response in throw documented.notOffered
    }
  }

  return Application(
    router: router,
    server: .http1(
      configuration: .init(
        additionalChannelHandlers: [
          ConnectionDeadlineHandler(timeouts: configuration.connectionTimeouts)
        ],
        idleTimeout: .init(configuration.connectionTimeouts.idle))),
    configuration: ApplicationConfiguration(
      address: .hostname(configuration.host, port: configuration.port), serverName: "aep-lab"),
    onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
    logger: configuration.logger)
}

/// Parses the request for `route`, asks the backend, and wraps its answer.
private func respond(
  to request: Request, context: some RequestContext, route: PlatformRoute,
  backend: (any PlatformBackend)?, limits: (body: Int, time: Duration)
) async throws -> Response {
  let limit = limits.body
  var request = request
  var body: JSONValue?
  if route.hasBody {
    let buffer: ByteBuffer
    do {
      buffer = try await request.collectBody(upTo: limit)
    } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
      throw APIError.bodyTooLarge(limit: limit)
    }
    if buffer.readableBytes > 0 {
      do {
        body = try JSONDecoder().decode(JSONValue.self, from: Data(buffer.readableBytesView))
      } catch {
        throw APIError.malformedJSON("check quotes, commas and brackets.")
      }
    }
  }
  let input = RouteInput(
    query: QueryParameters(request.uri.query), id: context.parameters.get("id") ?? "", body: body)
  let operation = try route.operation(input)
  guard let backend else {
    throw BackendError.notImplemented(
      "This aep-lab build has no sandbox engine behind '\(route.template)' yet.")
  }
  let answer = try await RequestTimeout.run(limit: limits.time) {
    try await backend.answer(operation)
  }
  let hasNoBody = route.success == .noContent || answer.isNull
  return JSONResponder.response(status: route.success, body: hasNoBody ? nil : answer)
}
