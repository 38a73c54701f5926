package contracts

import (
	"slices"
	"sync"
)

// Every literal the patterns' prefilters and the rules' triggers need gets
// an ID; one pass of a trie over a sentence finds all those it contains, as
// a bitset, and each pattern then checks its IDs instead of searching the
// sentence once per literal.
var literalIDs = map[string]int{}

func literalID(s string) int {
	if id, ok := literalIDs[s]; ok {
		return id
	}
	id := len(literalIDs)
	literalIDs[s] = id
	return id
}

// litSet is the set of literal IDs a text contains.
type litSet []uint64

func (s litSet) has(id int) bool { return id>>6 < len(s) && s[id>>6]&(1<<(id&63)) != 0 }

// orIn adds o's literals to s, in place; both have the automaton's size.
func (s litSet) orIn(o litSet) {
	for i, w := range o {
		s[i] |= w
	}
}

// litMask is a set of literal IDs kept as the words of a litSet they fall
// in: testing a text for any of them reads each of those words once, not
// one bit at a time. Patterns test their literals on every sentence.
type litMask []maskWord

type maskWord struct {
	w    int
	bits uint64
}

func maskOf(ids []int) litMask {
	var m litMask
	for _, id := range ids {
		i := slices.IndexFunc(m, func(mw maskWord) bool { return mw.w == id>>6 })
		if i < 0 {
			m, i = append(m, maskWord{w: id >> 6}), len(m)
		}
		m[i].bits |= 1 << (id & 63)
	}
	return m
}

// any reports whether s holds a literal of m.
func (s litSet) any(m litMask) bool {
	for _, mw := range m {
		if mw.w < len(s) && s[mw.w]&mw.bits != 0 {
			return true
		}
	}
	return false
}

// trie is an Aho-Corasick automaton over the bytes contracts are folded
// into, with every transition filled in: one table lookup per byte of text.
// A byte outside the classes ends every literal: its column, 0, leads back
// to the root from every state.
type trie struct {
	next   []uint16 // state*alpha + class → state: 16 bits keep the table in cache
	out    [][]int  // state → literals ending there, suffixes included (while building)
	always []int    // literals with a byte outside the classes: reported present, so their patterns run
	// bytes are the one-byte literals ("e", " ", "["): nearly every byte
	// of a text would report one, so a presence table finds them instead.
	bytes []byteLit
	// pairs are the two-byte literals ("re", "e "), found the same way
	// from the pairs of byte classes a text holds.
	pairs []pairLit
	words int
	// outIDs are the literals of each state, one list after another; a
	// state's row in next says where its list starts and how long it is,
	// in two columns no byte class uses: the scan reads them from the row
	// it reads the next transition from, already in the cache.
	outIDs []uint16
}

const (
	alpha    = 48
	colStart = alpha - 2 // where the state's literals start in outIDs
	colCount = alpha - 1 // how many there are
)

// class maps a folded byte to a column: letters and digits their own,
// space, and punctuation sharing a few. Sharing only makes the scan report
// a literal a little more often (one with "(" when the text has "[" at that
// place): the prefilter stays safe, and the table small enough for the cache.
var class = func() [256]uint8 {
	var c [256]uint8
	n := uint8(1)
	for _, b := range []byte("abcdefghijklmnopqrstuvwxyz0123456789 '-./:") {
		c[b] = n
		n++
	}
	for _, b := range []byte("()[]_@&%+,;!?\"#$*=<>\\") {
		c[b] = n // 43: other punctuation
	}
	if n >= colStart {
		panic("contracts: byte classes overlap the output columns")
	}
	return c
}()

// literals is built on first use, once every pattern has registered its
// literals (package initialisation); it is read-only afterwards.
var literals = sync.OnceValue(func() *trie {
	t := &trie{next: make([]uint16, alpha), out: [][]int{nil}, words: len(literalIDs)}
	// The goto function: a trie of the literals.
	for lit, id := range literalIDs {
		if len(lit) == 1 {
			t.bytes = append(t.bytes, byteLit{lit[0], id})
			continue
		}
		if len(lit) == 2 && class[lit[0]] != 0 && class[lit[1]] != 0 {
			t.pairs = append(t.pairs, pairLit{uint16(class[lit[0]])*alpha + uint16(class[lit[1]]), id})
			continue
		}
		n, ok := uint16(0), lit != ""
		for i := 0; i < len(lit); i++ {
			c := class[lit[i]]
			if c == 0 {
				ok = false
				break
			}
			if t.next[int(n)*alpha+int(c)] == 0 {
				if len(t.out) == 1<<16-1 {
					panic("contracts: too many literal states for a 16-bit automaton")
				}
				t.next = append(t.next, make([]uint16, alpha)...)
				t.out = append(t.out, nil)
				t.next[int(n)*alpha+int(c)] = uint16(len(t.out) - 1)
			}
			n = t.next[int(n)*alpha+int(c)]
		}
		if ok {
			t.out[n] = append(t.out[n], id)
		} else if lit != "" {
			t.always = append(t.always, id)
		}
	}
	defer t.flatten()
	// Failure links, breadth first, folded into the transitions.
	fail := make([]uint16, len(t.out))
	queue := []uint16{}
	for c := 1; c < colStart; c++ {
		if s := t.next[c]; s != 0 {
			queue = append(queue, s)
		}
	}
	for len(queue) > 0 {
		r := queue[0]
		queue = queue[1:]
		t.out[r] = append(t.out[r], t.out[fail[r]]...)
		for c := 1; c < colStart; c++ {
			s := t.next[int(r)*alpha+c]
			if s != 0 {
				fail[s] = t.next[int(fail[r])*alpha+c]
				queue = append(queue, s)
			} else {
				t.next[int(r)*alpha+c] = t.next[int(fail[r])*alpha+c]
			}
		}
	}
	return t
})

