import Foundation
import Hummingbird
import LabCore
import Sandbox

/// The Luma website and app pages (`/luma/...`), over the Sandbox's site service: the same
/// actions, records and results as `aep-lab site`, with the visit kept in the browser's cookie.
struct SitePages: Sendable {
  /// The sandbox the pages act on.
  let sandbox: Sandbox
  /// The templates.
  let renderer: PageRenderer

  /// The categories of the catalogue, by their path.
  static let categories = ["men": "Men", "women": "Women", "gear": "Gear"]

  /// Adds the routes to `router`.
  func add(to router: Router<BasicRequestContext>) {
    router.get("/luma/") { request, _ in await page(request, template: "luma-home", page: "Home") }
    router.get("/luma/{category}") { request, context in
      let path = context.parameters.get("category") ?? ""
      guard let name = Self.categories[path] else { return notFound(request) }
      return await page(
        request, template: "luma-category", page: name,
        extra: ["heading": name, "products": products(in: name)])
    }
    router.get("/luma/product/{sku}") { request, context in
      guard let product = LumaCatalog.product(named: context.parameters.get("sku") ?? "") else {
        return notFound(request)
      }
      return await page(
        request, template: "luma-product", page: "",
        extra: [
          "name": product.name, "sku": product.sku, "category": product.category,
          "categoryPath": product.category.lowercased(), "price": Self.price(product.price),
          "title": product.name,
        ])
    }
    router.post("/luma/track") { request, _ in try await track(request) }
    router.get("/luma/viewer") { request, _ in
      let kind: SiteDeviceKind = request.uri.queryParameters.get("device") == "app" ? .app : .web
      return await viewer(VisitCookie.visit(in: request), kind: kind)
    }
    router.get("/luma/register") { request, _ in form(request, register: true) }
    router.get("/luma/login") { request, _ in form(request, register: false) }
    router.post("/luma/register") { request, _ in try await submit(request, register: true) }
    router.post("/luma/login") { request, _ in try await submit(request, register: false) }
    router.get("/luma/app/") { request, _ in await app(VisitCookie.visit(in: request)) }
    router.post("/luma/app/login") { request, _ in try await appLogin(request) }
  }

  // MARK: - Pages

  /// A page of the website with the Profile Viewer of the browser's visit.
  func page(
    _ request: Request, template: String, page: String, extra: [String: Any] = [:]
  ) async -> Response {
    let visit = VisitCookie.visit(in: request)
    let viewer = await BlockingWork.run { [sandbox] in
      PageContext(values: ProfileViewerModel.context(sandbox, visit: visit, kind: .web))
    }.values
    var context: [String: Any] = [
      "title": "Luma", "section": "luma", "page": page, "device": "web",
      "products": products(in: nil),
    ]
    context.merge(viewer) { _, new in new }
    context.merge(extra) { _, new in new }
    if request.uri.queryParameters.get("welcome") != nil {
      context["message"] = "You are signed in: the Profile Viewer shows your known profile."
    }
    return renderer.response(template, context)
  }

  /// The registration or sign-in form, with `error` (next to `field`) and the fields' values
  /// when it was refused.
  func form(
    _ request: Request, register: Bool, error: String? = nil,
    field errorField: SiteRegistration.Field? = nil, values: FormData? = nil
  ) -> Response {
    let values = values ?? FormData(text: "")
    var fields: [[String: Any]] = []
    func field(_ name: String, _ label: String, type: String = "text", required: Bool = true) {
      fields.append([
        "name": name, "label": label, "type": type, "value": values[name], "required": required,
        "fieldError": errorField?.rawValue == name ? (error ?? "") as Any : false,
      ])
    }
    if register {
      field("firstName", "First name")
      field("lastName", "Last name")
      field("email", "Email", type: "email")
      field("phone", "Phone (international, such as +32470123456)", type: "tel")
      fields.append([
        "name": "gender", "label": "Gender",
        "fieldError": errorField == .gender ? (error ?? "") as Any : false,
        "options": SiteRegistration.genders.map {
          ["value": $0, "label": $0, "selected": values["gender"] == $0]
        },
      ])
    } else {
      field("email", "Email", type: "email")
    }
    let heading = register ? "Create an account" : "Sign in"
    let visit = VisitCookie.visit(in: request)
    var context: [String: Any] = [
      "title": heading, "section": "luma", "heading": heading, "fields": fields,
      "action": register ? "/luma/register" : "/luma/login",
      "submit": register ? "Create the account" : "Sign in",
      "page": register ? "Register" : "Login", "device": error == nil ? "web" : "",
    ]
    if let error { context["error"] = error }
    context.merge(ProfileViewerModel.context(sandbox, visit: visit, kind: .web)) { _, new in new }
    return renderer.response("luma-form", context, status: error == nil ? .ok : .badRequest)
  }

  /// The app: its sign-in form or who is signed in, and its products.
  func app(_ visit: SiteVisit, error: String? = nil) async -> Response {
    let viewer = await BlockingWork.run { [sandbox] in
      PageContext(values: ProfileViewerModel.context(sandbox, visit: visit, kind: .app))
    }.values
    var context: [String: Any] = [
      "title": "Luma app", "section": "luma-app", "device": "app", "products": products(in: nil),
    ]
    if let email = visit.app?.email { context["email"] = email }
    if let error { context["error"] = error }
    context.merge(viewer) { _, new in new }
    return renderer.response("luma-app", context, status: error == nil ? .ok : .badRequest)
  }

