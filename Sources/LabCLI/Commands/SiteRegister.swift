import ArgumentParser
import Sandbox

extension AEPLab {
  /// `aep-lab site register`: the website's "Create an account" form.
  struct SiteRegister: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "register",
      abstract:
        "Create an account on the website: links this browser's ECID, your email and phone.",
      discussion: """
        Sends a registration record to the website's profile dataset (primary identity Email, \
        with the ECID and the Phone) and a web.login event. From then on, the anonymous \
        browsing of this window belongs to a known profile.

        Example: aep-lab site register --email alex.doe@example.com --phone +32470123456 \
        --first-name Alex --last-name Doe --gender female
        """)

    @Option(name: .long, help: "Your email (use an @example.com address).")
    var email: String

    @Option(name: .long, help: "Your mobile number in international form, e.g. +32470123456.")
    var phone: String

    @Option(name: .long, help: "First name.")
    var firstName: String

    @Option(name: .long, help: "Last name.")
    var lastName: String

    @Option(name: .long, help: "male, female or not_specified.")
    var gender: String?

    @Option(name: .long, help: "Birth date as YYYY-MM-DD.")
    var birthDate: String?

    @Option(name: .long, help: "Home city.")
    var city: String?

    @Option(name: .long, help: "Home country.")
    var country: String?

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
      let sandbox = try workspace.resolve().openSandbox()
      let form = SiteRegistration(
        email: email, phone: phone, firstName: firstName, lastName: lastName, gender: gender,
        birthDate: birthDate, city: city, country: country)
      let result = try sandboxCall { () throws(SandboxError) in try sandbox.siteRegister(form) }
      SiteActionView.show(result, format: output.format, sandbox: sandbox)
    }
  }
}
