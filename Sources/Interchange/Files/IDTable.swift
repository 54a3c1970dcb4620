/// A map from short texts (ids, time zones, language cells) to integers,
/// hashed on their UTF-8 bytes with ``ByteHash`` instead of the standard
/// library's SipHash (``hash(of:)``: one multiply for a key of at most 15
/// bytes): open addressing with linear probing, the full 64-bit hash kept
/// beside each entry and compared before the texts.
///
/// It answers exactly as a `[String: Int]` would (tested in `IDTableTests`):
/// ASCII keys are the same exactly when their bytes are, and as soon as a
/// key that is not ASCII is looked up or added (which `String` may find
/// canonically equivalent to another, even to an ASCII one: U+212A KELVIN
/// SIGN is "K"), the table moves its entries into a `[String: Int]` and
/// answers from it from then on. Its seed is drawn per table
/// (``ByteHash/init()``), so no file can count on collisions; tables made
/// with ``init(like:)`` share the seed, so their entries move between them
/// without being hashed again.
struct IDTable: Sequence {
  /// One key, its hash and its value.
  private struct Entry {
    var hash: UInt64
    var key: String
    var value: Int
  }

  /// The hash of the keys.
  let hash: ByteHash
  /// ``ShortASCIIText/layoutHolds``, read once.
  private let shortTexts = ShortASCIIText.layoutHolds
  /// The entries, in insertion order.
  private var entries: [Entry] = []
  /// Each slot holds an entry's index + 1, or 0 when it is empty; the
  /// table is at most half full.
  private var slots: [Int32] = []
  /// Every entry by key, once a key that is not ASCII was seen (then
  /// `entries` and `slots` are no longer used).
  private var general: [String: Int]?

  /// An empty table with a fresh random seed.
  ///
  /// - Complexity: O(1).
  init() { hash = ByteHash() }

  /// An empty table hashing as `other` does.
  ///
  /// - Complexity: O(1).
  init(like other: IDTable) { hash = other.hash }

  /// The number of keys.
  var count: Int { general?.count ?? entries.count }

  /// Makes room for `count` keys in all.
  ///
  /// - Complexity: O(`count`).
  mutating func reserveCapacity(_ count: Int) {
    if general != nil {
      general!.reserveCapacity(count)
      return
    }
    entries.reserveCapacity(count)
    if 2 * count > slots.count { grow(toHold: count) }
  }

  /// The hash of `key` as this table hashes it when `key` is ASCII, else
  /// `nil`: a key of at most 15 bytes by ``ByteHash/short(words:count:)``
  /// (one multiply), a longer one by ``ByteHash/hash(_:_:_:state:)`` and
  /// ``ByteHash/finish(_:)``; which one depends on the key's bytes only.
  ///
  /// - Complexity: O(length of `key`).
  @inline(__always)
  func hash(of key: String) -> UInt64? {
    // A short ASCII key is hashed on the words of its own value (no copy of its bytes, no scan).
    if let short = ShortASCIIText.words(of: key, layoutHolds: shortTexts) {
      return hash.short(words: short.words, count: short.count)
    }
    var key = key
    return key.withUTF8 { bytes -> UInt64? in
      guard let base = bytes.baseAddress else { return hash.short(words: (0, 0), count: 0) }
      guard InputFile.isASCII(bytes) else { return nil }
      if bytes.count <= ShortASCIIText.capacity {
        return hash.short(words: ByteHash.shortWords(base, bytes.count), count: bytes.count)
      }
      return ByteHash.finish(hash.hash(base, 0, bytes.count, state: hash.seed))
    }
  }

  /// The value of `key`, or `nil`.
  ///
  /// - Complexity: O(length of `key`) expected.
  subscript(key: String) -> Int? {
    mutating get {
      if let general { return general[key] }
      guard let keyHash = hash(of: key) else {
        useGeneral()
        return general![key]
      }
      guard let slot = find(key, hash: keyHash).entry else { return nil }
      return entries[slot].value
    }
  }

