package tlswire

import (
	"math/big"
	"sync"
)

// DHGroup is what a server's DH parameters are worth.
type DHGroup struct {
	Bits   int    // size of p
	Common string // the well-known group p belongs to ("RFC7919/ffdhe2048"), or ""
	Prime  bool   // p is (probably) prime
	Safe   bool   // (p-1)/2 is prime too
	// LargeOrder: g's order is proven to have a prime factor of at least
	// 160 bits, so no small-subgroup shortcut recovers the exponent. False
	// too when p-1 could not be factored far enough to tell (DSA-style
	// groups such as RFC 5114's, whose subgroup order the server does not send).
	LargeOrder bool
	// SmallOrder: g is proven weak: 0, 1, p-1 or beyond, or of an order
	// made only of primes below 2^16 (a small-subgroup group).
	SmallOrder bool
}

// MaxDHBits bounds the groups whose primality is tested.
const MaxDHBits = 8192

// smallPrimes are trial divisors for p-1: what they strip off is the smooth
// part in which a generator would be weak.
var smallPrimes = func() []uint64 {
	const limit = 1 << 16
	sieve := make([]bool, limit)
	var ps []uint64
	for i := 2; i < limit; i++ {
		if !sieve[i] {
			ps = append(ps, uint64(i))
			for j := i * i; j < limit; j += i {
				sieve[j] = true
			}
		}
	}
	return ps
}()

var (
	commonOnce sync.Once
	commonByP  map[string]string
)

// analysed caches verdicts: most servers share a few groups, and proving a
// 2048-bit safe prime costs tens of milliseconds.
var analysed = struct {
	sync.Mutex
	m map[string]DHGroup
}{m: map[string]DHGroup{}}

const maxAnalysed = 256

// Analyse judges DH parameters. Primality uses Baillie-PSW plus Miller-Rabin
// rounds: no composite is known to pass it.
func Analyse(dh DHParams) DHGroup {
	key := string(dh.P) + "\x00" + string(dh.G)
	analysed.Lock()
	got, ok := analysed.m[key]
	analysed.Unlock()
	if ok {
		return got
	}
	got = analyse(dh)
	analysed.Lock()
	if len(analysed.m) >= maxAnalysed {
		clear(analysed.m)
	}
	analysed.m[key] = got
	analysed.Unlock()
	return got
}

func analyse(dh DHParams) DHGroup {
	p, g := new(big.Int).SetBytes(dh.P), new(big.Int).SetBytes(dh.G)
	out := DHGroup{Bits: p.BitLen()}
	commonOnce.Do(func() {
		commonByP = make(map[string]string, len(commonPrimes))
		for _, c := range commonPrimes {
			if n, ok := new(big.Int).SetString(c.hex, 16); ok {
				commonByP[string(n.Bytes())] = c.name
			}
		}
	})
	out.Common = commonByP[string(p.Bytes())]
	if out.Bits > MaxDHBits {
		return out // a server could make primality tests cost seconds; nobody deploys such groups
	}
	if p.Sign() <= 0 || p.Bit(0) == 0 || !p.ProbablyPrime(4) {
		return out
	}
	out.Prime = true
	one := big.NewInt(1)
	pm1 := new(big.Int).Sub(p, one)
	if g.Cmp(one) <= 0 || g.Cmp(pm1) >= 0 {
		out.SmallOrder = true // order 1 or 2, or not an element of the group
		return out
	}
	// Split p-1 = smooth·rest over the small primes.
	rest, smooth := new(big.Int).Set(pm1), big.NewInt(1)
	var q, r, d big.Int
	for _, sp := range smallPrimes {
		d.SetUint64(sp)
		for {
			q.QuoRem(rest, &d, &r)
			if r.Sign() != 0 {
				break
			}
			rest.Set(&q)
			smooth.Mul(smooth, &d)
		}
	}
	restPrime := rest.BitLen() >= 160 && rest.ProbablyPrime(4)
	out.Safe = restPrime && smooth.Cmp(big.NewInt(2)) == 0
	// g's order divides the smooth part exactly when g^smooth = 1.
	out.SmallOrder = new(big.Int).Exp(g, smooth, p).Cmp(one) == 0
	out.LargeOrder = restPrime && !out.SmallOrder
	return out
}