  /// The Profile Viewer alone, for the script to put in place.
  func viewer(_ visit: SiteVisit, kind: SiteDeviceKind, setCookie: String? = nil) async
    -> Response
  {
    let context = await BlockingWork.run { [sandbox] in
      PageContext(values: ProfileViewerModel.context(sandbox, visit: visit, kind: kind))
    }.values
    return renderer.response("viewer", context, setCookie: setCookie)
  }

  // MARK: - Actions

  /// `POST /luma/track`: a page view (`page`) or a product view (`product`, on `device`).
  func track(_ request: Request) async throws -> Response {
    let form = try await FormData.read(request)
    let visit = VisitCookie.visit(in: request)
    let kind: SiteDeviceKind = form["device"] == "app" ? .app : .web
    let result = await BlockingWork.run { [sandbox] () -> Result<SiteActionResult, SandboxError> in
      Result { () throws(SandboxError) in
        if !form["product"].isEmpty {
          return try sandbox.siteView(product: form["product"], on: kind, from: .given(visit))
        }
        return try sandbox.siteView(
          page: form["page"].isEmpty ? "Home" : form["page"], from: .given(visit))
      }
    }
    switch result {
    case .success(let action):
      return await viewer(
        action.visit, kind: kind, setCookie: VisitCookie.header(for: action.visit))
    case .failure(let error):
      return Response(
        status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(string: error.localizedDescription)))
    }
  }

  /// `POST /luma/register` and `/luma/login`: the account, then back home signed in; a refusal
  /// shows the form again with the reason next to the field.
  func submit(_ request: Request, register: Bool) async throws -> Response {
    let form = try await FormData.read(request)
    let visit = VisitCookie.visit(in: request)
    let registration = SiteRegistration(
      email: form["email"], phone: form["phone"], firstName: form["firstName"],
      lastName: form["lastName"], gender: form["gender"].isEmpty ? nil : form["gender"])
    if register, let problem = registration.problem {
      return self.form(
        request, register: true, error: problem.reason, field: problem.field, values: form)
    }
    let result = await BlockingWork.run { [sandbox] () -> Result<SiteActionResult, SandboxError> in
      Result { () throws(SandboxError) in
        if register { return try sandbox.siteRegister(registration, from: .given(visit)) }
        return try sandbox.siteLogin(email: form["email"], on: .web, from: .given(visit))
      }
    }
    switch result {
    case .success(let action):
      return PageRenderer.redirect(
        to: "/luma/?welcome=1", setCookie: VisitCookie.header(for: action.visit))
    case .failure(let error):
      // The form's fields are valid, so what is left is about the account: its email.
      return self.form(
        request, register: register, error: Self.browserWording(error.localizedDescription),
        field: .email, values: form)
    }
  }

  /// `POST /luma/app/login`: signs in on the app, which gets its own ECID on first use.
  func appLogin(_ request: Request) async throws -> Response {
    let form = try await FormData.read(request)
    let visit = VisitCookie.visit(in: request)
    let result = await BlockingWork.run { [sandbox] () -> Result<SiteActionResult, SandboxError> in
      Result { () throws(SandboxError) in
        try sandbox.siteLogin(email: form["email"], on: .app, from: .given(visit))
      }
    }
    switch result {
    case .success(let action):
      return PageRenderer.redirect(
        to: "/luma/app/", setCookie: VisitCookie.header(for: action.visit))
    case .failure(let error):
      return await app(visit, error: Self.browserWording(error.localizedDescription))
    }
  }

  // MARK: - Helpers

  /// The catalogue's products (of `category`, or all) as the template lists them.
  func products(in category: String?) -> [[String: String]] {
    LumaCatalog.products.filter { category == nil || $0.category == category }.map {
      [
        "name": $0.name, "sku": $0.sku, "price": Self.price($0.price),
        "href": "/luma/product/\($0.sku)",
      ]
    }
  }

  /// A 404 page that points home.
  func notFound(_ request: Request) -> Response {
    Response(
      status: .notFound, headers: [.contentType: "text/html; charset=utf-8"],
      body: ResponseBody(
        byteBuffer: ByteBuffer(
          string: "<!doctype html><title>Not found</title><p>No such Luma page. "
            + "<a href=\"/luma/\">Back to the home page</a></p>")))
  }

  /// A price as the site shows it.
  static func price(_ value: Double) -> String { String(format: "$%.2f", value) }

  /// The Sandbox's account message with its terminal command hint put as the site says it.
  static func browserWording(_ message: String) -> String {
    message.replacingOccurrences(
      of: #"Log in instead: 'aep-lab site login --email ([^']*)'"#, with: "Sign in instead.",
      options: .regularExpression
    )
    .replacingOccurrences(
      of: #"Register first: 'aep-lab site register[^']*'"#, with: "Create an account first.",
      options: .regularExpression)
  }
}
