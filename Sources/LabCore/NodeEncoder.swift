/// The `Encoder` that writes into one ``EncodingNode``.
struct NodeEncoder: Encoder, SingleValueEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    node.becomeObject()
    return KeyedEncodingContainer(NodeKeyedContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    node.becomeArray()
    return NodeUnkeyedContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer { self }

  mutating func encodeNil() throws { node.set(.null) }
  mutating func encode(_ value: Bool) throws { node.set(.bool(value)) }
  mutating func encode(_ value: String) throws { node.set(.string(value)) }
  mutating func encode(_ value: Double) throws {
    node.set(try EncodingNode.finite(value, codingPath))
  }
  mutating func encode(_ value: Float) throws {
    node.set(try EncodingNode.finite(Double(value), codingPath))
  }
  mutating func encode(_ value: Int) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: Int8) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: Int16) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: Int32) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: Int64) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: UInt) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: UInt8) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: UInt16) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: UInt32) throws { node.set(.number(Double(value))) }
  mutating func encode(_ value: UInt64) throws { node.set(.number(Double(value))) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    try node.store(value, codingPath: codingPath)
  }
}
