# Independent reference of RandomStream.gaussian(): Ziggurat with layer = bits 0-7, sign = bit 8, abscissa = bits 11-63.
import math, struct
exec(open('streams.py').read().split('for name, k in')[0])
r = 3.6541528853610088; v = 0.004928673233974655
f = lambda x: math.exp(-0.5*x*x)
X = [0.0]*257; F = [0.0]*257
X[0] = v/f(r); F[0] = f(X[0]); X[1] = r; F[1] = f(r)
for i in range(1, 255):
    X[i+1] = math.sqrt(-2*math.log(v/X[i] + F[i])); F[i+1] = f(X[i+1])
X[256] = 0.0; F[256] = 1.0
print("closure", v/X[255] + F[255] - 1)
def gauss(g, log):
    uni = lambda: (next(g) >> 11) * 2.0**-53
    b = next(g); i = b & 0xFF; m = (b >> 11) * (X[i] * 2.0**-53); sgn = b & 0x100
    if m < X[i+1]: return -m if sgn else m
    while True:
        if i == 0:
            while True:
                e = -math.log(1 - uni())/r; y = -math.log(1 - uni())
                if y + y > e*e: break
            m = r + e; log.append('tail'); break
        if F[i] + uni()*(F[i+1]-F[i]) < math.exp(-0.5*m*m):
            log.append('wedge-accept'); break
        log.append('wedge-reject')
        b = next(g); i = b & 0xFF; m = (b >> 11) * (X[i] * 2.0**-53); sgn = b & 0x100
        if m < X[i+1]: break
    return -m if sgn else m
g = xo(state(child(root(1), 0)))
out = []
for n in range(200000):
    log = []
    z = gauss(g, log)
    out.append(z)
    if log and len([1 for o in out if 0]) == 0:
        if n < 3000 or 'tail' in log: print(n, log, repr(z))
print("first", [repr(z) for z in out[:4]])
print("sum", repr(math.fsum(out)), "sumsq", repr(math.fsum(z*z for z in out)))
print("next raw after 200000", "0x%016X" % next(g))
