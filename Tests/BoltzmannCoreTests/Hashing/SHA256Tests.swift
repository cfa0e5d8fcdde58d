import Testing
import BoltzmannCore

/// SHA-256 against the FIPS 180-4 examples (and Python's hashlib for a multi-block text).
@Suite struct SHA256Tests {
    @Test func knownDigests() {
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex(String(repeating: "boltzmann ", count: 20))
                == "854eff0d0c4d82d2341c0dd2fa06dbd604a35a246b0a91c2dfa3ec6f268cdee0")
    }

    /// FIPS 180-4's long message: one million bytes "a".
    @Test func millionBytes() {
        #expect(SHA256.hex(bytes: [UInt8](repeating: 0x61, count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