func (t *trie) flatten() {
	if len(literalIDs) > 1<<16 {
		panic("contracts: too many literals for 16-bit IDs")
	}
	for st, ids := range t.out {
		if len(t.outIDs)+len(ids) > 1<<16-1 {
			panic("contracts: too many state outputs for 16-bit offsets")
		}
		t.next[st*alpha+colStart] = uint16(len(t.outIDs))
		t.next[st*alpha+colCount] = uint16(len(ids))
		for _, id := range ids {
			t.outIDs = append(t.outIDs, uint16(id))
		}
	}
}

type pairLit struct {
	pair uint16 // first class × alpha + second class
	id   int
}

type byteLit struct {
	b  byte
	id int
}

// lanes is how many texts scanAll walks at once. Each step of a walk waits
// on a table load that depends on the step before; independent walks side
// by side keep several loads in flight, and scanning runs about 1.6 times
// as fast (BenchmarkScan).
const lanes = 4

// scanAll adds to sets[k] the literals texts[k] contains.
func (t *trie) scanAll(texts []string, sets []litSet) {
	for k, text := range texts {
		t.scanBytes(text, sets[k])
	}
	var (
		at    [lanes]int    // the text each lane walks, -1 when idle
		pos   [lanes]int    // the lane's offset in it
		state [lanes]uint16 // the lane's automaton state
	)
	fed := 0 // texts handed to a lane so far
	feed := func(l int) bool {
		for fed < len(texts) && texts[fed] == "" {
			fed++
		}
		if fed == len(texts) {
			at[l] = -1
			return false
		}
		at[l], pos[l], state[l] = fed, 0, 0
		fed++
		return true
	}
	busy := 0
	for l := range lanes {
		if feed(l) {
			busy++
		}
	}
	for busy == lanes {
		// Walk every lane as far as the shortest has left, then refill.
		n := len(texts[at[0]]) - pos[0]
		for l := 1; l < lanes; l++ {
			n = min(n, len(texts[at[l]])-pos[l])
		}
		x0, x1, x2, x3 := texts[at[0]][pos[0]:][:n], texts[at[1]][pos[1]:][:n], texts[at[2]][pos[2]:][:n], texts[at[3]][pos[3]:][:n]
		s0, s1, s2, s3 := state[0], state[1], state[2], state[3]
		set0, set1, set2, set3 := sets[at[0]], sets[at[1]], sets[at[2]], sets[at[3]]
		for i := range n {
			s0 = t.next[int(s0)*alpha+int(class[x0[i]])]
			s1 = t.next[int(s1)*alpha+int(class[x1[i]])]
			s2 = t.next[int(s2)*alpha+int(class[x2[i]])]
			s3 = t.next[int(s3)*alpha+int(class[x3[i]])]
			t.emit(s0, set0)
			t.emit(s1, set1)
			t.emit(s2, set2)
			t.emit(s3, set3)
		}
		state = [lanes]uint16{s0, s1, s2, s3}
		for l := range lanes {
			pos[l] += n
			if pos[l] == len(texts[at[l]]) && !feed(l) {
				busy--
			}
		}
	}
	for l := range lanes { // what the last lanes have left, one by one
		if at[l] >= 0 {
			t.walk(texts[at[l]][pos[l]:], state[l], sets[at[l]])
		}
	}
}

func (t *trie) walk(text string, state uint16, set litSet) {
	for i := 0; i < len(text); i++ {
		state = t.next[int(state)*alpha+int(class[text[i]])]
		t.emit(state, set)
	}
}

// emit adds the literals ending at state.
func (t *trie) emit(state uint16, set litSet) {
	row := int(state) * alpha
	if n := t.next[row+colCount]; n != 0 {
		for _, id := range t.outIDs[t.next[row+colStart]:][:n] {
			set[id>>6] |= 1 << (id & 63)
		}
	}
}

// scanBytes adds the literals that report present for any text, and the
// one- and two-byte literals text contains.
func (t *trie) scanBytes(text string, set litSet) {
	for _, id := range t.always {
		set[id>>6] |= 1 << (id & 63)
	}
	var seen [256]bool
	var pairs [alpha * alpha]bool
	prev := uint16(0)
	for i := 0; i < len(text); i++ {
		c := uint16(class[text[i]])
		seen[text[i]] = true
		pairs[prev*alpha+c] = true
		prev = c
	}
	for _, l := range t.bytes {
		if seen[l.b] {
			set[l.id>>6] |= 1 << (l.id & 63)
		}
	}
	for _, l := range t.pairs {
		if pairs[l.pair] {
			set[l.id>>6] |= 1 << (l.id & 63)
		}
	}
}
