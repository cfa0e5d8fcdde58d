from mpmath import mp, mpf, exp, sqrt, log, erfc, findroot
mp.dps = 40
N = 256
f = lambda x: exp(-x*x/2)
tail = lambda r: sqrt(mp.pi/2)*erfc(r/sqrt(2))
def closure(r):
    v = r*f(r) + tail(r)
    x = r
    for i in range(1, N-1):
        y = v/x + f(x)
        if y >= 1: return mpf(1) - y - 1  # overshoot
        x = sqrt(-2*log(y))
    return v/x + f(x) - 1   # should be zero: top layer reaches f(0)=1
r = findroot(closure, mpf('3.6541528853610088'))
v = r*f(r)+tail(r)
print(mp.nstr(r, 25), mp.nstr(v, 25))
