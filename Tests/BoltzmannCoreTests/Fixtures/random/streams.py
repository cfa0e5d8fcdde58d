# Independent reference for RandomStream's derivation (StreamKey Feistel + xoshiro256**).
M = (1 << 64) - 1
def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)
C = [0x082EFA98EC4E6C89, 0x452821E638D01377, 0xBE5466CF34E90C6C, 0xC0AC29B7C97C50DD]
def P(h, l):
    h ^= mix((l + C[0]) & M); l ^= mix((h + C[1]) & M)
    h ^= mix((l + C[2]) & M); l ^= mix((h + C[3]) & M)
    return h, l
def root(seed): return P(seed, 0x243F6A8885A308D3)
def child(k, i): return P(k[0], k[1] ^ i)
def state(k):
    a = P(k[0] ^ 0x13198A2E03707344, k[1]); b = P(k[0] ^ 0xA4093822299F31D0, k[1])
    return [a[0], a[1], b[0], b[1]]
def rotl(x, k): return ((x << k) | (x >> (64 - k))) & M
def xo(s):
    while True:
        r = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
        yield r
def first(k, n=4):
    g = xo(state(k)); return [next(g) for _ in range(n)]
for name, k in [("seed 0 stream 0", child(root(0), 0)),
                ("seed 42 stream 7", child(root(42), 7)),
                ("seed 42 stream 7 substream 3", child(child(root(42), 7), 3)),
                ("seed 2^64-1 stream 2^64-1", child(root(M), M))]:
    print(name, "key", "0x%016X 0x%016X" % k)
    print("   ", ", ".join("0x%016X" % v for v in first(k)))
