import Foundation
import PlatformAPI

/// Asks for missing credentials on a terminal; the secret is read without echo.
enum Prompt {
  /// Asks for each missing setting of `credentials`.
  static func ask(for credentials: inout PlatformCredentials, console: Console) {
    if credentials.clientID.isEmpty {
      credentials.clientID = read("Client ID (API key): ", console: console)
    }
    if credentials.clientSecret.isEmpty {
      credentials.clientSecret = Secret(
        read("Client secret (not shown): ", console: console, echo: false))
    }
    if credentials.orgID.isEmpty {
      credentials.orgID = read("IMS org ID (...@AdobeOrg): ", console: console)
    }
    if credentials.sandboxName.isEmpty {
      credentials.sandboxName = read("Sandbox name [prod]: ", console: console)
      if credentials.sandboxName.isEmpty { credentials.sandboxName = "prod" }
    }
  }

  /// One line from standard input after `question`, trimmed.
  static func read(_ question: String, console: Console, echo: Bool = true) -> String {
    console.write(question)
    fflush(nil)
    var saved = termios()
    let hidden = !echo && tcgetattr(STDIN_FILENO, &saved) == 0
    if hidden {
      var quiet = saved
      quiet.c_lflag &= ~tcflag_t(ECHO)
      tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
    }
    let answer = readLine(strippingNewline: true) ?? ""
    if hidden {
      tcsetattr(STDIN_FILENO, TCSANOW, &saved)
      console.line()
    }
    return answer.trimmingCharacters(in: .whitespaces)
  }
}
