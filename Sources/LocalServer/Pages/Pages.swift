import Hummingbird
import Sandbox

/// The browser pages `aep-lab serve` offers next to the API: the Luma site and app, the call
/// center and the Platform pages, with their assets, over `sandbox`.
enum Pages {
  /// The pages' entry points, for `GET /` and `aep-lab serve` to list.
  static let entries = [
    ("/luma/", "The Luma website, with its Profile Viewer"),
    ("/luma/app/", "The Luma mobile app"),
    ("/callcenter/", "The call center"),
    ("/platform/", "Platform: Profiles (browse, identity graph)"),
    ("/platform/segments", "Platform: Segments (list, members, builder)"),
  ]

  /// Adds every page route, and the assets, to `router`.
  static func add(to router: Router<BasicRequestContext>, sandbox: Sandbox) {
    let renderer = PageRenderer()
    SitePages(sandbox: sandbox, renderer: renderer).add(to: router)
    CallCenterPages(sandbox: sandbox, renderer: renderer).add(to: router)
    PlatformPages(sandbox: sandbox, renderer: renderer).add(to: router)
    for (path, asset) in PageAssets.all {
      router.get(RouterPath(path)) { _, _ in
        Response(
          status: .ok,
          headers: [.contentType: asset.type, .cacheControl: "max-age=3600"],
          body: ResponseBody(byteBuffer: ByteBuffer(string: asset.body)))
      }
    }
  }
}
