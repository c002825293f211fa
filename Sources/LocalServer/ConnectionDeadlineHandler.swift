import NIOCore
import NIOHTTPTypes

/// Closes a connection that is too slow to deliver a request.
///
/// That is one with no complete head within the header (first request) or idle (later
/// requests) timeout, or no end of body within the read timeout after its head. While the
/// server is answering, no deadline runs (the request timeout bounds that work).
final class ConnectionDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
  typealias InboundIn = HTTPRequestPart
  typealias InboundOut = HTTPRequestPart
  typealias OutboundIn = HTTPResponsePart
  typealias OutboundOut = HTTPResponsePart

  /// The limits in force.
  private let timeouts: ConnectionTimeouts
  /// Whether a request's head has arrived and its end has not.
  private var isReadingRequest = false
  /// Requests whose head arrived and whose response has not ended.
  private var requestsAwaitingResponse = 0
  /// Whether any request arrived on this connection yet.
  private var hasServedRequest = false
  /// The pending deadline, if any.
  private var deadline: Scheduled<Void>?

  /// Creates a handler enforcing `timeouts`.
  init(timeouts: ConnectionTimeouts) {
    self.timeouts = timeouts
  }

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive { schedule(timeouts.header, context: context) }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    cancel()
  }

  func channelActive(context: ChannelHandlerContext) {
    schedule(timeouts.header, context: context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    cancel()
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head:
      hasServedRequest = true
      isReadingRequest = true
      requestsAwaitingResponse += 1
      schedule(timeouts.read, context: context)
    case .body:
      break
    case .end:
      isReadingRequest = false
      if requestsAwaitingResponse > 0 {
        cancel()
      } else {
        schedule(timeouts.idle, context: context)
      }
    }
    context.fireChannelRead(data)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    if case .end = unwrapOutboundIn(data) {
      requestsAwaitingResponse = max(0, requestsAwaitingResponse - 1)
      if !isReadingRequest, requestsAwaitingResponse == 0 {
        schedule(hasServedRequest ? timeouts.idle : timeouts.header, context: context)
      }
    }
    context.write(data, promise: promise)
  }

  /// Replaces the pending deadline with one `limit` from now, which closes the connection.
  private func schedule(_ limit: Duration, context: ChannelHandlerContext) {
    cancel()
    let channel = context.channel
    deadline = context.eventLoop.scheduleTask(in: .init(limit)) {
      channel.close(promise: nil)
    }
  }

  /// Cancels the pending deadline.
  private func cancel() {
    deadline?.cancel()
    deadline = nil
  }
}