  /// The value of the short ASCII text whose `String` value has the bits
  /// `bits` (``ShortASCIIText/valueBits(_:count:)`` of its words and
  /// count, as ``CohortRowCells/shortCleanKey(_:)`` reads them from a
  /// cell), or `nil`: the answer of ``subscript(_:)`` for that text, found
  /// without making it. The text is hashed from the two words as
  /// ``hash(of:)`` hashes it (``ByteHash/short(words:count:)``), and an
  /// entry of that hash is compared by text (`String`'s `==` compares the
  /// values' bits first, which are equal for the same short text).
  ///
  /// - Precondition: `bits` are a short ASCII text's value bits (the top
  ///   byte of the second word `0xE0` or'ed with a count of at most 15;
  ///   checked by `assert`, in debug builds).
  /// - Complexity: O(1) expected.
  @inline(__always)
  func value(shortText bits: (UInt64, UInt64)) -> Int? {
    // (Checked in debug builds: the one caller's bits come from `ShortASCIIText.valueBits`.)
    assert(
      bits.1 >> 60 == 0xE && (bits.0 | bits.1 & 0x00FF_FFFF_FFFF_FFFF) & 0x8080_8080_8080_8080 == 0,
      "not a short ASCII text's value bits")
    guard general == nil else { return general?[unsafeBitCast(bits, to: String.self)] }
    let count = Int(truncatingIfNeeded: (bits.1 >> 56) & 0x0F)
    let keyHash = hash.short(words: (bits.0, bits.1 & 0x00FF_FFFF_FFFF_FFFF), count: count)
    return slots.withUnsafeBufferPointer { slots in
      let mask = slots.count - 1
      guard mask > 0 else { return nil }
      return entries.withUnsafeBufferPointer { entries in
        var slot = Int(truncatingIfNeeded: keyHash) & mask
        while true {
          let held = Int(slots[slot])
          if held == 0 { return nil }
          let entry = entries.baseAddress! + (held - 1)
          // (`==` compares the two values' bits first: equal for a short key.)
          if entry.pointee.hash == keyHash && entry.pointee.key == unsafeBitCast(bits, to: String.self) {
            return entry.pointee.value
          }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// Gives `key` the value `value` when it has none yet.
  ///
  /// - Returns: The value `key` already had (then it keeps it), or `nil`
  ///   when it was added.
  /// - Complexity: O(length of `key`) expected, amortised.
  @discardableResult
  mutating func insert(_ key: String, value: Int) -> Int? {
    insert(key, hash: general == nil ? hash(of: key) : nil, value: value)
  }

  /// ``insert(_:value:)`` with the key's hash already known (it must be
  /// ``hash(of:)``).
  ///
  /// - Complexity: O(length of `key`) expected, amortised.
  @discardableResult
  private mutating func insert(_ key: String, hash: UInt64?, value: Int) -> Int? {
    guard general == nil, let keyHash = hash else {
      useGeneral()
      if let known = general![key] { return known }
      general![key] = value
      return nil
    }
    if 2 * (entries.count + 1) > slots.count { grow(toHold: entries.count + 1) }
    let (found, slot) = find(key, hash: keyHash)
    if let found { return entries[found].value }
    slots[slot] = Int32(truncatingIfNeeded: entries.count + 1)
    entries.append(Entry(hash: keyHash, key: key, value: value))
    return nil
  }

  /// Adds every key of `other` (hashed as this table hashes) that this
  /// table lacks, with its value.
  ///
  /// - Returns: `false` as soon as a key of `other` is already here (the
  ///   keys before it are added).
  /// - Complexity: O(keys of `other`) expected.
  mutating func insertAllNew(from other: IDTable) -> Bool {
    precondition(other.hash.seed == hash.seed, "Tables merged must share their seed")
    if let more = other.general {
      for (key, value) in more where insert(key, value: value) != nil { return false }
      return true
    }
    if general != nil {
      for entry in other.entries where insert(entry.key, value: entry.value) != nil { return false }
      return true
    }
    reserveCapacity(count + other.entries.count)
    // Room is made, so each key of `other` takes an empty slot without the
    // table growing; a slot already holding one of `other`'s keys is passed
    // without comparing (a table's keys differ), one holding a key of this
    // table's is compared by hash, then text. The entries are appended at
    // the end, those before a key already here included.
    let before = entries.count
    var added = 0
    var allNew = true
    slots.withUnsafeMutableBufferPointer { slots in
      entries.withUnsafeBufferPointer { mine in
        other.entries.withUnsafeBufferPointer { more in
          let mask = slots.count - 1
          for index in more.indices {
            let entry = more.baseAddress! + index
            var slot = Int(truncatingIfNeeded: entry.pointee.hash) & mask
            while slots[slot] != 0 {
              let held = Int(slots[slot]) - 1
              if held < before && mine[held].hash == entry.pointee.hash && mine[held].key == entry.pointee.key {
                allNew = false
                return
              }
              slot = (slot + 1) & mask
            }
            slots[slot] = Int32(truncatingIfNeeded: before + index + 1)
            added = index + 1
          }
        }
      }
    }
    entries.append(contentsOf: other.entries[..<added])
    return allNew
  }

  /// Every key with its value: in insertion order, until a key that is not
  /// ASCII was seen, then in `Dictionary` order.
  ///
  /// - Complexity: O(1) to start, O(1) per key.
  func makeIterator() -> AnyIterator<(key: String, value: Int)> {
    if let general { return AnyIterator(general.lazy.map { (key: $0.key, value: $0.value) }.makeIterator()) }
    return AnyIterator(entries.lazy.map { (key: $0.key, value: $0.value) }.makeIterator())
  }

  /// Moves the entries into ``general``, which answers from then on.
  private mutating func useGeneral() {
    guard general == nil else { return }
    var all: [String: Int] = [:]
    all.reserveCapacity(entries.count)
    for entry in entries { all[entry.key] = entry.value }
    general = all
    entries = []
    slots = []
  }

  /// The entry of `key` (its index) or the empty slot where it would go.
  @inline(__always)
  private func find(_ key: String, hash keyHash: UInt64) -> (entry: Int?, slot: Int) {
    let mask = slots.count - 1
    guard mask > 0 else { return (nil, 0) }
    return slots.withUnsafeBufferPointer { slots in
      entries.withUnsafeBufferPointer { entries in
        var slot = Int(truncatingIfNeeded: keyHash) & mask
        while true {
          let held = Int(slots[slot])
          if held == 0 { return (nil, slot) }
          let entry = entries[held - 1]
          if entry.hash == keyHash && entry.key == key { return (held - 1, slot) }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// Rebuilds the slots for at least `count` keys at most half full.
  private mutating func grow(toHold count: Int) {
    var size = Swift.max(16, slots.count)
    while size < 2 * count { size <<= 1 }
    precondition(size <= Int(Int32.max), "An id table holds fewer than 2^30 keys")
    slots = [Int32](repeating: 0, count: size)
    let mask = size - 1
    slots.withUnsafeMutableBufferPointer { slots in
      for (index, entry) in entries.enumerated() {
        var slot = Int(truncatingIfNeeded: entry.hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(truncatingIfNeeded: index + 1)
      }
    }
  }
}
